import { addDays, amsterdamDate, dutchLongDate } from '../platform/amsterdam-time.ts'

/** Version 1 of the terms of use: plain Dutch at language level B1, short paragraphs. */
export const TERMS_OF_USE_V1 = `Gebruikersvoorwaarden cliëntportaal Zorggroep De Linde

Wat is het cliëntportaal?
In het cliëntportaal leest u een deel van het dossier van de cliënt. U ziet bijvoorbeeld de rapportages, het zorgplan en de afspraken. U kunt ook berichten sturen naar het team. Het portaal is gratis.

Wie mag het portaal gebruiken?
Alleen u mag inloggen met uw gebruikersnaam en wachtwoord. Geef deze nooit aan iemand anders, ook niet aan familie. Wilt u dat iemand anders ook meekijkt? Dan kan die persoon een eigen account aanvragen. De cliënt (of de wettelijk vertegenwoordiger) moet daar toestemming voor geven.

Hoe gaat u om met de gegevens?
De gegevens in het portaal zijn privé. Deel ze niet met anderen en zet ze niet op internet. Gebruikt u een computer van iemand anders? Log dan altijd uit als u klaar bent.

Berichten
Een bericht is geen alarmnummer. Het team leest berichten zo snel als het kan, maar niet altijd dezelfde dag. Is er haast of een noodgeval? Bel dan het team of 112.

Wat doet Zorggroep De Linde?
Wij beveiligen het portaal goed. Wij houden bij wie het dossier heeft bekeken. U kunt dit zelf zien bij "Wie heeft mijn dossier ingezien?". Soms is het portaal even niet beschikbaar, bijvoorbeeld bij onderhoud. Dat melden wij vooraf bij het nieuws.

Klopt er iets niet?
Ziet u iets in het dossier dat niet klopt? Of denkt u dat iemand anders uw gegevens heeft gebruikt? Neem dan contact op met de EVV-er van het team.

Stoppen
U kunt altijd stoppen met het portaal. Zeg dit tegen de EVV-er. Ook de toestemming kan op elk moment worden ingetrokken.`

export interface NewsText {
  title: string
  body: string
  publishFrom: Date
  publishUntil: Date | null
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * One current item (planned maintenance, a few days ahead), one that has expired and one
 * scheduled for later, so the news block and its date rules can be seen working.
 */
export function demoNews(now: Date): NewsText[] {
  const today = amsterdamDate(now)
  const maintenanceDay = addDays(today, 5)
  const openDay = addDays(today, 30)
  return [
    {
      title: 'Onderhoud aan het cliëntportaal',
      body: `Op ${dutchLongDate(maintenanceDay)} van 7.00 tot 9.00 uur doen wij onderhoud aan het cliëntportaal. U kunt dan niet inloggen. Daarna werkt alles weer zoals u gewend bent.`,
      publishFrom: new Date(now.getTime() - 2 * DAY_MS),
      publishUntil: new Date(now.getTime() + 6 * DAY_MS),
    },
    {
      title: 'Nieuw: berichten sturen naar uw EVV-er',
      body: 'Vanaf nu kunt u in het cliëntportaal een bericht sturen naar de EVV-er en het team. U vindt dit onder "Berichten".',
      publishFrom: new Date(now.getTime() - 120 * DAY_MS),
      publishUntil: new Date(now.getTime() - 90 * DAY_MS),
    },
    {
      title: 'Open middag in De Linde',
      body: `Op ${dutchLongDate(openDay)} is er van 14.00 tot 16.30 uur een open middag in de grote zaal. Familie en vrienden zijn van harte welkom. Aanmelden kan bij het team.`,
      publishFrom: new Date(now.getTime() + 20 * DAY_MS),
      publishUntil: new Date(now.getTime() + 50 * DAY_MS),
    },
  ]
}
