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

  'forgotPassword.title': 'Wachtwoord vergeten',
  'forgotPassword.comingSoon': 'Via deze website een nieuw wachtwoord aanvragen kan nog niet. Dit komt binnenkort.',
  'forgotPassword.meanwhile': 'Bent u uw wachtwoord vergeten? Neem dan contact op met uw EVV-er. Dat is de zorgmedewerker die uw zorg regelt.',
  'forgotPassword.back': 'Terug naar inloggen',

  'notFound.title': 'Pagina niet gevonden',
  'notFound.text': 'Deze pagina bestaat niet. Misschien is het adres niet goed getypt, of is de pagina weggehaald.',
  'notFound.back': 'Naar de pagina om in te loggen',
} satisfies Record<string, string>

export type MessageKey = keyof typeof nl
