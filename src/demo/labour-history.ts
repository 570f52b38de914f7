/**
 * Five years of the labour-market unit (Jobbenheten) of the demo municipality: the intervention
 * catalogue of the seeds, a referral for every labour case the generator opened, introduction
 * days, registrations with Arbetsförmedlingen, mappings, personal plans with follow-ups,
 * placements (with waiting lists where an intervention is full), weekly attendance, subsidised
 * employments in chains, exits, the information flows between the two units, the notices back
 * to assistance, and the summer-jobs rounds. Pure and deterministic: the same seed and today give
 * the same rows.
 *
 * The labour side follows the assistance side: a household whose assistance period ended with
 * work (or work with support) got its employment from the unit when the period closed; a
 * household that came back to assistance after such a closure had a last employment that did not
 * qualify for unemployment insurance (the Borås lesson of seed 003), and its referral ended as
 * 'work_subsidised' when that employment began. Other exits follow the assistance exit reason
 * (studies, moved, other authorities, plan broken off) where the labour case closed around the
 * same time.
 */
import { attendanceNotices } from '../labour/domain/attendance-rules.ts';
import { employmentFormOn } from '../labour/domain/employment-forms.ts';
import { codedUnemployed } from '../labour/domain/registration-flag.ts';
import { allocateSummerJobs, nextInLine, type SummerApplicant } from '../labour/domain/summer-jobs.ts';
import type {
  AbsenceReason,
  EmployerKind,
  ExitResult,
  InterventionKind,
  NoticeKind,
  ReferralInitiator,
} from '../labour/domain/terms.ts';
import type { Sex } from '../people/domain/personnummer.ts';
import { SyntheticPersonalNumberAllocator } from '../people/domain/synthetic-personal-number.ts';
import type { AssistanceDemoData, DemoData, LabourDemoData } from './demo-data.ts';
import { CITY, NAME_GROUPS, STREETS, type Origin } from './names.ts';
import { Random } from './random.ts';

/** The labour side of the demo and what it changes in the people part. */
export interface LabourHistory {
  data: LabourDemoData;
  /** The summer-job applicants who are not members of a demo household (new young persons). */
  persons: DemoData['person'];
  /** The cases again, the labour cases opened and closed with their referral. */
  clientCases: DemoData['client_case'];
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC).

const DAY_MS = 86_400_000;
const toDay = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday, 1 = Monday. */
const weekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const mondayOf = (day: number) => day - (weekday(day) - 1);
const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
/** The last day of an employment of `months` months from `start` (the day before the same date). */
const monthsEnd = (start: number, months: number) => {
  const d = new Date(start * DAY_MS);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), last)) / DAY_MS - 1;
};
const at = (day: number, hour: number, minute = 0) => new Date(day * DAY_MS + (hour * 60 + minute) * 60_000);
const ageOn = (birth: string, day: number) => {
  const date = fromDay(day);
  const age = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) < birth.slice(5) ? age - 1 : age;
};

// ---------------------------------------------------------------------------------------------
// The catalogue (seed 000: Uppsala's and Borås' interventions; seed 003: Återbruk's workshops).

type InterventionKey =
  | 'aktiv_kraft'
  | 'puls'
  | 'studiesteget'
  | 'jobbspar_vard'
  | 'jobbspar_lokalvard'
  | 'jobbspar_restaurang'
  | 'arbetstraning'
  | 'praktik_kommun'
  | 'praktik_privat'
  | 'jobbmatchning'
  | 'yrkessvenska'
  | 'cykelverkstaden'
  | 'snickeriet'
  | 'second_hand';

interface InterventionSpec {
  key: InterventionKey;
  name: string;
  kind: InterventionKind;
  workOriented: boolean;
  targetGroup: string;
  minAge: number | null;
  maxAge: number | null;
  maxWeeks: number;
  maxHours: number;
  capacity: number | null;
  /** How long a demo placement lasts, in weeks. */
  weeks: readonly [number, number];
}

const SHORTAGE =
  'Utrikes födda som behöver extra stöd för att klara en yrkesutbildning mot ett kommunalt bristyrke';

export const DEMO_INTERVENTIONS: readonly InterventionSpec[] = [
  {
    key: 'aktiv_kraft',
    name: 'Aktiv Kraft',
    kind: 'low_threshold',
    workOriented: false,
    targetGroup:
      'Personer som initialt har låg aktivitetsförmåga: individuellt valbara aktiviteter på upp till halvtid',
    minAge: 18,
    maxAge: null,
    maxWeeks: 24,
    maxHours: 20,
    capacity: 280,
    weeks: [6, 24],
  },
  {
    key: 'puls',
    name: 'PULS',
    kind: 'coaching',
    workOriented: false,
    targetGroup:
      'Unga med aktivitetsersättning som bedöms ha framtida arbetsförmåga och personer med motsvarande problematik, 20–55 år (individuellt coachande arbetsstöd)',
    minAge: 20,
    maxAge: 55,
    maxWeeks: 52,
    maxHours: 20,
    capacity: 35,
    weeks: [16, 52],
  },
  {
    key: 'studiesteget',
    name: 'Studiesteget',
    kind: 'supported_education',
    workOriented: false,
    targetGroup: 'Personer som står särskilt långt från arbete och ska inleda studier (Supported Education)',
    minAge: 18,
    maxAge: null,
    maxWeeks: 40,
    maxHours: 20,
    capacity: 30,
    weeks: [10, 30],
  },
  {
    key: 'jobbspar_vard',
    name: 'Jobbspår vård och omsorg',
    kind: 'job_track',
    workOriented: true,
    targetGroup: `${SHORTAGE}: undersköterska och servicebiträde`,
    minAge: 18,
    maxAge: 64,
    maxWeeks: 40,
    maxHours: 40,
    capacity: 16,
    weeks: [20, 40],
  },
  {
    key: 'jobbspar_lokalvard',
    name: 'Jobbspår lokalvård',
    kind: 'job_track',
    workOriented: true,
    targetGroup: `${SHORTAGE}: lokalvårdare`,
    minAge: 18,
    maxAge: 64,
    maxWeeks: 26,
    maxHours: 40,
    capacity: 12,
    weeks: [12, 26],
  },
  {
    key: 'jobbspar_restaurang',
    name: 'Jobbspår restaurang',
    kind: 'job_track',
    workOriented: true,
    targetGroup: `${SHORTAGE}: kock och restaurangbiträde`,
    minAge: 18,
    maxAge: 64,
    maxWeeks: 30,
    maxHours: 40,
    capacity: 12,
    weeks: [16, 30],
  },
  {
    key: 'arbetstraning',
    name: 'Arbetsträning',
    kind: 'work_training',
    workOriented: true,
    targetGroup: 'Personer som behöver pröva och bygga upp sin arbetsförmåga på en arbetsplats',
    minAge: 18,
    maxAge: null,
    maxWeeks: 26,
    maxHours: 40,
    capacity: null,
    weeks: [8, 26],
  },
  {
    key: 'praktik_kommun',
    name: 'Praktik i kommunen',
    kind: 'practice_municipal',
    workOriented: true,
    targetGroup: 'Arbetsplatspraktik i kommunens förvaltningar och bolag',
    minAge: 18,
    maxAge: null,
    maxWeeks: 12,
    maxHours: 40,
    capacity: null,
    weeks: [4, 12],
  },
  {
    key: 'praktik_privat',
    name: 'Praktik hos privat arbetsgivare',
    kind: 'practice_private',
    workOriented: true,
    targetGroup: 'Arbetsplatspraktik hos företag i Älvstad, ofta inför en anställning',
    minAge: 18,
    maxAge: null,
    maxWeeks: 12,
    maxHours: 40,
    capacity: null,
    weeks: [4, 12],
  },
  {
    key: 'jobbmatchning',
    name: 'Jobbmatchning',
    kind: 'matching',
    workOriented: true,
    targetGroup: 'Arbetsredo personer: matchning mot lediga jobb och arbetsgivarkontakter',
    minAge: 18,
    maxAge: null,
    maxWeeks: 12,
    maxHours: 40,
    capacity: null,
    weeks: [4, 12],
  },
  {
    key: 'yrkessvenska',
    name: 'Yrkessvenska',
    kind: 'course',
    workOriented: false,
    targetGroup:
      'Svenska för arbetslivet, för den som behöver språket för att gå vidare till praktik eller jobbspår',
    minAge: 18,
    maxAge: null,
    maxWeeks: 20,
    maxHours: 20,
    capacity: 40,
    weeks: [8, 20],
  },
  {
    key: 'cykelverkstaden',
    name: 'Cykelverkstaden',
    kind: 'sheltered_work',
    workOriented: false,
    targetGroup: 'Kommunens egen skyddade verksamhet: renoverar och säljer begagnade cyklar',
    minAge: 18,
    maxAge: null,
    maxWeeks: 52,
    maxHours: 30,
    capacity: 20,
    weeks: [12, 52],
  },
  {
    key: 'snickeriet',
    name: 'Snickeriet',
    kind: 'sheltered_work',
    workOriented: false,
    targetGroup: 'Kommunens egen skyddade verksamhet: snickeri och enklare reparationer åt förvaltningarna',
    minAge: 18,
    maxAge: null,
    maxWeeks: 52,
    maxHours: 30,
    capacity: 15,
    weeks: [12, 52],
  },
  {
    key: 'second_hand',
    name: 'Second hand',
    kind: 'sheltered_work',
    workOriented: false,
    targetGroup: 'Kommunens egen skyddade verksamhet: second hand-butik och byggmaterial i återbruk',
    minAge: 18,
    maxAge: null,
    maxWeeks: 52,
    maxHours: 30,
    capacity: 25,
    weeks: [12, 52],
  },
];

/** Interventions kept a couple of places short of full this year, with a few waiting. */
const NEAR_CAPACITY: ReadonlySet<InterventionKey> = new Set(['puls', 'studiesteget']);

type Band = 'low' | 'mid' | 'high';
const INTERVENTION_WEIGHTS: Readonly<Record<Band, Partial<Record<InterventionKey, number>>>> = {
  low: {
    aktiv_kraft: 40,
    puls: 25,
    studiesteget: 5,
    yrkessvenska: 4,
    cykelverkstaden: 10,
    snickeriet: 8,
    second_hand: 10,
  },
  mid: {
    aktiv_kraft: 12,
    puls: 14,
    studiesteget: 8,
    arbetstraning: 18,
    praktik_kommun: 12,
    jobbspar_lokalvard: 5,
    jobbmatchning: 5,
    yrkessvenska: 8,
    cykelverkstaden: 4,
    snickeriet: 3,
    second_hand: 4,
  },
  high: {
    aktiv_kraft: 3,
    puls: 6,
    studiesteget: 5,
    arbetstraning: 12,
    praktik_kommun: 16,
    praktik_privat: 12,
    jobbspar_vard: 9,
    jobbspar_lokalvard: 6,
    jobbspar_restaurang: 6,
    jobbmatchning: 14,
    yrkessvenska: 6,
  },
};

// ---------------------------------------------------------------------------------------------
// Referrals, exits and employments.

const OWNER_AF = 'Arbetsförmedlingen Älvstad';
const OWNER_FK = 'Försäkringskassan, lokalt försäkringscenter';
const OWNER_INDIVIDUAL = 'Den enskilde (egen anmälan)';

const INITIATORS_UNEMPLOYED: ReadonlyArray<readonly [ReferralInitiator, number]> = [
  ['social_services', 52],
  ['employment_service', 20],
  ['employment_service_with_social_services', 16],
  ['individual', 8],
  ['social_insurance', 4],
];
const INITIATORS_OTHER: ReadonlyArray<readonly [ReferralInitiator, number]> = [
  ['social_services', 42],
  ['social_insurance', 24],
  ['employment_service_with_social_services', 10],
  ['employment_service', 8],
  ['individual', 16],
];

const REFERRAL_REASONS: Readonly<Record<ReferralInitiator, readonly string[]>> = {
  social_services: [
    'Försörjningsstöd på grund av arbetslöshet; bedöms kunna arbeta med stöd.',
    'Långvarigt försörjningsstöd. Behöver kartläggning av arbetsförmågan och en plan mot egen försörjning.',
    'Anvisas till praktik enligt SoL 4 kap. 4 §.',
    'Har varit arbetslös länge och behöver stöd att komma närmare arbetsmarknaden.',
  ],
  employment_service: [
    'Anvisad av Arbetsförmedlingen till kommunal arbetsmarknadsinsats.',
    'Arbetsförmedlingen bedömer att en arbetsmarknadsanställning i kommunen är lämplig.',
  ],
  employment_service_with_social_services: [
    'Gemensam planering mellan Arbetsförmedlingen och socialtjänsten.',
    'Trepartssamtal: Arbetsförmedlingen och socialtjänsten anvisar tillsammans.',
  ],
  social_insurance: [
    'Försäkringskassan: arbetslivsinriktad rehabilitering i samverkan.',
    'Aktivitetsersättning; behöver stöd att pröva arbetsförmågan.',
  ],
  individual: [
    'Tog själv kontakt med Jobbenheten och vill ha stöd att hitta arbete.',
    'Egen anmälan efter informationsträffen på biblioteket.',
  ],
};

/** The labour exit that matches how the assistance period ended, when both ended together. */
const EXIT_FROM_ASSISTANCE: Readonly<Record<string, ReadonlyArray<readonly [ExitResult, number]>>> = {
  studies: [['studies', 1]],
  moved: [['moved', 1]],
  unemployment_insurance: [['transfer_employment_service', 1]],
  sickness_benefit: [
    ['transfer_social_insurance', 7],
    ['transfer_health_care', 3],
  ],
  sickness_benefit_special: [
    ['transfer_social_insurance', 6],
    ['transfer_health_care', 4],
  ],
  sickness_activity_compensation: [['transfer_social_insurance', 1]],
  other_social_insurance: [['transfer_social_insurance', 1]],
  plan_broken_off: [['broken_off', 1]],
  other: [['other', 1]],
};
/** When the labour case closed while assistance went on. */
const EXIT_WHILE_ASSISTED: ReadonlyArray<readonly [ExitResult, number]> = [
  ['broken_off', 30],
  ['transfer_health_care', 25],
  ['transfer_employment_service', 20],
  ['other', 15],
  ['transfer_social_insurance', 10],
];

interface ChainStep {
  form: string;
  months: number;
  /** Extended once, by the same length (one year, extendable one more). */
  extended?: boolean;
}
type ChainKind = 'qualifying' | 'support' | 'came_back';

const QUALIFYING_CHAINS: ReadonlyArray<readonly [readonly ChainStep[], number]> = [
  [
    [
      { form: 'extratjanst', months: 12 },
      { form: 'nystartsjobb', months: 12 },
    ],
    35,
  ],
  [
    [
      { form: 'extratjanst', months: 12, extended: true },
      { form: 'nystartsjobb', months: 12 },
    ],
    10,
  ],
  [[{ form: 'nystartsjobb', months: 12 }], 12],
  [
    [
      { form: 'introduktionsjobb', months: 12 },
      { form: 'nystartsjobb', months: 12 },
    ],
    12,
  ],
  [[{ form: 'instegsjobb', months: 12 }], 8],
  [[{ form: 'trainee', months: 12 }], 8],
  [
    [
      { form: 'sarskilt_anstallningsstod', months: 6, extended: true },
      { form: 'nystartsjobb', months: 12 },
    ],
    5,
  ],
];
const YOUTH_CHAIN: readonly ChainStep[] = [
  { form: 'ungdomsanstallning', months: 6 },
  { form: 'nystartsjobb', months: 12 },
];
const SUPPORT_CHAINS: ReadonlyArray<readonly [readonly ChainStep[], number]> = [
  [[{ form: 'trygghetsanstallning', months: 12, extended: true }], 30],
  [[{ form: 'osa', months: 12 }], 22],
  [[{ form: 'utvecklingsanstallning', months: 12 }], 20],
  [[{ form: 'lonebidrag', months: 12, extended: true }], 15],
  [[{ form: 'sarskilt_anstallningsstod', months: 6, extended: true }], 13],
];
/** Forms that do not qualify for a-kassa: the last job of those who came back to assistance. */
const CAME_BACK_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['extratjanst', 50],
  ['introduktionsjobb', 25],
  ['trygghetsanstallning', 10],
  ['osa', 8],
  ['utvecklingsanstallning', 7],
];

/** Full-time monthly salary cost (with employer's fees) in kronor, 2026 level. */
const SALARY_KR: Readonly<Record<string, readonly [number, number]>> = {
  trygghetsanstallning: [28_500, 31_500],
  osa: [27_500, 30_000],
  extratjanst: [28_000, 30_000],
  sarskilt_anstallningsstod: [27_500, 30_500],
  utvecklingsanstallning: [27_000, 29_500],
  nystartsjobb: [30_000, 36_000],
  lonebidrag: [29_000, 33_000],
  instegsjobb: [28_500, 31_000],
  introduktionsjobb: [28_000, 30_500],
  trainee: [30_000, 33_000],
  ungdomsanstallning: [25_000, 27_500],
};

const DEPARTMENTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'Vård- och omsorgsförvaltningen',
    ['Solgårdens äldreboende', 'Hemtjänsten Nord', 'Hemtjänsten Syd', 'Björkhagens vård- och omsorgsboende'],
  ],
  ['Förskoleförvaltningen', ['Norrby förskola', 'Tallstigens förskola', 'Förskolan Laxen']],
  ['Grundskoleförvaltningen', ['Älvskolan, skolmåltider', 'Kvarnbackens skola, vaktmästeriet']],
  ['Kultur- och fritidsförvaltningen', ['Stadsbiblioteket', 'Älvbadet', 'Fritidsgården Smedjan']],
  ['Samhällsbyggnadsförvaltningen', ['Park och natur', 'Gatuavdelningen, förrådet']],
  [
    'Arbetslivsförvaltningen',
    ['Återbruk, cykelverkstaden', 'Återbruk, fastighetsservice', 'Återbruk, second hand'],
  ],
  ['Älvstadshem AB', ['Områdesservice Norr', 'Områdesservice Söder']],
  ['Älvstad Energi och Miljö AB', ['Återvinningscentralen Forsen']],
];
const COMPANIES: ReadonlyArray<readonly [string, string]> = [
  ['ICA Kvantum Älvstad', 'Butik'],
  ['Älvstad Bygg & Måleri AB', 'Byggarbetsplatser'],
  ['Rent & Fint Städservice AB', 'Kontorsstäd'],
  ['Restaurang Bryggan', 'Kök'],
  ['Nordlast Logistik AB', 'Lager'],
  ['Omsorgshuset Älvstad AB', 'Personlig assistans'],
];
const UNION_REFUSALS = [
  'Platsen ersätter en ordinarie tjänst som vaktmästare som är vakant sedan i våras.',
  'Arbetsuppgifterna motsvarar en ordinarie visstidsanställning som ska utlysas.',
];

// ---------------------------------------------------------------------------------------------
// Free texts of mappings, plans and follow-ups (no personal details).

const EDUCATION = [
  'Grundskola i hemlandet, sex år.',
  'Gymnasieexamen, barn- och fritidsprogrammet.',
  'Ofullständig gymnasieutbildning.',
  'SFI kurs D avslutad, läser svenska som andraspråk på Komvux.',
  'Universitetsstudier i hemlandet, ej validerade.',
  'Grundskola. Truckkort.',
  'Gymnasieexamen, ekonomiprogrammet.',
];
const EXPERIENCE = [
  'Har arbetat inom lokalvård och restaurang.',
  'Ingen tidigare anställning i Sverige.',
  'Lagerarbete genom bemanningsföretag i omgångar.',
  'Butiksarbete i tre år, därefter arbetslös.',
  'Vårdbiträde i hemlandet.',
  'Säsongsarbete inom jordbruk.',
  'Byggarbete utan anställning.',
];
const OBSTACLES = [
  'Begränsade kunskaper i svenska.',
  'Ryggbesvär; läkarintyg finns.',
  'Saknar körkort.',
  'Barnomsorg saknas på kvällstid.',
  'Psykisk ohälsa, i kontakt med vårdcentralen.',
  'Lång tid utan sysselsättning.',
  'Inga hinder utöver att arbetslivserfarenhet saknas.',
];
const GOALS: Readonly<Record<Band | 'studies' | 'employment', readonly string[]>> = {
  low: [
    'Öka aktivitetsförmågan och komma igång med en regelbunden vardag, på sikt arbetsträning.',
    'Delta i aktiviteter minst tio timmar i veckan och stärka hälsan.',
  ],
  mid: [
    'Pröva arbetsförmågan i arbetsträning och öka till heltid.',
    'Praktik inom önskat yrkesområde och därefter en anställning.',
  ],
  high: [
    'Ett arbete på den öppna arbetsmarknaden inom sex månader.',
    'Anställning inom vård och omsorg efter jobbspåret.',
  ],
  studies: ['Påbörja studier på Komvux med studiemedel från CSN.'],
  employment: [
    'Arbetsmarknadsanställning som följs av ett nystartsjobb, så att den sista anställningen ger rätt till a-kassa.',
    'Behålla anställningen och gå vidare till en anställning utan stöd.',
  ],
};
const FOLLOW_UP_COMMENTS = [
  'Deltar regelbundet och trivs i verksamheten. Planen ligger fast.',
  'Frånvaro på grund av sjukdom under perioden. Planen ligger fast.',
  'Har ökat till fler timmar i veckan.',
  'Trepartssamtal med Arbetsförmedlingen hållet.',
  'Behöver mer stöd i svenska; Yrkessvenska läggs till.',
  'Söker arbeten aktivt, två intervjuer bokade.',
  'Handledaren på arbetsplatsen är nöjd. Diskuterar anställning.',
];

// ---------------------------------------------------------------------------------------------
// Summer jobs (seed 003: Borås 2017, 1 863 applicants and 1 367 places).

const SUMMER_APPLICANTS = 1863;
const SUMMER_PLACES = 1367;
const SUMMER_POSITIONS: ReadonlyArray<readonly [string, EmployerKind, string, number]> = [
  ['Vård- och omsorgsförvaltningen', 'department', 'Sommarjobb på äldreboende: service och sällskap', 170],
  ['Vård- och omsorgsförvaltningen', 'department', 'Sommarjobb i hemtjänstens kök', 40],
  ['Förskoleförvaltningen', 'department', 'Barnskötarstöd på sommaröppen förskola', 120],
  ['Grundskoleförvaltningen', 'department', 'Sommarskolans värdar', 45],
  ['Grundskoleförvaltningen', 'department', 'Skolgårdsfix och inventering', 60],
  ['Kultur- och fritidsförvaltningen', 'department', 'Stadsbibliotekets sommarläsning', 35],
  ['Kultur- och fritidsförvaltningen', 'department', 'Badvärd på Älvbadet', 40],
  ['Kultur- och fritidsförvaltningen', 'department', 'Fritidsgårdarnas sommarverksamhet', 60],
  ['Samhällsbyggnadsförvaltningen', 'department', 'Parkarbete och skräpplockning', 160],
  ['Samhällsbyggnadsförvaltningen', 'department', 'Kolonilotter och stadsodling', 30],
  ['Arbetslivsförvaltningen', 'department', 'Återbruk: cykelverkstaden', 30],
  ['Arbetslivsförvaltningen', 'department', 'Sommarlovsentreprenör', 40],
  ['Älvstadshem AB', 'company', 'Områdesservice: utemiljö', 80],
  ['Älvstad Energi och Miljö AB', 'company', 'Återvinningscentralen: sorteringsvärd', 50],
  ['IFK Älvstad', 'association', 'Ledare på fotbollsskolan', 90],
  ['Älvstads Simsällskap', 'association', 'Simskolehjälpare', 40],
  ['Älvstad Ridklubb', 'association', 'Stallhjälp och ridläger', 25],
  ['Scouterna Älvstad', 'association', 'Lägerledare', 45],
  ['Röda Korset Älvstad', 'association', 'Second hand och mötesplats', 30],
  ['Älvstad Basket', 'association', 'Sommarbasket för barn', 35],
  ['Pensionärsföreningen Kvarnen', 'association', 'Digital fixare för seniorer', 25],
  ['Kyrkans ungdom Älvstad', 'association', 'Sommarkollo', 40],
  ['Älvstad Innebandy', 'association', 'Kiosk och arrangemang', 30],
  ['Hembygdsföreningen Älvstad', 'association', 'Guide på hembygdsgården', 15],
  ['Stadsmuseet Älvstad', 'department', 'Museivärd', 20],
  ['Kommunledningsförvaltningen', 'department', 'Kontorsstöd och arkiv', 17],
];

// ---------------------------------------------------------------------------------------------

interface Options {
  seed: number;
  today: string;
}

export function generateLabourHistory(
  base: DemoData,
  assistance: AssistanceDemoData,
  options: Options,
): LabourHistory {
  const m = base.municipality[0]!.id;
  const today = toDay(options.today);
  const thisYear = yearOf(today);
  const rng = Random.derive(options.seed, 'labour');
  const ids = Random.derive(options.seed, 'labour-ids');

  const out: LabourDemoData = {
    labour_setting: [
      {
        // The defaults of the migration (and of loadLabourSettings): intro days on Tuesdays.
        municipality_id: m,
        work_oriented_min_hours: 10,
        intro_weekday: 2,
        intro_capacity: 20,
        separate_authority: true,
      },
    ],
    intervention: [],
    referral: [],
    employment_service_registration: [],
    labour_mapping: [],
    personal_plan: [],
    plan_follow_up: [],
    placement: [],
    attendance: [],
    subsidised_employment: [],
    information_flow: [],
    labour_notice: [],
    summer_job_round: [],
    summer_job_position: [],
    summer_job_applicant: [],
  };
  const INTRO_WEEKDAY = 2;
  const INTRO_CAPACITY = 20;
  const WORK_ORIENTED_MIN_HOURS = 10;

  const catalogueStart = at(toDay('2021-12-01'), 9);
  const interventionIds = new Map<InterventionKey, string>();
  for (const spec of DEMO_INTERVENTIONS) {
    const id = ids.uuid();
    interventionIds.set(spec.key, id);
    out.intervention.push({
      municipality_id: m,
      id,
      name: spec.name,
      kind: spec.kind,
      work_oriented: spec.workOriented,
      target_group: spec.targetGroup,
      min_age: spec.minAge,
      max_age: spec.maxAge,
      max_weeks: spec.maxWeeks,
      max_hours_per_week: spec.maxHours,
      capacity_per_year: spec.capacity,
      active: true,
      created_at: catalogueStart,
    });
  }
  const specOf = new Map(DEMO_INTERVENTIONS.map((s) => [s.key, s]));

  // Lookups over the people and assistance parts.
  const persons = new Map(base.person.map((p) => [p.id, p]));
  const userName = new Map(base.app_user.map((u) => [u.id, u.display_name]));
  const membersOf = new Map<string, DemoData['household_member']>();
  for (const member of base.household_member) {
    const list = membersOf.get(member.household_id) ?? [];
    list.push(member);
    membersOf.set(member.household_id, list);
  }
  const assistanceOf = new Map<string, DemoData['client_case']>();
  for (const c of base.client_case)
    if (c.kind === 'assistance') {
      const list = assistanceOf.get(c.household_id) ?? [];
      list.push(c);
      assistanceOf.set(c.household_id, list);
    }
  for (const list of assistanceOf.values()) list.sort((a, b) => a.opened_on.localeCompare(b.opened_on));
  const applicationsOf = new Map<string, AssistanceDemoData['application']>();
  for (const a of assistance.application) {
    const list = applicationsOf.get(a.case_id) ?? [];
    list.push(a);
    applicationsOf.set(a.case_id, list);
  }
  for (const list of applicationsOf.values()) list.sort((a, b) => a.received_on.localeCompare(b.received_on));
  const unemploymentCache = new Map<string, boolean>();
  const isUnemploymentCode = (code: string, month: string) => {
    const key = `${code}|${month.slice(0, 7)}`;
    let value = unemploymentCache.get(key);
    if (value === undefined) {
      value = codedUnemployed(code, month);
      unemploymentCache.set(key, value);
    }
    return value;
  };
  /** Per person: the months (YYYY-MM-01) they were coded unemployed. */
  const unemployedMonths = new Map<string, string[]>();
  for (const r of assistance.reason_code)
    if (isUnemploymentCode(r.code, r.month)) {
      const list = unemployedMonths.get(r.person_id) ?? [];
      list.push(r.month);
      unemployedMonths.set(r.person_id, list);
    }
  const openAssistanceCaseOn = (householdId: string, day: number) =>
    (assistanceOf.get(householdId) ?? []).find(
      (c) => toDay(c.opened_on) <= day && (c.closed_on === null || toDay(c.closed_on) >= day),
    );

  const labourCases = base.client_case
    .filter((c) => c.kind === 'labour')
    .sort((a, b) => a.opened_on.localeCompare(b.opened_on) || a.id.localeCompare(b.id));
  const caseDates = new Map<string, { opened: string; closed: string | null }>();
  const introBooked = new Map<number, number>();
  const startsInYear = new Map<string, number>();
  const capacityKey = (key: InterventionKey, year: number) => `${key}|${year}`;
  const registrationOf = new Map<string, { registeredOn: number; endedOn: number | null }>();
  let upcoming = 0;
  const waitingFor = new Map<InterventionKey, number>();
  /** The attendance weeks of each placement, for the notices. */
  const attendanceOf = new Map<string, LabourDemoData['attendance']>();
  const referralPersons = new Set<string>();
  /** Open referrals' persons, for leaving a few coded unemployed without a registration. */
  const openReferralPersons: string[] = [];

  for (const labourCase of labourCases) {
    const consultant = labourCase.caseworker_id!;
    const periods = assistanceOf.get(labourCase.household_id) ?? [];
    const caseOpened = toDay(labourCase.opened_on);
    const period = [...periods].reverse().find((p) => toDay(p.opened_on) <= caseOpened);
    if (!period) {
      caseDates.set(labourCase.id, { opened: labourCase.opened_on, closed: labourCase.closed_on });
      continue;
    }
    const periodClosed = period.closed_on === null ? null : toDay(period.closed_on);
    const nextPeriod = periods.find((p) => p.opened_on > (period.closed_on ?? '9999'));
    const applications = applicationsOf.get(period.id) ?? [];
    const unemployed = applications[0]?.self_assessed_unemployed ?? false;

    // The person referred: the applicant, or now and then the partner, of working age.
    const adults = (membersOf.get(labourCase.household_id) ?? []).filter(
      (hm) =>
        (hm.role === 'applicant' || hm.role === 'co_applicant') &&
        toDay(hm.valid_from) <= caseOpened &&
        (hm.valid_to === null || toDay(hm.valid_to) > caseOpened),
    );
    const working = adults.filter((hm) => {
      const age = ageOn(persons.get(hm.person_id)!.birth_date, caseOpened);
      return age >= 18 && age <= 64;
    });
    const free = working.filter((hm) => !referralPersons.has(hm.person_id));
    const chosen =
      free.find((hm) => hm.role === 'applicant' && rng.chance(0.85)) ??
      free[0] ??
      adults.find((hm) => hm.role === 'applicant' && !referralPersons.has(hm.person_id));
    if (!chosen) {
      caseDates.set(labourCase.id, { opened: labourCase.opened_on, closed: labourCase.closed_on });
      continue;
    }
    const person = persons.get(chosen.person_id)!;
    const birth = person.birth_date;

    // Who referred, and direct activation.
    const initiator = rng.weighted(unemployed ? INITIATORS_UNEMPLOYED : INITIATORS_OTHER);
    let referredOn = caseOpened;
    let application: AssistanceDemoData['application'][number] | undefined;
    if (initiator === 'social_services' && unemployed && chosen.role === 'applicant' && rng.chance(0.65)) {
      application = [...applications].reverse().find((a) => toDay(a.received_on) <= caseOpened);
      if (application) referredOn = toDay(application.received_on);
    }
    const socialServices =
      initiator === 'social_services' || initiator === 'employment_service_with_social_services';
    const assistanceCaseworker = period.caseworker_id!;

    // The story: how the unit's part ended (or goes on), following the assistance side.
    const generatedClosed = labourCase.closed_on === null ? null : toDay(labourCase.closed_on);
    const exitReason = period.exit_reason;
    let kind: ChainKind | 'ordinary_work' | 'exit' | 'open' = 'open';
    let exitOn: number | null = null;
    let exitResult: ExitResult | null = null;
    let chainStart: number | null = null;
    const nearClosure =
      periodClosed !== null && generatedClosed !== null && generatedClosed >= periodClosed - 60;
    if (periodClosed !== null && (exitReason === 'work' || exitReason === 'work_with_support')) {
      // The job began shortly before the assistance case closed (the first salary ended it).
      chainStart = Math.max(periodClosed - rng.int(0, 25), referredOn + 21);
      const gap = nextPeriod ? toDay(nextPeriod.opened_on) - chainStart : null;
      if (gap !== null && gap >= 100) kind = 'came_back';
      else if (gap !== null) {
        kind = 'ordinary_work';
        chainStart = null;
      } else if (exitReason === 'work_with_support') kind = rng.chance(0.6) ? 'support' : 'qualifying';
      else {
        const roll = rng.next();
        if (roll < 0.55) kind = 'qualifying';
        else if (roll < 0.7) kind = 'support';
        else {
          kind = 'ordinary_work';
          chainStart = null;
        }
      }
      if (kind === 'ordinary_work') {
        exitResult = 'work';
        exitOn = Math.min(Math.max(periodClosed + rng.int(-5, 10), referredOn + 14), today - 1);
      }
    } else if (generatedClosed !== null) {
      kind = 'exit';
      exitOn = Math.max(generatedClosed, referredOn + 1);
      exitResult =
        nearClosure && exitReason && EXIT_FROM_ASSISTANCE[exitReason]
          ? rng.weighted(EXIT_FROM_ASSISTANCE[exitReason])
          : rng.weighted(EXIT_WHILE_ASSISTED);
      // Another authority asked for a mapping: done, the assignment is completed (Kolada's D).
      if (
        (initiator === 'employment_service' || initiator === 'social_insurance') &&
        exitOn - referredOn <= 200 &&
        rng.chance(0.45)
      ) {
        exitResult = 'assignment_completed';
        exitOn = Math.max(exitOn, referredOn + 45);
      }
    }
    if (exitOn !== null && exitOn <= referredOn) exitOn = referredOn + 1;
    if (exitOn !== null && exitOn >= today) {
      exitOn = null;
      exitResult = null;
    }

    const youthful = ageOn(birth, chainStart ?? referredOn) < 25;
    let steps: readonly ChainStep[] = [];
    if (kind === 'qualifying')
      steps = youthful && rng.chance(0.35) ? YOUTH_CHAIN : rng.weighted(QUALIFYING_CHAINS);
    else if (kind === 'support') steps = rng.weighted(SUPPORT_CHAINS);

    // Introduction day: the unit's next Tuesday with a free seat.
    let intro = referredOn + 1;
    while (weekday(intro) !== INTRO_WEEKDAY || (introBooked.get(intro) ?? 0) >= INTRO_CAPACITY) intro += 1;
    introBooked.set(intro, (introBooked.get(intro) ?? 0) + 1);
    const employmentStory = chainStart !== null;
    const introAttended =
      intro > today
        ? null
        : exitOn !== null && exitOn < intro
          ? false
          : employmentStory || exitResult === 'assignment_completed' || rng.chance(0.9);

    const referralId = ids.uuid();
    referralPersons.add(person.id);
    out.referral.push({
      municipality_id: m,
      id: referralId,
      person_id: person.id,
      case_id: labourCase.id,
      initiator,
      owner_name:
        initiator === 'employment_service'
          ? OWNER_AF
          : initiator === 'social_insurance'
            ? OWNER_FK
            : initiator === 'individual'
              ? OWNER_INDIVIDUAL
              : userName.get(assistanceCaseworker)!,
      owner_user_id: socialServices ? assistanceCaseworker : null,
      assistance_case_id: socialServices ? period.id : null,
      application_id: application?.id ?? null,
      referred_on: fromDay(referredOn),
      reason: application ? null : rng.pick(REFERRAL_REASONS[initiator]),
      intro_day: fromDay(intro),
      intro_attended: introAttended,
      exit_on: null,
      exit_result: null,
      exit_comment: null,
      created_by: application ? application.created_by : socialServices ? assistanceCaseworker : consultant,
      created_at: at(referredOn, 9, rng.int(0, 59)),
    });
    const referralRow = out.referral.at(-1)!;
    const firstPlacement = out.placement.length;
    const firstEmployment = out.subsidised_employment.length;
    const firstFlow = out.information_flow.length;

    // Registration with Arbetsförmedlingen (everyone the employment service refers is registered).
    if (initiator.startsWith('employment_service') || unemployed || rng.chance(0.7))
      registrationOf.set(person.id, {
        registeredOn: Math.min(referredOn, toDay(period.opened_on)) - rng.int(0, 120),
        endedOn: null,
      });

    // Subsidised employments: the chain decides when the unit's part ends.
    if (chainStart !== null) {
      const result = employmentChain({
        kind: kind as ChainKind,
        steps,
        start: chainStart,
        personId: person.id,
        referralId,
        consultant,
        nextPeriodOpened: nextPeriod ? toDay(nextPeriod.opened_on) : null,
      });
      if (result.exitOn !== null && result.exitOn < today) {
        exitOn = Math.max(result.exitOn, referredOn + 1);
        exitResult = result.exitResult;
      }
    }

    // Mapping, plans and placements run from the mapping to the employment, the exit or today.
    const activityEnd = Math.min(chainStart ?? Infinity, exitOn ?? Infinity);
    const mapped = introAttended ? intro + rng.int(7, 21) : null;
    let capacity = 0;
    const mappings: { on: number; capacity: number }[] = [];
    if (mapped !== null && mapped < Math.min(activityEnd, today + 1)) {
      capacity = employmentStory
        ? kind === 'support'
          ? rng.pick([20, 25, 30])
          : rng.pick([30, 40, 40])
        : rng.weighted([
            [40, 25],
            [30, 15],
            [25, 10],
            [20, 15],
            [15, 10],
            [10, 5],
            [8, 6],
            [6, 6],
            [5, 4],
            [4, 4],
          ] as const);
      mappings.push({ on: mapped, capacity });
      // A second mapping half a year on: capacity often grows with the activities.
      const second = mapped + rng.int(180, 260);
      if (second < Math.min(activityEnd, today)) {
        capacity = Math.min(40, capacity + rng.pick([0, 5, 10, 10, 15]));
        mappings.push({ on: second, capacity });
      }
      for (const mapping of mappings)
        out.labour_mapping.push({
          municipality_id: m,
          id: ids.uuid(),
          referral_id: referralId,
          mapped_on: fromDay(mapping.on),
          capacity_hours: mapping.capacity,
          education: rng.pick(EDUCATION),
          work_experience: rng.pick(EXPERIENCE),
          obstacles: mapping.capacity < 10 ? rng.pick(OBSTACLES.slice(1, 6)) : rng.pick(OBSTACLES),
          summary: `Arbetsförmåga bedömd till ${mapping.capacity} timmar i veckan.`,
          mapped_by: consultant,
          created_at: at(mapping.on, 15),
        });
    }
    const capacityOn = (day: number) => {
      let hours = 0;
      for (const mapping of mappings) if (mapping.on <= day) hours = mapping.capacity;
      return hours;
    };
    const band = (hours: number): Band => (hours < 10 ? 'low' : hours < 25 ? 'mid' : 'high');

    // Personal plans: half a year each, revised while the referral goes on.
    const plans: { id: string; start: number; end: number }[] = [];
    const planUntil = Math.min(exitOn ?? Infinity, today);
    if (mappings.length > 0) {
      let start = mappings[0]!.on + rng.int(0, 10);
      for (let version = 1; start <= planUntil; version += 1) {
        const end = start + 182;
        const last = end >= planUntil;
        const id = ids.uuid();
        plans.push({ id, start, end });
        // Follow-ups every 8–12 weeks up to the plan's end or today.
        let lastDone = start;
        for (let due = start + rng.int(56, 84); due <= Math.min(end, planUntil); due += rng.int(56, 84)) {
          const done = due + rng.int(0, 6);
          if (done > planUntil || done > end) break;
          lastDone = done;
          out.plan_follow_up.push({
            municipality_id: m,
            id: ids.uuid(),
            plan_id: id,
            done_on: fromDay(done),
            comment: rng.pick(FOLLOW_UP_COMMENTS),
            done_by: consultant,
            created_at: at(done, 14),
          });
        }
        const goals = employmentStory
          ? GOALS.employment
          : exitResult === 'studies'
            ? GOALS.studies
            : GOALS[band(capacityOn(start))];
        // The active plan's next follow-up: some overdue, some in the coming days, most later.
        const followUp = last
          ? Math.min(end, Math.max(start, lastDone + rng.int(49, 91)))
          : Math.min(end, start + rng.int(56, 84));
        out.personal_plan.push({
          municipality_id: m,
          id,
          referral_id: referralId,
          version,
          goal: rng.pick(goals),
          starts_on: fromDay(start),
          ends_on: fromDay(end),
          follow_up_on: fromDay(followUp),
          status: !last ? 'revised' : exitOn === null ? 'active' : 'closed',
          created_by: consultant,
          created_at: at(start, 10),
        });
        if (last) break;
        start = end + 1;
      }
    }
    const planOn = (day: number) =>
      plans.find((p) => p.start <= day && day <= p.end)?.id ?? plans.at(-1)?.id ?? null;

    // Placements: one after another, within the capacity of each intervention per year.
    if (plans.length > 0 && capacity >= 4) {
      let t = plans[0]!.start + rng.int(0, 14);
      let previous: InterventionKey | null = null;
      while (t < activityEnd - 14 && t <= today + 14) {
        const hours = capacityOn(t);
        const age = ageOn(birth, t);
        const year = yearOf(t);
        const full = (key: InterventionKey) => {
          const spec = specOf.get(key)!;
          if (spec.capacity === null) return false;
          const cap = spec.capacity - (year === thisYear && NEAR_CAPACITY.has(key) ? 2 : 0);
          return (startsInYear.get(capacityKey(key, year)) ?? 0) >= cap;
        };
        const eligible = (key: InterventionKey) => {
          const spec = specOf.get(key)!;
          return (
            key !== previous &&
            (!spec.workOriented || hours >= WORK_ORIENTED_MIN_HOURS) &&
            (spec.minAge === null || age >= spec.minAge) &&
            (spec.maxAge === null || age <= spec.maxAge)
          );
        };
        const weights = Object.entries(INTERVENTION_WEIGHTS[band(hours)])
          .map(([key, weight]) => {
            const k = key as InterventionKey;
            let w = weight;
            if (year === thisYear && NEAR_CAPACITY.has(k)) w *= 1.8;
            if (exitResult === 'studies' && k === 'studiesteget') w *= 4;
            return [k, w] as const;
          })
          .filter(([key]) => eligible(key));
        if (weights.length === 0) break;
        let key = rng.weighted(weights);
        const spec = specOf.get(key)!;
        const weeks = rng.int(spec.weeks[0], spec.weeks[1]);
        const placementHours = Math.max(
          1,
          Math.min(
            hours,
            spec.maxHours,
            spec.workOriented ? rng.pick([40, 40, 30, 20]) : rng.pick([20, 15, 10]),
          ),
        );
        const requested = Math.max(referredOn, t - rng.int(5, 21));
        if (full(key)) {
          // Full this year: a recent request waits for a place; an older one went elsewhere.
          if (year === thisYear && t >= today - 21 && (waitingFor.get(key) ?? 0) < 6) {
            waitingFor.set(key, (waitingFor.get(key) ?? 0) + 1);
            const start = Math.max(t, today + rng.int(7, 28));
            out.placement.push({
              municipality_id: m,
              id: ids.uuid(),
              referral_id: referralId,
              intervention_id: interventionIds.get(key)!,
              plan_id: planOn(requested),
              status: exitOn === null ? 'waiting' : 'cancelled',
              requested_on: fromDay(Math.min(requested, today)),
              starts_on: fromDay(start),
              ends_on: fromDay(start + weeks * 7 - 1),
              hours_per_week: placementHours,
              ended_on: null,
              created_by: consultant,
              created_at: at(Math.min(requested, today), 11, rng.int(0, 59)),
            });
            break;
          }
          const alternatives = weights.filter(([k]) => !full(k));
          if (alternatives.length === 0) break;
          key = rng.weighted(alternatives);
        }
        const chosenSpec = specOf.get(key)!;
        const length = Math.min(rng.int(chosenSpec.weeks[0], chosenSpec.weeks[1]), chosenSpec.maxWeeks);
        const hoursFinal = Math.max(1, Math.min(placementHours, chosenSpec.maxHours, hours));
        const end = t + length * 7 - 1;
        const cancelled = rng.chance(0.03) && t > today - 365;
        let status: 'active' | 'ended' | 'cancelled' = 'active';
        let endedOn: number | null = null;
        if (cancelled) status = 'cancelled';
        else if (end < Math.min(today, activityEnd)) {
          status = 'ended';
          endedOn = end;
        } else if (activityEnd <= today) {
          // Ends with the referral's exit or the start of the employment.
          status = 'ended';
          endedOn = Math.max(t, activityEnd - 1);
        }
        if (status !== 'cancelled') {
          const k = capacityKey(key, yearOf(t));
          startsInYear.set(k, (startsInYear.get(k) ?? 0) + 1);
        }
        const placementId = ids.uuid();
        out.placement.push({
          municipality_id: m,
          id: placementId,
          referral_id: referralId,
          intervention_id: interventionIds.get(key)!,
          plan_id: planOn(t),
          status,
          requested_on: fromDay(requested),
          starts_on: fromDay(t),
          ends_on: fromDay(end),
          hours_per_week: hoursFinal,
          ended_on: endedOn === null ? null : fromDay(endedOn),
          created_by: consultant,
          created_at: at(requested, 11, rng.int(0, 59)),
        });
        if (status === 'active' && t <= today) attendanceFor(placementId, t, end, hoursFinal, consultant);
        if (status === 'cancelled') {
          t += rng.int(7, 21);
        } else {
          t = end + 1 + rng.int(0, 21);
        }
        previous = key;
      }
    }

    // Open referrals close to work: an employment planned to start soon, waiting for the union.
    if (
      chainStart === null &&
      exitOn === null &&
      capacity >= 20 &&
      today - referredOn > 150 &&
      rng.chance(0.12)
    )
      upcomingEmployment(referralId, person.id, consultant, birth);

    // The registration ends when the person leaves for work, studies or another authority.
    const registration = registrationOf.get(person.id);
    if (
      registration &&
      exitOn !== null &&
      (exitResult === 'work' ||
        exitResult === 'work_subsidised' ||
        exitResult === 'studies' ||
        exitResult === 'transfer_social_insurance')
    )
      registration.endedOn = Math.max(registration.registeredOn, chainStart ?? exitOn);
    if (registration && chainStart !== null && chainStart <= today)
      registration.endedOn = Math.max(registration.registeredOn, chainStart);

    referralRow.exit_on = exitOn === null ? null : fromDay(exitOn);
    referralRow.exit_result = exitResult;
    referralRow.exit_comment =
      exitResult === 'work_subsidised' && kind === 'came_back'
        ? 'Lämnar enheten för en arbetsmarknadsanställning.'
        : null;
    if (exitOn === null) openReferralPersons.push(person.id);
    caseDates.set(labourCase.id, {
      opened: fromDay(referredOn),
      closed: exitOn === null ? null : fromDay(exitOn),
    });

    // Information flows: consent in both directions for most, recorded at the referral.
    const flowRoll = rng.next();
    if (flowRoll >= 0.05) {
      const revoked = flowRoll < 0.065;
      const law = !revoked && flowRoll > 0.97;
      for (const direction of ['assistance_to_labour', 'labour_to_assistance'] as const) {
        const revokedOn =
          revoked && direction === 'labour_to_assistance'
            ? Math.min(today - 1, referredOn + rng.int(30, 200), exitOn ?? Infinity)
            : null;
        out.information_flow.push({
          municipality_id: m,
          id: ids.uuid(),
          person_id: person.id,
          direction,
          basis: law ? 'law' : 'consent',
          legal_reference: law ? 'OSL 10 kap. 2 §' : null,
          given_on: fromDay(referredOn),
          revoked_on: revokedOn === null || revokedOn < referredOn ? null : fromDay(revokedOn),
          recorded_by: direction === 'assistance_to_labour' ? assistanceCaseworker : consultant,
          revoked_by: revokedOn === null || revokedOn < referredOn ? null : consultant,
          created_at: at(referredOn, 10),
        });
      }
    }
    const flows = out.information_flow.slice(firstFlow);
    const flowStands = (day: number) =>
      flows.some(
        (f) =>
          f.direction === 'labour_to_assistance' &&
          toDay(f.given_on) <= day &&
          (f.revoked_on === null || toDay(f.revoked_on) > day),
      );

    // Notices to assistance about the last year: referral, employment, exit, absences.
    const notify = (noticeKind: NoticeKind, day: number, detail: object, week: number | null = null) => {
      if (day < today - 365 || day > today || !flowStands(day)) return;
      const target =
        referralRow.assistance_case_id !== null &&
        period.id === referralRow.assistance_case_id &&
        toDay(period.opened_on) <= day &&
        (periodClosed === null || periodClosed >= day)
          ? period
          : openAssistanceCaseOn(labourCase.household_id, day);
      if (!target) return;
      const created = at(day, rng.int(8, 15), rng.int(0, 59));
      const acknowledged = day < today - 5 && rng.chance(0.85);
      out.labour_notice.push({
        municipality_id: m,
        id: ids.uuid(),
        referral_id: referralId,
        person_id: person.id,
        assistance_case_id: target.id,
        kind: noticeKind,
        week: week === null ? null : fromDay(week),
        detail,
        created_at: created,
        acknowledged_at: acknowledged ? at(day + rng.int(1, 3), 9, rng.int(0, 59)) : null,
        acknowledged_by: acknowledged ? target.caseworker_id : null,
      });
    };
    if (!socialServices) notify('referred', referredOn, { initiator });
    for (const e of out.subsidised_employment.slice(firstEmployment))
      if (e.status !== 'cancelled' && e.status !== 'planned' && e.extends_id === null)
        notify('employment_started', toDay(e.starts_on), { form: e.form });
    if (exitOn !== null && exitResult !== null) notify('exit', exitOn, { result: exitResult });
    for (const placement of out.placement.slice(firstPlacement))
      if (placement.status === 'active')
        for (const week of attendanceOf.get(placement.id) ?? [])
          for (const notice of attendanceNotices(
            {
              week: week.week,
              plannedHours: week.planned_hours,
              attendedHours: week.attended_hours,
              absenceReason: week.absence_reason,
            },
            placement.hours_per_week,
          ))
            notify(notice.kind, toDay(week.week) + 7, notice.detail, toDay(week.week));
  }

  // Registrations of everyone else coded unemployed, and a few left without one.
  for (const [personId, months] of unemployedMonths) {
    if (registrationOf.has(personId)) continue;
    const first = toDay(months.reduce((a, b) => (a < b ? a : b)));
    const last = toDay(months.reduce((a, b) => (a > b ? a : b)));
    registrationOf.set(personId, {
      registeredOn: first - rng.int(0, 120),
      endedOn: last >= toDay(`${fromDay(today).slice(0, 7)}-01`) ? null : last + rng.int(28, 40),
    });
  }
  const currentMonth = `${fromDay(today).slice(0, 7)}-01`;
  const codedNow = (personId: string) => (unemployedMonths.get(personId) ?? []).includes(currentMonth);
  // Those who left for work and are coded unemployed again registered anew.
  const registrations = [...registrationOf];
  for (const [personId, registration] of registrationOf)
    if (codedNow(personId) && registration.endedOn !== null && registration.endedOn < today)
      registrations.push([
        personId,
        { registeredOn: Math.max(registration.endedOn + 1, today - rng.int(20, 120)), endedOn: null },
      ]);
  // A few coded unemployed are not registered: the start pages flag them.
  const unregistered = new Set<string>();
  for (const personId of openReferralPersons)
    if (codedNow(personId) && unregistered.size < 4 && rng.chance(0.2)) unregistered.add(personId);
  let others = 0;
  for (const personId of unemployedMonths.keys())
    if (!referralPersons.has(personId) && codedNow(personId) && others < 2 && rng.chance(0.05)) {
      unregistered.add(personId);
      others += 1;
    }
  for (const [personId, registration] of registrations) {
    if (unregistered.has(personId)) continue;
    const endedOn =
      registration.endedOn !== null && registration.endedOn >= today ? null : registration.endedOn;
    out.employment_service_registration.push({
      municipality_id: m,
      person_id: personId,
      registered_on: fromDay(registration.registeredOn),
      ended_on: endedOn === null ? null : fromDay(Math.max(endedOn, registration.registeredOn)),
      recorded_by: null,
      recorded_at: at(Math.min(registration.registeredOn + 1, today), 8),
    });
  }

  const clientCases = base.client_case.map((c) => {
    const dates = caseDates.get(c.id);
    return dates ? { ...c, opened_on: dates.opened, closed_on: dates.closed } : c;
  });

  const newPersons = summerJobs();
  return { data: out, persons: newPersons, clientCases };

  // -------------------------------------------------------------------------------------------
  // Helpers that write rows (hoisted; they share the state above).

  function attendanceFor(placementId: string, start: number, end: number, hours: number, by: string) {
    const lastWeek = mondayOf(today) - 7;
    const skipLast = rng.chance(0.25);
    const weeks: LabourDemoData['attendance'] = [];
    for (let week = Math.max(mondayOf(start), lastWeek - 7 * 7); week <= lastWeek; week += 7) {
      if (week > end || (skipLast && week === lastWeek)) continue;
      const deviation = rng.chance(0.04);
      const planned = deviation ? Math.max(0, hours - rng.pick([4, 8])) : hours;
      const absent = rng.chance(0.12);
      const reason: AbsenceReason | null = absent
        ? rng.weighted([
            ['sick', 60],
            ['valid', 25],
            ['without_reason', 15],
          ] as const)
        : null;
      const attended = absent
        ? Math.max(0, planned - rng.pick([planned, Math.ceil(planned / 2), 4]))
        : planned;
      const row = {
        municipality_id: m,
        placement_id: placementId,
        week: fromDay(week),
        planned_hours: planned,
        attended_hours: attended,
        absence_reason: attended < planned ? reason : null,
        comment: deviation ? 'Kortare vecka enligt överenskommelse.' : null,
        reported_by: by,
        reported_at: at(week + 7 + rng.int(0, 2), 15, rng.int(0, 59)),
      };
      weeks.push(row);
      out.attendance.push(row);
    }
    attendanceOf.set(placementId, weeks);
  }

  function employer(form: string): { employer: string; workplace: string } {
    const privateSector =
      (form === 'nystartsjobb' || form === 'trainee' || form === 'instegsjobb' || form === 'lonebidrag') &&
      rng.chance(0.5);
    if (privateSector) {
      const [name, workplace] = rng.pick(COMPANIES);
      return { employer: name, workplace };
    }
    const [department, workplaces] = rng.pick(DEPARTMENTS);
    return { employer: department, workplace: rng.pick(workplaces) };
  }

  function employmentRow(input: {
    referralId: string;
    personId: string;
    form: string;
    start: number;
    end: number;
    consultant: string;
    extendsId: string | null;
    place: { employer: string; workplace: string };
    hours: number;
    /** The union refused: a cancelled placement, or (recent) one still planned. */
    refused?: 'cancelled' | 'planned';
    endedEarly?: number | null;
  }): LabourDemoData['subsidised_employment'][number] {
    const form = employmentFormOn(input.form, fromDay(input.start))!;
    const [low, high] = SALARY_KR[input.form]!;
    const level = 1 - 0.03 * Math.max(0, 2026 - yearOf(input.start));
    const salary = Math.round((rng.int(low, high) * level * input.hours) / 40 / 100) * 100 * 100;
    const support = Math.min(salary, Math.round((salary * form.usualSupportShare) / 10_000) * 10_000);
    const reviewed = input.extendsId === null ? input.start - rng.int(5, 20) : input.start - rng.int(20, 40);
    const review = input.refused ? 'refused' : reviewed <= today ? 'approved' : 'pending';
    const endedOn = input.endedEarly ?? input.end;
    const status = input.refused
      ? input.refused
      : input.start > today
        ? 'planned'
        : endedOn < today
          ? 'ended'
          : 'started';
    const row = {
      municipality_id: m,
      id: ids.uuid(),
      referral_id: input.referralId,
      person_id: input.personId,
      form: input.form,
      employer: input.place.employer,
      workplace: input.place.workplace,
      starts_on: fromDay(input.start),
      ends_on: fromDay(input.end),
      hours_per_week: input.hours,
      monthly_salary_cost_ore: salary,
      monthly_support_ore: support,
      extends_id: input.extendsId,
      union_review: review,
      union_reason: input.refused ? rng.pick(UNION_REFUSALS) : null,
      union_reviewed_on: review === 'pending' ? null : fromDay(Math.min(reviewed, today)),
      status,
      ended_on: status === 'ended' ? fromDay(endedOn) : null,
      created_by: input.consultant,
      created_at: at(Math.min(reviewed - rng.int(3, 14), today), 13, rng.int(0, 59)),
    } satisfies LabourDemoData['subsidised_employment'][number];
    out.subsidised_employment.push(row);
    return row;
  }

  /**
   * The employments of one person from `start`: each step (and its extension) follows the one
   * before; a step is written once it is due to be planned (within 60 days of today). Returns
   * the referral's exit, if it has come.
   */
  function employmentChain(input: {
    kind: ChainKind;
    steps: readonly ChainStep[];
    start: number;
    personId: string;
    referralId: string;
    consultant: string;
    nextPeriodOpened: number | null;
  }): { exitOn: number | null; exitResult: ExitResult | null } {
    const hours = input.kind === 'support' ? rng.pick([30, 40, 40]) : rng.pick([40, 40, 40, 30]);
    if (input.kind === 'came_back') {
      // Non-qualifying work up to shortly before the household applied again.
      const form = rng.weighted(CAME_BACK_FORMS);
      const until = input.nextPeriodOpened! - rng.int(3, 20);
      const place = employer(form);
      const firstEnd = Math.min(monthsEnd(input.start, 12), until);
      const first = employmentRow({
        ...input,
        form,
        start: input.start,
        end: firstEnd,
        extendsId: null,
        place,
        hours,
      });
      let lastStart = input.start;
      if (until > firstEnd + 30) {
        lastStart = firstEnd + 1;
        employmentRow({
          ...input,
          form,
          start: lastStart,
          end: Math.min(monthsEnd(lastStart, 12), until),
          extendsId: first.id,
          place,
          hours,
        });
      }
      // The unit let go when the job began; nobody planned a qualifying next step.
      return { exitOn: input.start + rng.int(0, 20), exitResult: 'work_subsidised' };
    }

    // Now and then the union refused the first placement and another workplace was found.
    if (rng.chance(0.03) && input.start - 30 > today - 5 * 365) {
      const refusedForm = input.steps[0]!.form;
      employmentRow({
        ...input,
        form: refusedForm,
        start: input.start,
        end: monthsEnd(input.start, input.steps[0]!.months),
        extendsId: null,
        place: employer(refusedForm),
        hours,
        refused: 'cancelled',
      });
    }
    let start = input.start;
    let lastStepStart = start;
    let lastEnd = start;
    let complete = true;
    for (const [index, step] of input.steps.entries()) {
      if (start > today + 60) {
        complete = false;
        break;
      }
      lastStepStart = start;
      const place = employer(step.form);
      const end = monthsEnd(start, step.months);
      // A few left an extratjänst early for an ordinary job.
      const leftEarly =
        index === 0 && step.form === 'extratjanst' && input.kind === 'qualifying' && rng.chance(0.08);
      const endedEarly = leftEarly ? Math.min(end - 30, start + rng.int(90, 270)) : null;
      const row = employmentRow({
        ...input,
        form: step.form,
        start,
        end,
        extendsId: null,
        place,
        hours,
        endedEarly,
      });
      if (endedEarly !== null && endedEarly < today)
        return { exitOn: endedEarly + rng.int(0, 7), exitResult: 'work' };
      lastEnd = end;
      if (step.extended) {
        const extensionStart = end + 1;
        if (extensionStart > today + 60) {
          complete = false;
          break;
        }
        lastEnd = monthsEnd(extensionStart, step.months);
        employmentRow({
          ...input,
          form: step.form,
          start: extensionStart,
          end: lastEnd,
          extendsId: row.id,
          place,
          hours,
        });
      }
      start = lastEnd + 1 + (rng.chance(0.5) ? 0 : rng.int(1, 21));
    }
    if (input.kind === 'support') {
      // The employer takes over; the unit closes its part soon after the start.
      return { exitOn: input.start + rng.int(7, 45), exitResult: 'work_subsidised' };
    }
    if (complete && lastEnd < today - 1) return { exitOn: lastEnd + rng.int(1, 14), exitResult: 'work' };
    if (input.steps.length > 1 && lastStepStart !== input.start && lastStepStart < today && rng.chance(0.25))
      return { exitOn: lastStepStart + rng.int(0, 14), exitResult: 'work_subsidised' };
    return { exitOn: null, exitResult: null };
  }

  function upcomingEmployment(referralId: string, personId: string, consultant: string, birth: string) {
    const start = mondayOf(today + rng.int(10, 50));
    const form =
      ageOn(birth, start) < 25 && rng.chance(0.3)
        ? 'ungdomsanstallning'
        : rng.pick(['extratjanst', 'extratjanst', 'introduktionsjobb', 'nystartsjobb']);
    const months = form === 'ungdomsanstallning' ? 6 : 12;
    employmentRow({
      referralId,
      personId,
      form,
      start,
      end: monthsEnd(start, months),
      consultant,
      extendsId: null,
      place: employer(form),
      hours: 40,
      // Now and then the union refuses; the consultant looks for another workplace.
      refused: upcoming++ % 8 === 3 ? 'planned' : undefined,
    });
  }

  /** Last summer's allocated round and this year's open one; returns the new young persons. */
  function summerJobs(): DemoData['person'] {
    const srng = Random.derive(options.seed, 'summer-jobs');
    const sids = Random.derive(options.seed, 'summer-job-ids');
    const scale = base.household.length / 3000;
    const lastYear = Number(options.today.slice(5, 7)) >= 9 ? thisYear : thisYear - 1;
    const openYear = lastYear + 1;
    const numbers = new SyntheticPersonalNumberAllocator();
    // Replaying the people part's requests gives the allocator its state: no number twice.
    for (const p of base.person) numbers.next({ birthDate: p.birth_date, sex: p.sex, kind: p.number_kind });
    const originWeights = Object.entries(NAME_GROUPS).map(([o, g]) => [o as Origin, g.weight] as const);
    const newPersons: DemoData['person'] = [];
    const newYoungPerson = (year: number) => {
      const origin = srng.weighted(originWeights);
      const group = NAME_GROUPS[origin];
      const sex: Sex = srng.chance(0.5) ? 'female' : 'male';
      const birthDate = fromDay(toDay(`${year - srng.int(16, 19)}-01-01`) + srng.int(0, 364));
      const last = srng.pick(group.last);
      const home = srng.pick(STREETS);
      const person = {
        municipality_id: m,
        id: sids.uuid(),
        personal_number: numbers.next({ birthDate, sex, kind: 'personnummer' }),
        number_kind: 'personnummer' as const,
        first_name: srng.pick(sex === 'female' ? group.female : group.male),
        last_name: sex === 'female' && group.femaleLastName ? group.femaleLastName(last) : last,
        birth_date: birthDate,
        sex,
        street_address: `${home.name} ${srng.int(1, 60)}`,
        postal_code: home.postalCode,
        city: CITY,
        protected_identity: false,
      };
      newPersons.push(person);
      return person;
    };

    /** Children of demo households of summer-job age, with whether the household had assistance. */
    const youthsOf = (year: number) => {
      const apply = toDay(`${year}-03-01`);
      return base.household_member
        .filter((hm) => {
          if (hm.role !== 'child') return false;
          const age = year - Number(persons.get(hm.person_id)!.birth_date.slice(0, 4));
          return (
            age >= 16 &&
            age <= 19 &&
            toDay(hm.valid_from) <= apply &&
            (hm.valid_to === null || toDay(hm.valid_to) > apply)
          );
        })
        .map((hm) => ({
          personId: hm.person_id,
          birthDate: persons.get(hm.person_id)!.birth_date,
          assisted: openAssistanceCaseOn(hm.household_id, apply) !== undefined,
        }));
    };

    const roundPositions = (roundId: string, year: number, places: number) => {
      const weightTotal = SUMMER_POSITIONS.reduce((sum, p) => sum + p[3], 0);
      const rows: LabourDemoData['summer_job_position'] = [];
      let given = 0;
      for (const [index, [employerName, kind, title, weight]] of SUMMER_POSITIONS.entries()) {
        const isLast = index === SUMMER_POSITIONS.length - 1;
        const share = isLast
          ? Math.max(1, places - given)
          : Math.max(
              1,
              Math.round(
                ((weight * places) / weightTotal) * (year === openYear ? 1 + (srng.next() - 0.5) * 0.1 : 1),
              ),
            );
        given += share;
        rows.push({
          municipality_id: m,
          id: sids.uuid(),
          round_id: roundId,
          employer: employerName,
          employer_kind: kind,
          title,
          places: Math.min(500, share),
        });
      }
      out.summer_job_position.push(...rows);
      return rows;
    };
    const preferencesFor = (positions: LabourDemoData['summer_job_position']) => {
      const count = srng.weighted([
        [1, 20],
        [2, 30],
        [3, 50],
      ] as const);
      const chosen: string[] = [];
      const weights = positions.map((p) => [p.id, p.places] as const);
      for (let i = 0; i < 10 && chosen.length < count; i += 1) {
        const id = srng.weighted(weights);
        if (!chosen.includes(id)) chosen.push(id);
      }
      return chosen;
    };

    // Last summer: applications in February–March, allocated in April, offers answered.
    const lastRoundId = sids.uuid();
    const lotterySeed = srng.int(1, 2_000_000_000);
    out.summer_job_round.push({
      municipality_id: m,
      id: lastRoundId,
      year: lastYear,
      apply_by: `${lastYear}-03-31`,
      min_age: 16,
      max_age: 19,
      lottery_seed: lotterySeed,
      allocated_at: new Date(`${lastYear}-04-15T08:00:00Z`),
    });
    const lastPositions = roundPositions(
      lastRoundId,
      lastYear,
      Math.max(2, Math.round(SUMMER_PLACES * scale)),
    );
    const applicantTarget = Math.max(3, Math.round(SUMMER_APPLICANTS * scale));
    const lastApplicants: (SummerApplicant & { personId: string })[] = [];
    const appliedLast = new Set<string>();
    for (const youth of youthsOf(lastYear))
      if (lastApplicants.length < applicantTarget && srng.chance(0.6) && !appliedLast.has(youth.personId)) {
        appliedLast.add(youth.personId);
        lastApplicants.push({
          id: sids.uuid(),
          personId: youth.personId,
          birthDate: youth.birthDate,
          appliedOn: fromDay(toDay(`${lastYear}-02-01`) + srng.int(0, 58)),
          householdWithAssistance: youth.assisted,
          hadSummerJobBefore: lastYear - Number(youth.birthDate.slice(0, 4)) > 16 && srng.chance(0.35),
          preferences: preferencesFor(lastPositions),
        });
      }
    while (lastApplicants.length < applicantTarget) {
      const person = newYoungPerson(lastYear);
      lastApplicants.push({
        id: sids.uuid(),
        personId: person.id,
        birthDate: person.birth_date,
        appliedOn: fromDay(toDay(`${lastYear}-02-01`) + srng.int(0, 58)),
        householdWithAssistance: false,
        hadSummerJobBefore: lastYear - Number(person.birth_date.slice(0, 4)) > 16 && srng.chance(0.4),
        preferences: preferencesFor(lastPositions),
      });
    }
    const allocation = allocateSummerJobs(lastApplicants, lastPositions, lotterySeed);
    const held = new Map<string, { positionId: string | null; status: 'none' | 'accepted' | 'declined' }>();
    for (const a of allocation) held.set(a.applicantId, { positionId: a.positionId, status: 'none' });
    // Offers: most accept; a declined place goes to the next in line without one.
    const queue = allocation.filter((a) => a.positionId !== null).map((a) => a.applicantId);
    while (queue.length > 0) {
      const applicantId = queue.shift()!;
      const entry = held.get(applicantId)!;
      if (srng.chance(0.84)) {
        entry.status = 'accepted';
        continue;
      }
      entry.status = 'declined';
      const next = nextInLine(allocation, (id) => held.get(id)!.positionId !== null);
      if (next) {
        held.get(next.applicantId)!.positionId = entry.positionId;
        queue.push(next.applicantId);
      }
    }
    const acceptedLastYear = new Set<string>();
    for (const a of lastApplicants) {
      const entry = held.get(a.id)!;
      if (entry.status === 'accepted') acceptedLastYear.add(a.personId);
      out.summer_job_applicant.push({
        municipality_id: m,
        id: a.id,
        round_id: lastRoundId,
        person_id: a.personId,
        applied_on: a.appliedOn,
        household_with_assistance: a.householdWithAssistance,
        had_summer_job_before: a.hadSummerJobBefore,
        preferences: a.preferences,
        position_id: entry.positionId,
        offer_status: entry.positionId === null ? 'none' : entry.status === 'none' ? 'offered' : entry.status,
      });
    }

    // This year's round: open for applications, the first ones in.
    const openRoundId = sids.uuid();
    const applyBy = toDay(`${openYear}-03-31`) > today ? `${openYear}-03-31` : fromDay(today + 30);
    out.summer_job_round.push({
      municipality_id: m,
      id: openRoundId,
      year: openYear,
      apply_by: applyBy,
      min_age: 16,
      max_age: 19,
      lottery_seed: null,
      allocated_at: null,
    });
    const openPositions = roundPositions(
      openRoundId,
      openYear,
      Math.max(2, Math.round(SUMMER_PLACES * scale)),
    );
    const openTarget = Math.max(2, Math.round(applicantTarget * 0.12));
    const applied = new Set<string>();
    const openApplicants: { personId: string; assisted: boolean; before: boolean }[] = [];
    for (const youth of youthsOf(openYear))
      if (openApplicants.length < openTarget / 4 && srng.chance(0.3) && !applied.has(youth.personId)) {
        applied.add(youth.personId);
        openApplicants.push({
          personId: youth.personId,
          assisted: youth.assisted,
          before: acceptedLastYear.has(youth.personId),
        });
      }
    for (const a of lastApplicants) {
      if (openApplicants.length >= (openTarget * 3) / 4) break;
      const age = openYear - Number(a.birthDate.slice(0, 4));
      if (age <= 19 && !applied.has(a.personId) && srng.chance(0.15)) {
        applied.add(a.personId);
        openApplicants.push({
          personId: a.personId,
          assisted: a.householdWithAssistance,
          before: acceptedLastYear.has(a.personId),
        });
      }
    }
    while (openApplicants.length < openTarget) {
      const person = newYoungPerson(openYear);
      openApplicants.push({ personId: person.id, assisted: false, before: false });
    }
    for (const a of openApplicants)
      out.summer_job_applicant.push({
        municipality_id: m,
        id: sids.uuid(),
        round_id: openRoundId,
        person_id: a.personId,
        applied_on: fromDay(today - srng.int(0, 20)),
        household_with_assistance: a.assisted,
        had_summer_job_before: a.before,
        preferences: preferencesFor(openPositions),
        position_id: null,
        offer_status: 'none',
      });
    return newPersons;
  }
}
