/** The CSV formats of the import from an earlier system (documented in docs/import.md). */

export const IMPORT_KINDS = ['households', 'applications', 'decisions', 'payments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

interface Column {
  name: string;
  required: boolean;
  /** longest text accepted */
  max?: number;
}

const col = (name: string, required: boolean, max?: number): Column =>
  max === undefined ? { name, required } : { name, required, max };

export const COLUMNS: Record<ImportKind, readonly Column[]> = {
  households: [
    col('hushåll', true, 50),
    col('personnummer', true),
    col('förnamn', true, 100),
    col('efternamn', true, 100),
    col('roll', true),
    col('enhet', true, 200),
    col('ärende_öppnat', true),
    col('skyddad_identitet', false),
    col('adress', false, 200),
    col('postnummer', false, 10),
    col('ort', false, 100),
  ],
  applications: [
    col('personnummer', true),
    col('månad', true),
    col('inkommen', true),
    col('komplett', false),
    col('kanal', false),
    col('hyra', false),
    col('övriga_kostnader', false),
    col('inkomster', false),
    col('adress', false, 200),
    col('lägenhet', false, 40),
    col('kontrakt', false, 80),
  ],
  decisions: [
    col('personnummer', true),
    col('månad', true),
    col('beslutsdatum', true),
    col('beviljat', true),
    col('utbetalningsdag', true),
    col('motivering', false, 10000),
  ],
  payments: [
    col('personnummer', true),
    col('månad', true),
    col('utbetalningsdag', true),
    col('belopp', true),
    col('clearingnummer', true),
    col('kontonummer', true),
  ],
};

export const ROLE_WORDS = {
  sökande: 'applicant',
  medsökande: 'co_applicant',
  barn: 'child',
  'annan vuxen': 'other_adult',
} as const;
export type HouseholdRole = (typeof ROLE_WORDS)[keyof typeof ROLE_WORDS];

export const CHANNEL_WORDS = { papper: 'paper', 'e-ansökan': 'e_application' } as const;
export const YES_NO_WORDS = { ja: true, nej: false } as const;

/** At most 1 000 000 kr a month per application item or decision, as in the API. */
export const MAX_MONTHLY_ORE = 100_000_000;
