/**
 * Word lists for the demo data: names, places and services that look like a Dutch elderly
 * care organisation around Zeist. All people are invented; combinations are drawn at random.
 * The names are those of people born between 1925 and 1955, not faker's modern first names.
 */

export const ORGANISATION = {
  name: 'Zorggroep De Linde',
  tagline: 'Zorg met aandacht, dichtbij',
  // Dark linden green: white text on it has a contrast ratio of about 7.6:1 (WCAG AA needs 4.5:1).
  primaryColor: '#1d5e4a',
  accentColor: '#e3f1ea',
  supportText:
    'Vragen over het cliëntportaal? Bespreek ze met de eerst verantwoordelijk verzorgende (EVV-er) van uw team.',
} as const

export interface TeamDefinition {
  name: string
  location: string
  /** Home care clients live at home; their address is their current one. */
  homeCare: boolean
}

export const TEAMS: readonly TeamDefinition[] = [
  { name: 'Team Lindehof', location: 'Woonzorgcentrum De Linde, Zeist', homeCare: false },
  { name: 'Team Beukenhof', location: 'Woonzorgcentrum De Linde, Zeist', homeCare: false },
  { name: 'Team Kastanjelaan', location: 'Het Lindehuis, Bilthoven', homeCare: false },
  { name: 'Wijkteam Zeist-Noord', location: 'Thuiszorg De Linde, Zeist', homeCare: true },
  { name: 'Team Revalidatie', location: 'Revalidatiecentrum De Boomgaard, De Bilt', homeCare: false },
]

/**
 * Practitioners work for several teams; membership gives them access to those teams' clients.
 * `teams` are indexes into TEAMS.
 */
export const PRACTITIONERS: readonly { discipline: string; teams: readonly number[] }[] = [
  { discipline: 'Specialist ouderengeneeskunde', teams: [0, 1, 2] },
  { discipline: 'Specialist ouderengeneeskunde', teams: [3, 4] },
  { discipline: 'Fysiotherapeut', teams: [0, 1, 2] },
  { discipline: 'Fysiotherapeut', teams: [3, 4] },
  { discipline: 'Psycholoog', teams: [0, 1, 2, 3, 4] },
  { discipline: 'Ergotherapeut', teams: [0, 2, 4] },
  { discipline: 'Diëtist', teams: [1, 3] },
]

/** Caregivers per team besides the demo caregiver (who joins team 0). */
export const CAREGIVER_DISCIPLINES_PER_TEAM: readonly (readonly string[])[] = [
  ['Verzorgende IG', 'Verpleegkundige'],
  ['Verzorgende IG', 'Verpleegkundige', 'Helpende'],
  ['Verzorgende IG', 'Verpleegkundige'],
  ['Verzorgende IG', 'Verpleegkundige'],
  ['Verzorgende IG', 'Verpleegkundige', 'Helpende'],
]

export const FEMALE_GIVEN_NAMES = [
  'Johanna', 'Maria', 'Cornelia', 'Wilhelmina', 'Hendrika', 'Geertruida', 'Adriana', 'Elisabeth',
  'Catharina', 'Anna', 'Petronella', 'Aaltje', 'Grietje', 'Jacoba', 'Gerarda', 'Margaretha',
  'Alida', 'Klazina', 'Dirkje', 'Riet', 'Truus', 'Bep', 'Corrie', 'Annie', 'Gerda', 'Tineke',
  'Joke', 'Ria', 'Nel', 'Dinie', 'Willy', 'Sjaan', 'Hennie', 'Lenie', 'Toos', 'Mien',
] as const

export const MALE_GIVEN_NAMES = [
  'Johannes', 'Hendrik', 'Cornelis', 'Jacobus', 'Petrus', 'Willem', 'Gerrit', 'Jan', 'Dirk',
  'Klaas', 'Pieter', 'Adrianus', 'Theodorus', 'Antonius', 'Bernardus', 'Frans', 'Kees', 'Henk',
  'Wim', 'Joop', 'Gerard', 'Arie', 'Teun', 'Evert', 'Hein', 'Toon',
] as const

/** [prefix (tussenvoegsel), family name]: the prefix is stored apart so lists sort on the name. */
export const FAMILY_NAMES: readonly (readonly [string, string])[] = [
  ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'],
  ['', 'Visser'], ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'],
  ['', 'Bos'], ['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'], ['van', 'Leeuwen'], ['', 'Dekker'],
  ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['van der', 'Meer'], ['van der', 'Linden'],
  ['', 'Kok'], ['de', 'Haan'], ['', 'Vermeulen'], ['van den', 'Heuvel'], ['van der', 'Veen'],
  ['van den', 'Broek'], ['de', 'Bruijn'], ['de', 'Jong'], ['uit de', 'Bosch'], ['uit den', 'Bogaard'],
  ["in 't", 'Veld'], ['ter', 'Horst'], ['ten', 'Cate'], ["van 't", 'Hof'], ['op de', 'Weegh'],
  ['', 'Schouten'], ['van', 'Beek'], ['', 'Willemsen'], ['van', 'Wijk'], ['', 'Koster'],
  ['', 'Prins'], ['', 'Huisman'], ['van', 'Rijn'], ['', 'Kuipers'], ['van', 'Vliet'], ['', 'Hoekstra'],
]

/** Towns around the organisation, with their four-digit postal code range. */
export const TOWNS: readonly { name: string; postalRange: readonly [number, number] }[] = [
  { name: 'Zeist', postalRange: [3701, 3709] },
  { name: 'Bilthoven', postalRange: [3721, 3723] },
  { name: 'De Bilt', postalRange: [3731, 3732] },
  { name: 'Driebergen-Rijsenburg', postalRange: [3971, 3972] },
  { name: 'Utrecht', postalRange: [3511, 3585] },
  { name: 'Houten', postalRange: [3991, 3998] },
  { name: 'Bunnik', postalRange: [3981, 3981] },
  { name: 'Soest', postalRange: [3761, 3768] },
  { name: 'Maarssen', postalRange: [3601, 3608] },
]

export const PLACES_OF_BIRTH = [
  'Utrecht', 'Amsterdam', 'Rotterdam', "'s-Gravenhage", 'Zeist', 'Amersfoort', 'Hilversum', 'Leiden',
  'Haarlem', 'Groningen', 'Zwolle', 'Deventer', 'Arnhem', 'Nijmegen', 'Gouda', 'Woerden', 'Doorn',
  'Soest', 'Baarn', "'s-Hertogenbosch", 'Tilburg', 'Breda', 'Dordrecht', 'Leeuwarden', 'Wijk bij Duurstede',
] as const

/** Born abroad: a minority, with the nationality that fits. */
export const BORN_ABROAD: readonly { place: string; nationality: string }[] = [
  { place: 'Paramaribo', nationality: 'Nederlandse' },
  { place: 'Antwerpen', nationality: 'Belgische' },
  { place: 'Keulen', nationality: 'Duitse' },
  { place: 'Bandung', nationality: 'Nederlandse' },
]

export const GENERAL_PRACTITIONERS = [
  'Huisartsenpraktijk De Brink', 'Huisartsenpraktijk Slotlaan', 'Huisartsenpraktijk Kerckebosch',
  'Huisartsenpraktijk Jansen en Bakker', 'Huisartsenpraktijk Het Lindeplein', 'Huisartsenpraktijk Bilthoven-Noord',
  'Huisartsenpraktijk De Bilt-Centrum', 'Huisartsenpraktijk Driebergen',
] as const

export const ADMISSION_BASES: readonly { status: string; basis: string; weight: number }[] = [
  { status: 'Vrijwillig', basis: 'Wlz-indicatie', weight: 12 },
  { status: 'Niet vrijwillig', basis: 'Rechterlijke machtiging', weight: 3 },
  { status: 'Geen bereidheid, geen bezwaar', basis: 'Wzd-artikel 21', weight: 3 },
]

export const HOME_CARE_ADMISSION = { status: 'Vrijwillig', basis: 'Zvw-indicatie wijkverpleging' } as const

export const SUBSCRIPTIONS: readonly { service: string; suppliers: readonly string[]; homeCareOnly?: boolean }[] = [
  { service: 'Kapper', suppliers: ['Zorggroep De Linde', 'Kapsalon Knip en Krul'] },
  { service: 'Pedicure', suppliers: ['Pedicurepraktijk Voetenwerk', 'Zorggroep De Linde'] },
  { service: 'Krant', suppliers: ['Stichtse Courant'] },
  { service: 'Wasservice', suppliers: ['Wasserij Het Linnenhuis'] },
  { service: 'Telefoon en televisie', suppliers: ['De Linde Facilitair'] },
  { service: 'Maaltijdservice', suppliers: ['Maaltijdservice De Linde'], homeCareOnly: true },
  { service: 'Personenalarmering', suppliers: ['Alarmcentrale De Linde'], homeCareOnly: true },
]

/** Appointment kinds. `withDiscipline` takes the name of the client's practitioner of that discipline. */
export const APPOINTMENT_KINDS: readonly {
  title: string
  location: string
  withWhom?: string
  withDiscipline?: string
  minutes: number
}[] = [
  { title: 'Visite specialist ouderengeneeskunde', location: 'Eigen kamer', withDiscipline: 'Specialist ouderengeneeskunde', minutes: 30 },
  { title: 'Fysiotherapie', location: 'Oefenzaal', withDiscipline: 'Fysiotherapeut', minutes: 45 },
  { title: 'Kapper', location: 'Kapsalon, begane grond', withWhom: 'Kapsalon Knip en Krul', minutes: 45 },
  { title: 'Pedicure', location: 'Eigen kamer', withWhom: 'Pedicurepraktijk Voetenwerk', minutes: 30 },
  { title: 'Mondzorg: controle gebit', location: 'Behandelkamer mondzorg', withWhom: 'Tandarts Mondzorg Zeist', minutes: 30 },
  { title: 'Oogarts', location: 'Ziekenhuis, polikliniek oogheelkunde', withWhom: 'Oogarts', minutes: 60 },
  { title: 'Zorgplanbespreking', location: 'Kantoor van het team', withWhom: 'EVV-er', minutes: 60 },
  { title: 'Audicien: controle gehoorapparaat', location: 'Eigen kamer', withWhom: 'Hoorcentrum Zeist', minutes: 30 },
  { title: 'Bloedprikken', location: 'Eigen kamer', withWhom: 'Trombosedienst', minutes: 15 },
  { title: 'Samen zingen', location: 'Grote zaal', withWhom: 'Activiteitenbegeleiding', minutes: 60 },
  { title: 'Bezoek familie', location: 'Restaurant', withWhom: 'Familie', minutes: 90 },
]

/** Care-plan goals, phrased as in the source document ("Cliënt behoudt of verbetert zijn conditie"). */
export const CARE_PLAN_GOALS = {
  condition: 'Cliënt behoudt of verbetert zijn conditie',
  selfCare: 'Cliënt is zo zelfstandig mogelijk bij de persoonlijke verzorging',
  nutrition: 'Cliënt krijgt voldoende voeding en vocht binnen',
  falls: 'Cliënt heeft zo min mogelijk kans om te vallen',
  wellbeing: 'Cliënt voelt zich prettig en veilig',
  medication: 'Cliënt gebruikt de medicatie zoals voorgeschreven',
  family: 'Cliënt houdt contact met familie en naasten',
  sleep: 'Cliënt heeft een goede nachtrust',
  skin: 'Cliënt heeft een gave huid',
  daytime: 'Cliënt heeft een zinvolle daginvulling',
} as const

export const MARITAL_STATUSES_FEMALE = ['weduwe', 'weduwe', 'weduwe', 'gehuwd', 'gehuwd', 'ongehuwd', 'gescheiden'] as const
export const MARITAL_STATUSES_MALE = ['gehuwd', 'gehuwd', 'weduwnaar', 'weduwnaar', 'ongehuwd', 'gescheiden', 'geregistreerd partnerschap'] as const

/** Common Dutch street names, for last home addresses. */
export const STREETS = [
  'Slotlaan', 'Lindenlaan', 'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Beukenlaan', 'Eikenlaan',
  'Julianalaan', 'Wilhelminalaan', 'Prins Bernhardlaan', 'Emmalaan', 'Oranjelaan', 'Schoolstraat',
  'Stationsweg', 'Rembrandtlaan', 'Vermeerstraat', 'Merelstraat', 'Lijsterlaan', 'Hoofdstraat',
  'Utrechtseweg', 'Jacob van Ruisdaellaan', 'Kastanjelaan', 'Berkenweg', 'Vondellaan', 'Nassaulaan',
] as const
