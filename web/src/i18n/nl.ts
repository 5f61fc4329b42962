import type { nlAccessGrants } from './nl-access-grants.ts'
import type { nlAccount } from './nl-account.ts'
import type { nlAdmin } from './nl-admin.ts'
import type { nlClientRecord } from './nl-client-record.ts'
import type { nlProfile } from './nl-profile.ts'
import type { nlSecondFactor } from './nl-second-factor.ts'
import type { nlWorkspace } from './nl-workspace.ts'

/**
 * The Dutch texts of the interface: Dutch is the first language, so this file is the
 * source of the message keys. Plain Dutch at language level B1; the polite "u".
 * `{name}` marks a value filled in by `t()`.
 */
export const nl = {
  'app.portalName': 'Cliëntportaal',
  'app.skipLink': 'Naar de inhoud',

  'language.switch': 'English',

  'menu.label': 'Hoofdmenu',
  'menu.toggle': 'Menu',
  'menu.home': 'Home',
  'menu.profile': 'Profiel',
  'menu.reports': 'Rapportages',
  'menu.carePlanPrints': 'Cliëntplanafdrukken',
  'menu.messages': 'Berichten',
  'menu.appointments': 'Afspraken',
  'menu.subscriptions': 'Abonnementen',
  'menu.accessLog': 'Wie heeft mijn dossier ingezien?',

  'userMenu.profile': 'Mijn profiel',
  'userMenu.logout': 'Uitloggen',

  'login.title': 'Inloggen',
  'login.intro': 'Log in met uw gebruikersnaam en wachtwoord.',
  'login.loginName': 'Gebruikersnaam',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.pending': 'Even geduld. We controleren uw gegevens.',
  'login.forgotPassword': 'Wachtwoord vergeten?',
  'login.noPasswordYet': 'Nog geen wachtwoord?',
  'login.requestPassword': 'Wachtwoord opvragen',
  'login.loginNameRequired': 'Vul uw gebruikersnaam in.',
  'login.passwordRequired': 'Vul uw wachtwoord in.',
  'login.loginNameInvalid': 'Deze gebruikersnaam klopt niet. Kijk of u hem goed heeft ingevuld.',
  'login.passwordInvalid': 'Dit wachtwoord klopt niet. Kijk of u het goed heeft ingevuld.',

  'news.title': 'Nieuws',
  'news.loading': 'Het nieuws wordt geladen.',
  'news.error': 'Het nieuws kan nu niet worden geladen. Probeer het later opnieuw.',
  'news.retry': 'Opnieuw proberen',
  'news.empty': 'Er zijn geen meldingen',
  'news.published': 'Geplaatst op {date}',

  'notFound.title': 'Pagina niet gevonden',
  'notFound.text': 'Deze pagina bestaat niet. Misschien is het adres niet goed getypt, of is de pagina weggehaald.',
  'notFound.back': 'Naar de pagina om in te loggen',

  'profile.title': 'Mijn profiel',

  'accessLog.wayIn': 'ingelogd met {wayIn}',
  'wayIn.digid': 'DigiD (niveau Substantieel)',
  'wayIn.digidHigh': 'DigiD (niveau Hoog)',
  'wayIn.sms': 'wachtwoord en SMS-code',
  'wayIn.totp': 'wachtwoord en code uit de app',
  'wayIn.passkey': 'passkey',
  'wayIn.oidc': 'account van de organisatie',
  'wayIn.other': 'onbekend',

  'passkeyLogin.or': 'of',
  'passkeyLogin.button': 'Inloggen met een passkey',
  'passkeyLogin.hint': 'Met uw vingerafdruk, gezicht of pincode. U stelt dit in bij Mijn profiel.',
  'passkeyLogin.pending': 'Volg de stappen op uw scherm.',
  'passkeyLogin.cancelled': 'Inloggen met een passkey is gestopt. Probeer het opnieuw, of log in met uw gebruikersnaam en wachtwoord.',

  'passkeyOffer.title': 'Wilt u voortaan inloggen met uw vingerafdruk of gezicht?',
  'passkeyOffer.text': 'Dat is makkelijker dan een SMS-code overtypen, en net zo veilig. U maakt hiervoor een passkey op dit apparaat. Het duurt maar een minuut.',
  'passkeyOffer.accept': 'Ja, passkey instellen',
  'passkeyOffer.dismiss': 'Nee, bedankt',

  'app.loading': 'Even geduld. De pagina wordt geladen.',
  'app.sessionError': 'We kunnen nu niet nagaan of u bent ingelogd. Probeer het later opnieuw.',
  'app.retry': 'Opnieuw proberen',
  'footer.label': 'Over het portaal',
  'footer.terms': 'Gebruikersvoorwaarden',
  'login.notice.logged-out': 'U bent uitgelogd.',
  'login.notice.session-ended': 'U bent niet meer ingelogd. Log opnieuw in om verder te gaan.',
  'login.notice.idle': 'U bent uitgelogd, omdat u een tijd niets heeft gedaan in het portaal. Dat is voor uw veiligheid. Log opnieuw in om verder te gaan.',
  'digidLogin.button': 'Inloggen met DigiD',
  'digidLogin.hint': 'Voor cliënten en vertegenwoordigers: log in met uw eigen DigiD. Geen DigiD? Log hieronder in met uw gebruikersnaam en wachtwoord.',
  'digidLogin.failed': 'Inloggen met DigiD is niet gelukt. Probeer het opnieuw. Lukt het niet? Neem contact op met de zorgorganisatie.',
  'ssoLogin.button': 'Inloggen via uw organisatie',
  'ssoLogin.hint': 'Voor medewerkers: log in met het account van uw organisatie.',
  'ssoLogin.failed': 'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw, of log in met uw gebruikersnaam en wachtwoord. Lukt het niet? Neem contact op met de beheerder.',
  'idle.title': 'Wilt u ingelogd blijven?',
  'idle.text': 'U heeft een tijd niets gedaan in het portaal. Over 2 minuten wordt u uitgelogd. Dat is voor uw veiligheid.',
  'idle.stay': 'Blijf ingelogd',
  'idle.logout': 'Uitloggen',
  'home.title': 'Home',
  'home.greeting': 'Welkom, {name}',
  'home.loggedIn': 'U bent ingelogd in het cliëntportaal.',
  'home.notYet': 'Hier komt later een overzicht van het dossier: rapportages, berichten, afspraken en meer. Dat deel van het portaal is nog niet klaar.',
  'notReady.text': 'Dit onderdeel is nog niet beschikbaar in het portaal. Het komt binnenkort.',
  'notReady.back': 'Naar Home',

  // In the header, on every page of a client's record (its other texts: nl-client-record.ts).
  'clients.recordOf': 'Dossier van',
  'clients.switchTo': 'Kies een andere cliënt:',
} satisfies Record<string, string>

/**
 * Every key: these texts, and those of the login's second step, the account's pages
 * (passwords, terms, step-up), the client record, Mijn profiel, the workspace and the administrators' pages, which come with
 * those pages' JavaScript (loadMessages in use-t.ts).
 */
export type MessageKey = keyof typeof nl | keyof typeof nlAccount | keyof typeof nlClientRecord | keyof typeof nlProfile | keyof typeof nlSecondFactor | keyof typeof nlWorkspace | keyof typeof nlAdmin | keyof typeof nlAccessGrants
