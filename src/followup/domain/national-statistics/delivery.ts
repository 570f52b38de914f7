/**
 * Builds the month's delivery to Socialstyrelsen from plain records (HSLF-FS 2015:30) and checks
 * it: what is missing or inconsistent, per case, before the file is sent. Pure: no I/O.
 */
import { EXIT_REASONS } from '../../../assistance/domain/exit-reasons.ts';
import { reasonCodeIn } from '../../../assistance/domain/reason-codes/reason-code-list.ts';
import { catalogues, interpolate, type Locale } from '../../../i18n/catalogue.ts';
import { luhnCheckDigit } from '../../../people/domain/personnummer.ts';
import { deliveryDueOn, ROLE_CODES, type FileRecord, type HouseholdType } from './format.ts';
import type {
  StatisticsClosedCase,
  StatisticsHouseholdMonth,
  StatisticsMember,
  StatisticsMonthRecords,
} from './records.ts';

export type FindingRule =
  | 'missing_reason_code'
  | 'unknown_reason_code'
  | 'payment_without_decision'
  | 'closed_without_exit_reason'
  | 'unknown_exit_reason'
  | 'no_applicant'
  | 'invalid_personal_number'
  | 'protected_identity';

/** Errors stop the file; warnings are for the sender to check. */
export const RULE_SEVERITY: Record<FindingRule, 'error' | 'warning'> = {
  missing_reason_code: 'error',
  unknown_reason_code: 'error',
  payment_without_decision: 'error',
  closed_without_exit_reason: 'error',
  unknown_exit_reason: 'error',
  no_applicant: 'error',
  invalid_personal_number: 'error',
  protected_identity: 'warning',
};

export interface Finding {
  rule: FindingRule;
  severity: 'error' | 'warning';
  caseId: string;
  /** A reference to the case that names no one: "ÄR-" and the first eight characters of its id. */
  caseRef: string;
  /** The person concerned (for the audit and drill-down; never shown to those who may not see persons). */
  personId: string | null;
  params: Record<string, string>;
}

export interface DeliverySummary {
  month: string;
  dueOn: string;
  households: number;
  adults: number;
  children: number;
  paidOre: number;
  adultsInMeasure: number;
  closedCases: number;
  rows: number;
}

export interface Delivery {
  records: FileRecord[];
  summary: DeliverySummary;
  /** Every person whose personal identity number is in the file. */
  personIds: string[];
  caseIds: string[];
}

/** A case reference that names no one. */
export function caseReference(caseId: string): string {
  return `ÄR-${caseId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

const isAdult = (m: StatisticsMember) => m.role !== 'child';

/** Household type from the applicant's sex, a co-applicant and children (register codes 1, 3–9). */
export function householdType(members: readonly StatisticsMember[]): HouseholdType {
  const applicant = members.find((m) => m.role === 'applicant');
  const children = members.some((m) => m.role === 'child');
  if (!applicant) return members.length > 0 && members.every((m) => m.role === 'child') ? '1' : '9';
  if (members.some((m) => m.role === 'co_applicant')) return children ? '8' : '7';
  if (applicant.sex === 'male') return children ? '4' : '3';
  return children ? '6' : '5';
}

/** Twelve digits with a valid check digit (samordningsnummer: day + 60). */
export function validPersonalNumber(normalised: string): boolean {
  if (!/^\d{12}$/.test(normalised)) return false;
  return luhnCheckDigit(normalised.slice(2, 11)) === Number(normalised[11]);
}

const roleOrder = { applicant: 0, co_applicant: 1, other_adult: 2, child: 3 } as const;
const byRole = (a: StatisticsMember, b: StatisticsMember) =>
  roleOrder[a.role] - roleOrder[b.role] || a.personalNumber.localeCompare(b.personalNumber);

const empty: FileRecord = Object.fromEntries(
  [
    'posttyp',
    'kommun',
    'period',
    'hushall',
    'personnummer',
    'roll',
    'hushallstyp',
    'antal_barn',
    'utbetalt_kr',
    'forsorjningshinder',
    'arbetsmarknadsinsats',
    'avslutsorsak',
    'avslutsdatum',
  ].map((k) => [k, '']),
) as FileRecord;

/** Whole kronor, rounded half up from öre. */
const kronor = (ore: number) => String(Math.round(ore / 100));

/** The file's rows: one per adult of every household paid for the month (record type 1), and
 * one per adult of every case closed in the month (record type 2). Sorted for a stable file. */
export function buildDelivery(records: StatisticsMonthRecords): Delivery {
  const period = records.month.replace('-', '');
  const out: FileRecord[] = [];
  const personIds = new Set<string>();
  const caseIds = new Set<string>();
  let adults = 0;
  let children = 0;
  let paidOre = 0;
  let inMeasure = 0;

  const households = [...records.households].sort((a, b) => a.householdId.localeCompare(b.householdId));
  for (const household of households) {
    caseIds.add(household.caseId);
    const paid = household.payments.reduce((sum, p) => sum + p.amountOre, 0);
    paidOre += paid;
    const type = householdType(household.members);
    const childCount = household.members.filter((m) => m.role === 'child').length;
    children += childCount;
    const grown = household.members.filter(isAdult).sort(byRole);
    grown.forEach((member, index) => {
      adults += 1;
      if (member.inMunicipalMeasure) inMeasure += 1;
      personIds.add(member.personId);
      out.push({
        ...empty,
        posttyp: '1',
        kommun: records.municipalityId,
        period,
        hushall: household.householdId,
        personnummer: member.personalNumber,
        roll: ROLE_CODES[member.role as keyof typeof ROLE_CODES],
        hushallstyp: type,
        antal_barn: String(childCount),
        // the household's amount once, on the applicant's row (the first)
        utbetalt_kr: index === 0 ? kronor(paid) : '0',
        forsorjningshinder: member.reasonCode ?? '',
        arbetsmarknadsinsats: member.inMunicipalMeasure ? 'J' : 'N',
      });
    });
  }

  const closed = [...records.closedCases].sort(
    (a, b) => a.closedOn.localeCompare(b.closedOn) || a.caseId.localeCompare(b.caseId),
  );
  for (const c of closed) {
    caseIds.add(c.caseId);
    for (const member of c.members.filter(isAdult).sort(byRole)) {
      personIds.add(member.personId);
      out.push({
        ...empty,
        posttyp: '2',
        kommun: records.municipalityId,
        period,
        hushall: c.householdId,
        personnummer: member.personalNumber,
        roll: ROLE_CODES[member.role as keyof typeof ROLE_CODES],
        avslutsorsak: c.exitReason ?? '',
        avslutsdatum: c.closedOn,
      });
    }
  }

  return {
    records: out,
    summary: {
      month: records.month,
      dueOn: deliveryDueOn(records.month),
      households: households.length,
      adults,
      children,
      paidOre,
      adultsInMeasure: inMeasure,
      closedCases: closed.length,
      rows: out.length,
    },
    personIds: [...personIds].sort(),
    caseIds: [...caseIds].sort(),
  };
}

function finding(
  rule: FindingRule,
  caseId: string,
  personId: string | null,
  params: Record<string, string> = {},
): Finding {
  return { rule, severity: RULE_SEVERITY[rule], caseId, caseRef: caseReference(caseId), personId, params };
}

function memberFindings(caseId: string, members: readonly StatisticsMember[], out: Finding[]): void {
  for (const m of members) {
    if (!validPersonalNumber(m.personalNumber))
      out.push(finding('invalid_personal_number', caseId, m.personId));
    if (m.protectedIdentity) out.push(finding('protected_identity', caseId, m.personId));
  }
}

function householdFindings(month: string, h: StatisticsHouseholdMonth, out: Finding[]): void {
  if (!h.members.some((m) => m.role === 'applicant'))
    out.push(finding('no_applicant', h.caseId, null, { month }));
  for (const p of h.payments) {
    if (!p.decisionSigned) out.push(finding('payment_without_decision', h.caseId, null, { month }));
  }
  for (const m of h.members.filter(isAdult)) {
    if (m.reasonCode === null) out.push(finding('missing_reason_code', h.caseId, m.personId, { month }));
    else if (!reasonCodeIn(m.reasonCode, month))
      out.push(finding('unknown_reason_code', h.caseId, m.personId, { month, code: m.reasonCode }));
  }
  memberFindings(h.caseId, h.members.filter(isAdult), out);
}

function closedFindings(c: StatisticsClosedCase, out: Finding[]): void {
  if (c.exitReason === null)
    out.push(finding('closed_without_exit_reason', c.caseId, null, { date: c.closedOn }));
  else if (!(EXIT_REASONS as readonly string[]).includes(c.exitReason))
    out.push(finding('unknown_exit_reason', c.caseId, null, { code: c.exitReason }));
  memberFindings(c.caseId, c.members.filter(isAdult), out);
}

/** Everything missing or inconsistent in the month, errors first, then by case. A person flagged
 * twice for the same rule (a household paid and closed in the month) is reported once. */
export function validateDelivery(records: StatisticsMonthRecords): Finding[] {
  const out: Finding[] = [];
  for (const h of records.households) householdFindings(records.month, h, out);
  for (const c of records.closedCases) closedFindings(c, out);
  const seen = new Set<string>();
  const unique = out.filter((f) => {
    const key = `${f.rule}|${f.caseId}|${f.personId ?? ''}|${JSON.stringify(f.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.caseRef.localeCompare(b.caseRef) ||
      a.rule.localeCompare(b.rule),
  );
}

/** The finding in words; the month is written as YYYY-MM. */
export function findingMessage(f: Finding, locale: Locale = 'sv'): string {
  return interpolate(catalogues[locale].nationalStatisticsUi.rules[f.rule], f.params);
}
