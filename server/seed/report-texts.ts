import type { Faker } from '@faker-js/faker'
import { CARE_PLAN_GOALS } from './demo-texts.ts'

/**
 * Report texts as care staff write them in an ECD: short, factual, sometimes with a line
 * break between two subjects. Sentences are templates; {Cl} becomes "Mw." or "Dhr.",
 * {cl} "mw." or "dhr.", {hij}/{Hij} "zij"/"hij", {zijn} "haar"/"zijn", {hem} "haar"/"hem",
 * {partner} "man"/"vrouw", {Familie}/{familie} a relative, {kg} a weight.
 */

export type Shift = 'day' | 'evening' | 'night'

interface Topic {
  goal: string
  /** How often the subject comes up, relative to the others. */
  weight: number
  shifts: readonly Shift[]
  sentences: readonly string[]
}

const CARE_TOPICS: readonly Topic[] = [
  {
    goal: CARE_PLAN_GOALS.selfCare,
    weight: 4,
    shifts: ['day', 'evening'],
    sentences: [
      '{Cl} is vanochtend onder de douche geweest. Rug en benen gewassen, de rest deed {hij} zelf.',
      '{Cl} heeft zich aan de wastafel gewassen met wat begeleiding. Aankleden ging vlot.',
      'Ochtendzorg verliep rustig. {Cl} koos zelf {zijn} kleding uit.',
      '{Cl} wilde vanochtend niet douchen. Dat is zo gelaten, morgen opnieuw aanbieden.',
      'Steunkousen aangetrokken en om 21.00 uur weer uitgedaan. De huid van de benen ziet er goed uit.',
      'Haren gewassen en geföhnd, {cl} was er blij mee.',
      'Gebit gepoetst na het avondeten. Gebitsprothese voor de nacht in het bakje gelegd.',
      '{Cl} heeft zich zelf uitgekleed en is zonder hulp in bed gestapt.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.nutrition,
    weight: 4,
    shifts: ['day', 'evening'],
    sentences: [
      'Ontbijt: twee boterhammen met kaas en een beker karnemelk. Goed gegeten.',
      '{Cl} at vanmiddag weinig, het bord was half leeg. Tussendoor een schaaltje vla gegeven, dat ging er wel in.',
      'Vochtlijst bijgehouden: vandaag ongeveer 1400 ml gedronken. Blijven aanbieden.',
      '{Cl} had trek in soep, een extra kop soep gegeven.',
      'Tijdens het avondeten verslikte {cl} zich een keer in de thee. Let op: rechtop laten zitten tijdens het eten.',
      'Gewogen: {kg} kg. Het gewicht is gelijk gebleven ten opzichte van vorige maand.',
      'Verjaardag van een medebewoner gevierd met gebak. {Cl} heeft twee stukken taart gegeten.',
      '{Cl} heeft zelf het brood gesmeerd en de koffie ingeschonken.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.condition,
    weight: 3,
    shifts: ['day', 'evening'],
    sentences: [
      '{Cl} heeft met de rollator naar het restaurant gelopen en weer terug. Liep stabiel.',
      'Vanmiddag een rondje door de tuin gemaakt in de rolstoel, {cl} genoot van de zon.',
      'Transfer van bed naar stoel ging goed met hulp van één verzorgende.',
      '{Cl} deed mee aan het bewegen op muziek in de huiskamer.',
      '{Cl} is zelf naar de brievenbus gelopen. Wel even uitgerust op het bankje bij de ingang.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.falls,
    weight: 1,
    shifts: ['day', 'evening', 'night'],
    sentences: [
      '{Cl} is vannacht om 03.15 uur naast het bed gevonden, zittend op de grond. Geen zichtbaar letsel en geen pijn. Met de tillift terug in bed geholpen. Melding incident gemaakt en familie ingelicht.',
      '{Cl} was vandaag wankel op de benen. Rollator binnen handbereik gezet en extra opgelet.',
      'Sensormat naast het bed gecontroleerd, werkt goed.',
      '{Cl} draagt sinds vandaag antislipsokken in bed, op advies van de fysiotherapeut.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.wellbeing,
    weight: 4,
    shifts: ['day', 'evening'],
    sentences: [
      '{Cl} was vandaag opgewekt en maakte grapjes bij de koffie.',
      '{Cl} was in de middag onrustig en zocht steeds {zijn} tas. Afleiding gegeven met thee en het fotoboek, daarna werd {hij} rustiger.',
      '{Cl} vertelde dat {hij} {zijn} overleden {partner} mist. Even bij {hem} gezeten en geluisterd.',
      'Somber vandaag, {cl} wilde op de kamer blijven. Twee keer langsgegaan voor een praatje.',
      'Rustige dag. {Cl} heeft veel naar buiten gekeken en aan een puzzel gewerkt.',
      '{Cl} was boos omdat de koffie te laat was. Excuses gemaakt, daarna was het weer goed.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.medication,
    weight: 3,
    shifts: ['day', 'evening'],
    sentences: [
      'Medicatie volgens lijst gegeven en ingenomen.',
      '{Cl} weigerde vanochtend de medicatie. Om 10.00 uur opnieuw aangeboden, toen wel ingenomen.',
      'Paracetamol 500 mg gegeven vanwege hoofdpijn. Na een uur gaf {cl} aan dat de pijn minder was.',
      'Nieuwe medicijnrol van de apotheek ontvangen en gecontroleerd. Klopt met de toedienlijst.',
      'Bloeddruk gemeten: 138/82, pols 72 en regelmatig.',
      'Insuline gegeven volgens schema. Glucose voor het avondeten 8,4 mmol/l.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.family,
    weight: 2,
    shifts: ['day', 'evening'],
    sentences: [
      '{Familie} is op bezoek geweest. Samen koffie gedronken in het restaurant.',
      '{Familie} belde om te vragen hoe het gaat. Verteld dat {cl} een goede week heeft.',
      'Vanmiddag kwamen de kleinkinderen op bezoek. {Cl} was er blij mee en vertelde er bij het eten nog over.',
      '{Familie} heeft nieuwe kleding gebracht. Kleding gemerkt en in de kast gelegd.',
      '{Cl} heeft met hulp via de tablet met {zijn} {familie} gebeld.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.sleep,
    weight: 4,
    shifts: ['night'],
    sentences: [
      'Goede nacht. Bij de rondes steeds slapend aangetroffen.',
      '{Cl} was om 02.00 uur wakker en wilde opstaan. Een glas warme melk gegeven, daarna weer ingeslapen.',
      'Onrustige nacht, {cl} riep een paar keer. Om 04.00 uur verschoond.',
      '{Cl} is om 22.30 uur naar bed gegaan en sliep om 23.00 uur.',
      '{Cl} had het koud, een extra deken gegeven. Verder rustig geslapen.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.skin,
    weight: 1,
    shifts: ['day', 'evening'],
    sentences: [
      'Wond op het linker onderbeen verzorgd volgens het wondzorgplan. De wond ziet er rustig uit, niet rood.',
      'Stuit gecontroleerd: huid is heel. Wisselligging volgens schema.',
      'Droge huid op de armen ingesmeerd met crème.',
    ],
  },
  {
    goal: CARE_PLAN_GOALS.daytime,
    weight: 2,
    shifts: ['day', 'evening'],
    sentences: [
      '{Cl} heeft in de ochtend meegedaan met krant lezen in de huiskamer.',
      'Bloemschikken bij de activiteitenbegeleiding. {Cl} heeft een bloemstuk voor {zijn} kamer gemaakt.',
      'Bingo in de grote zaal, {cl} won een prijsje.',
      'Samen met een vrijwilliger naar de markt geweest.',
      '{Cl} heeft naar een oude film gekeken en zat te neuriën bij de liedjes.',
    ],
  },
]

/** What practitioners write, by discipline; they report in the day. */
const PRACTITIONER_TOPICS: Readonly<Record<string, Topic>> = {
  Fysiotherapeut: {
    goal: CARE_PLAN_GOALS.condition,
    weight: 1,
    shifts: ['day'],
    sentences: [
      'Fysiotherapie: looptraining met de rollator, 2 keer 30 meter in de gang. Staan en lopen gaan beter dan vorige week.',
      'Fysiotherapie: oefeningen voor de beenspieren in de oefenzaal. {Cl} deed goed mee.',
      'Valrisico opnieuw bekeken. Advies: nachtlampje aan laten en antislipsokken dragen.',
    ],
  },
  Psycholoog: {
    goal: CARE_PLAN_GOALS.wellbeing,
    weight: 1,
    shifts: ['day'],
    sentences: [
      'Gesprek gehad met {cl} over hoe {hij} zich voelt sinds de verhuizing. {Cl} zegt dat het went. Vervolggesprek over twee weken.',
      'In de huiskamer meegekeken vanwege onrust in de middag. Advies aan het team: vaste dagindeling en een rustmoment na de lunch.',
    ],
  },
  'Specialist ouderengeneeskunde': {
    goal: CARE_PLAN_GOALS.medication,
    weight: 1,
    shifts: ['day'],
    sentences: [
      'Visite: {cl} gezien vanwege hoesten. Longen klinken schoon, geen koorts. Afwachten, bij koorts melden.',
      'Visite: medicatie doorgenomen, de bloeddrukmedicatie is verlaagd. Over twee weken bloeddruk meten.',
      'Jaarlijkse evaluatie besproken met {cl} en {zijn} {familie}. Afspraken en wensen vastgelegd in het dossier.',
    ],
  },
  Ergotherapeut: {
    goal: CARE_PLAN_GOALS.selfCare,
    weight: 1,
    shifts: ['day'],
    sentences: ['Ergotherapie: rolstoel opnieuw ingesteld, {cl} zit nu beter. Het zitkussen is aangepast.'],
  },
  Diëtist: {
    goal: CARE_PLAN_GOALS.nutrition,
    weight: 1,
    shifts: ['day'],
    sentences: ['Diëtist: gewicht besproken. Advies: tussendoortjes met extra eiwit, zoals yoghurt of een eiwitdrankje.'],
  },
}

const RELATIVES = ['Dochter', 'Zoon', 'Schoondochter', 'Kleindochter', 'Nicht', 'Buurvrouw'] as const

export interface ReportText {
  goal: string
  body: string
}

function fillTemplate(faker: Faker, template: string, female: boolean): string {
  const relative = faker.helpers.arrayElement(RELATIVES)
  return template
    .replaceAll('{Cl}', female ? 'Mw.' : 'Dhr.')
    .replaceAll('{cl}', female ? 'mw.' : 'dhr.')
    .replaceAll('{Hij}', female ? 'Zij' : 'Hij')
    .replaceAll('{hij}', female ? 'zij' : 'hij')
    .replaceAll('{zijn}', female ? 'haar' : 'zijn')
    .replaceAll('{hem}', female ? 'haar' : 'hem')
    .replaceAll('{partner}', female ? 'man' : 'vrouw')
    .replaceAll('{Familie}', relative)
    .replaceAll('{familie}', relative.toLowerCase())
    .replaceAll('{kg}', faker.number.float({ min: 52, max: 88, fractionDigits: 1 }).toFixed(1).replace('.', ','))
}

/** A report by a caregiver: one main subject, sometimes a second one on a new line. */
export function composeCareReport(faker: Faker, shift: Shift, female: boolean): ReportText {
  const topics = CARE_TOPICS.filter((topic) => topic.shifts.includes(shift))
  const main = faker.helpers.weightedArrayElement(topics.map((topic) => ({ value: topic, weight: topic.weight })))
  const sentences = faker.helpers.arrayElements(main.sentences, faker.helpers.weightedArrayElement([
    { value: 1, weight: 6 },
    { value: 2, weight: 3 },
  ]))
  let body = sentences.map((sentence) => fillTemplate(faker, sentence, female)).join(' ')
  if (faker.number.float() < 0.25) {
    const extra = faker.helpers.arrayElement(topics.filter((topic) => topic !== main))
    const separator = faker.datatype.boolean() ? '\n' : '\n\n'
    body += separator + fillTemplate(faker, faker.helpers.arrayElement(extra.sentences), female)
  }
  return { goal: main.goal, body }
}

/** A report by a practitioner of `discipline`, or undefined when that discipline does not report. */
export function composePractitionerReport(faker: Faker, discipline: string, female: boolean): ReportText | undefined {
  const topic = PRACTITIONER_TOPICS[discipline]
  if (!topic) return undefined
  return { goal: topic.goal, body: fillTemplate(faker, faker.helpers.arrayElement(topic.sentences), female) }
}
