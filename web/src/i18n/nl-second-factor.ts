/**
 * The Dutch texts of the login's second step (SMS code, app, recovery code): they come with that
 * step's JavaScript (login-journey.tsx, loadMessages in use-t.ts), which loads after the login
 * page is painted. nl.ts names their keys in MessageKey; en.ts has their English. Plain Dutch at
 * language level B1; the polite "u".
 */
export const nlSecondFactor = {
  'secondFactor.title': 'Inlogcode',
  'secondFactor.intro': 'Uw wachtwoord klopt. Nu heeft u nog een inlogcode nodig.',
  'secondFactor.chooseMethod': 'Hoe wilt u inloggen?',
  'secondFactor.method.sms': 'Met een code per SMS',
  'secondFactor.method.totp': 'Code uit uw app',
  'secondFactor.method.recovery_code': 'Herstelcode',
  'secondFactor.submit': 'Inloggen',
  'secondFactor.pending': 'Even geduld. We controleren de code.',
  'secondFactor.startOver': 'Opnieuw beginnen',
  'sms.explainEnding': 'Wij sturen een SMS met een inlogcode naar uw mobiele nummer dat eindigt op {ending}.',
  'sms.explain': 'Wij sturen een SMS met een inlogcode naar uw mobiele telefoon.',
  'sms.request': 'SMS-inlogcode aanvragen',
  'sms.requestPending': 'Even geduld. We sturen de SMS.',
  'sms.sent': 'Er is een SMS verstuurd naar uw mobiele telefoon. De code begint met {prefix}. Het kan een paar seconden duren voordat u de SMS krijgt.',
  'sms.resent': 'Er is een nieuwe SMS verstuurd. De nieuwe code begint met {prefix}. De oude code werkt niet meer.',
  'sms.codeLabel': 'Inlogcode',
  'sms.codeHint': 'De code begint met {prefix}. Die cijfers staan er al. Typ alleen de 6 cijfers na het streepje.',
  'sms.resend': 'Stuur een nieuwe SMS',
  'code.required': 'Vul de 6 cijfers van de inlogcode in.',
  'code.sixDigits': 'De inlogcode heeft 6 cijfers. Kijk of u alle cijfers goed heeft ingevuld.',
  'totp.label': 'Code uit uw app',
  'totp.hint': 'Open de authenticator-app op uw telefoon en typ de 6 cijfers die u daar ziet.',
  'recovery.label': 'Herstelcode',
  'recovery.hint': 'Typ een van de herstelcodes die u heeft bewaard. Elke herstelcode werkt maar één keer.',
  'recovery.required': 'Vul een herstelcode in.',
} satisfies Record<string, string>
