/**
 * The law as dated data. The Social Services Act SFS 2025:400 replaced SoL 2001:453 on
 * 1 July 2025 (and the ordinance SFS 2025:468 replaced 2001:937); a decision cites the provisions
 * in force on its date. Each provision names its place in both acts, read from the statute texts
 * (sources in docs/law.md).
 */
import type { Locale } from '../../../i18n/catalogue.ts';

export interface Statute {
  sfs: string;
  name: { sv: string; en: string };
  validFrom: string;
  /** last day in force */
  validTo?: string;
}

export const STATUTES = {
  act2001: {
    sfs: '2001:453',
    name: { sv: 'socialtjänstlagen', en: 'the Social Services Act' },
    validFrom: '2002-01-01',
    validTo: '2025-06-30',
  },
  act2025: {
    sfs: '2025:400',
    name: { sv: 'socialtjänstlagen', en: 'the Social Services Act' },
    validFrom: '2025-07-01',
  },
  ordinance2001: {
    sfs: '2001:937',
    name: { sv: 'socialtjänstförordningen', en: 'the Social Services Ordinance' },
    validFrom: '2002-01-01',
    validTo: '2025-06-30',
  },
  ordinance2025: {
    sfs: '2025:468',
    name: { sv: 'socialtjänstförordningen', en: 'the Social Services Ordinance' },
    validFrom: '2025-07-01',
  },
  administrativeProcedure: {
    sfs: '2017:900',
    name: { sv: 'förvaltningslagen', en: 'the Administrative Procedure Act' },
    validFrom: '2018-07-01',
  },
} as const satisfies Record<string, Statute>;
export type StatuteKey = keyof typeof STATUTES;

export type ProvisionKey =
  | 'rightToAssistance'
  | 'incomeSupport'
  | 'availableForWork'
  | 'condition'
  | 'reduction'
  | 'jobStimulus'
  | 'documentation'
  | 'appeal'
  | 'recovery'
  | 'recoveryConditional'
  | 'responsibility';

interface ProvisionVersion {
  statute: StatuteKey;
  /** e.g. "4 kap. 1 §" */
  ref: string;
}

/** Oldest first; the version whose statute is in force on a date applies. */
export const PROVISIONS: Record<ProvisionKey, readonly ProvisionVersion[]> = {
  rightToAssistance: [
    { statute: 'act2001', ref: '4 kap. 1 §' },
    { statute: 'act2025', ref: '12 kap. 1 §' },
  ],
  incomeSupport: [
    { statute: 'act2001', ref: '4 kap. 3 §' },
    { statute: 'act2025', ref: '12 kap. 7 §' },
  ],
  availableForWork: [
    { statute: 'act2001', ref: '4 kap. 1 § andra stycket' },
    { statute: 'act2025', ref: '12 kap. 3 §' },
  ],
  condition: [
    { statute: 'act2001', ref: '4 kap. 4 §' },
    { statute: 'act2025', ref: '12 kap. 4 §' },
  ],
  reduction: [
    { statute: 'act2001', ref: '4 kap. 5 §' },
    { statute: 'act2025', ref: '12 kap. 5 §' },
  ],
  jobStimulus: [
    { statute: 'act2001', ref: '4 kap. 1 b §' },
    { statute: 'act2025', ref: '12 kap. 8 §' },
  ],
  documentation: [
    { statute: 'act2001', ref: '11 kap. 5 §' },
    { statute: 'act2025', ref: '14 kap. 3 §' },
  ],
  appeal: [
    { statute: 'act2001', ref: '16 kap. 3 §' },
    { statute: 'act2025', ref: '35 kap. 1 §' },
  ],
  // Assistance granted before 1 July 2025 is recovered under the old act even when the recovery
  // decision is later (transitional provisions of SFS 2025:400): cite by the date it was granted.
  recovery: [
    { statute: 'act2001', ref: '9 kap. 1 §' },
    { statute: 'act2025', ref: '33 kap. 1 §' },
  ],
  recoveryConditional: [
    { statute: 'act2001', ref: '9 kap. 2 §' },
    { statute: 'act2025', ref: '33 kap. 2 §' },
  ],
  responsibility: [
    { statute: 'act2001', ref: '2 a kap. 1 §' },
    { statute: 'act2025', ref: '29 kap. 1 §' },
  ],
};

function inForce(statute: Statute, date: string): boolean {
  return statute.validFrom <= date && (statute.validTo === undefined || date <= statute.validTo);
}

/** The provision in force on `date` (YYYY-MM-DD), or undefined before the first act. */
export function provisionOn(key: ProvisionKey, date: string): { statute: Statute; ref: string } | undefined {
  for (const version of PROVISIONS[key]) {
    const statute = STATUTES[version.statute];
    if (inForce(statute, date)) return { statute, ref: version.ref };
  }
  return undefined;
}

/** "12 kap. 7 § socialtjänstlagen (2025:400)" */
export function citeProvision(key: ProvisionKey, date: string, locale: Locale): string {
  const found = provisionOn(key, date) ?? provisionOn(key, '9999-12-31');
  if (!found) return '';
  return `${found.ref} ${found.statute.name[locale]} (${found.statute.sfs})`;
}
