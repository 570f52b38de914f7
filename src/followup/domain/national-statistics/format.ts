/**
 * The monthly delivery to Socialstyrelsen's register of financial assistance, as data: the
 * variables of HSLF-FS 2015:30 (bilaga 1: assistance, reason codes and municipal labour-market
 * measures per calendar month; bilaga 2: exit reasons), the household type codes, and the file
 * layout Kedjan writes.
 *
 * What is verified and what is not is set out in docs/national-statistics.md. In short: the duty,
 * the deadline and the split into the two appendices are read from the regulation (§§ 2–4), and
 * the household type codes from Socialstyrelsen's variable list of the register. Socialstyrelsen's
 * technical description of the file (record layout, field order, code values, file name) could
 * not be found where this was written, so the layout below is Kedjan's own, documented file with
 * the regulation's variables, and the reason codes and exit reasons are Kedjan's code words: both
 * must be mapped to the technical description before a file is sent.
 */

export const REGULATION = 'HSLF-FS 2015:30';
export const REGULATION_SOURCE =
  'Socialstyrelsens föreskrifter (HSLF-FS 2015:30) om socialnämndernas skyldighet att lämna statistiska uppgifter om ekonomiskt bistånd, 2–4 §§ och bilagorna 1–2';
export const VARIABLE_LIST_SOURCE =
  'Socialstyrelsen, Variabelförteckning för registret över ekonomiskt bistånd (Biståndshushåll: hushållstyp)';

/** The file layout's version; printed in the documentation and in the CLI's report. */
export const FILE_LAYOUT_VERSION = 'kedjan-ekb-1';

/** Record types: 1 = assistance in the month (bilaga 1), 2 = exit (bilaga 2). */
export type RecordType = '1' | '2';

/** Household type (hushållstyp) in the register; verified against Socialstyrelsen's variable list. */
export const HOUSEHOLD_TYPES = {
  '1': 'Enbart barn under 18 år',
  '3': 'Ensamstående man utan barn',
  '4': 'Ensamstående man med barn',
  '5': 'Ensamstående kvinna utan barn',
  '6': 'Ensamstående kvinna med barn',
  '7': 'Sammanboende par utan barn',
  '8': 'Sammanboende par med barn',
  '9': 'Okänd hushållstyp',
} as const;
export type HouseholdType = keyof typeof HOUSEHOLD_TYPES;

/** The role of a person in the household, as written in the file (Kedjan's codes). */
export const ROLE_CODES = { applicant: 'S', co_applicant: 'M', other_adult: 'V' } as const;

export interface FileVariable {
  /** Column name in the header row. */
  name: string;
  /** Which appendix of the regulation asks for it; null for the file's own bookkeeping. */
  appendix: 1 | 2 | null;
  description: string;
  /** Whether the value's form has been verified against Socialstyrelsen's own documents. */
  verified: boolean;
}

/** The columns of the file, in order. Every record has all of them; unused ones are empty. */
export const FILE_VARIABLES: readonly FileVariable[] = [
  {
    name: 'posttyp',
    appendix: null,
    description: '1 = ekonomiskt bistånd under månaden (bilaga 1), 2 = avslut (bilaga 2)',
    verified: false,
  },
  { name: 'kommun', appendix: 1, description: 'Kommunkod, fyra siffror', verified: true },
  {
    name: 'period',
    appendix: 1,
    description: 'Den kalendermånad biståndet avser (ÅÅÅÅMM), inte utbetalningsmånaden',
    verified: true,
  },
  {
    name: 'hushall',
    appendix: 1,
    description: 'Hushållets id i Kedjan (samma varje månad), binder ihop sökande och medsökande',
    verified: false,
  },
  {
    name: 'personnummer',
    appendix: 1,
    description: 'Personnummer, tolv siffror ÅÅÅÅMMDDNNNK',
    verified: false,
  },
  {
    name: 'roll',
    appendix: 1,
    description: 'S = sökande, M = medsökande, V = annan vuxen i hushållet',
    verified: false,
  },
  {
    name: 'hushallstyp',
    appendix: 1,
    description: 'Hushållstyp enligt registrets kodlista (1, 3–9)',
    verified: true,
  },
  { name: 'antal_barn', appendix: 1, description: 'Antal barn under 18 år i hushållet', verified: true },
  {
    name: 'utbetalt_kr',
    appendix: 1,
    description: 'Utbetalt ekonomiskt bistånd för månaden, hela kronor; på sökandens rad (övriga 0)',
    verified: false,
  },
  {
    name: 'forsorjningshinder',
    appendix: 1,
    description: 'Personens försörjningshinder för månaden (Kedjans kod, se reason-code-list.ts)',
    verified: false,
  },
  {
    name: 'arbetsmarknadsinsats',
    appendix: 1,
    description: 'J = deltog i kommunal arbetsmarknadsinsats under månaden, N = nej',
    verified: false,
  },
  {
    name: 'avslutsorsak',
    appendix: 2,
    description: 'Orsak till att biståndet upphörde (Kedjans kod, se exit-reasons.ts)',
    verified: false,
  },
  {
    name: 'avslutsdatum',
    appendix: 2,
    description: 'Dagen ärendet avslutades (ÅÅÅÅ-MM-DD)',
    verified: false,
  },
];

export const FILE_HEADER = FILE_VARIABLES.map((v) => v.name);

/** One line of the file, by column name. */
export type FileRecord = Record<(typeof FILE_HEADER)[number], string>;

/** Semicolon-separated, UTF-8 without byte-order mark, CRLF line ends, with a header row. */
export function recordsToFile(records: readonly FileRecord[]): string {
  const lines = [FILE_HEADER.join(';'), ...records.map((r) => FILE_HEADER.map((h) => r[h] ?? '').join(';'))];
  return `${lines.join('\r\n')}\r\n`;
}

/** ekb_<kommun>_<ÅÅÅÅMM>.csv (Kedjan's naming; Socialstyrelsen's own could not be verified). */
export function deliveryFileName(municipalityId: string, month: string): string {
  return `ekb_${municipalityId}_${month.replace('-', '')}.csv`;
}

/** The last day to deliver the month: the 15th of the next month (HSLF-FS 2015:30, 3 §). */
export function deliveryDueOn(month: string): string {
  const year = Number(month.slice(0, 4));
  const next = Number(month.slice(5, 7)) + 1;
  return next === 13 ? `${year + 1}-01-15` : `${year}-${String(next).padStart(2, '0')}-15`;
}
