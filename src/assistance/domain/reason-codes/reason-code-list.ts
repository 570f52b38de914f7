/**
 * Reason codes (försörjningshinder): why an adult in a household with financial assistance cannot
 * support themselves, one per adult and month, reported to Socialstyrelsen's statistics and
 * compared between municipalities in Kolada. The categories are those of the code list in
 * HSLF-FS 2015:30, bilaga 1.
 *
 * The codes here are Kedjan's own: the regulation's numeric codes, and the date from which the
 * list applies, could not be verified where this was written and must be checked against the
 * appendix before the monthly statistics file is produced from these records.
 */

export const REASON_CODE_SOURCE = 'HSLF-FS 2015:30 bilaga 1 (Socialstyrelsen)';

/** The grouping used by the indicators (share of adults by kind of hindrance). */
export const REASON_GROUPS = ['unemployment', 'ill_health', 'social_reasons', 'other'] as const;
export type ReasonGroup = (typeof REASON_GROUPS)[number];

export interface ReasonCodeEntry {
  code: string;
  group: ReasonGroup;
  text: { sv: string; en: string };
  validFrom: string;
  /** last day in force */
  validTo?: string;
  source: string;
}

const entry = (code: string, group: ReasonGroup, sv: string, en: string): ReasonCodeEntry => ({
  code,
  group,
  text: { sv, en },
  // to be checked against the regulation (decided 1 December 2015), see above
  validFrom: '2016-01-01',
  source: REASON_CODE_SOURCE,
});

export const REASON_CODES: readonly ReasonCodeEntry[] = [
  entry(
    'unemployed_awaiting_benefit',
    'unemployment',
    'Arbetslös – väntar på ersättning',
    'Unemployed – waiting for benefit',
  ),
  entry('unemployed_no_benefit', 'unemployment', 'Arbetslös – ingen ersättning', 'Unemployed – no benefit'),
  entry(
    'unemployed_insufficient_benefit',
    'unemployment',
    'Arbetslös – otillräcklig ersättning',
    'Unemployed – insufficient benefit',
  ),
  entry(
    'unemployed_establishment_benefit',
    'unemployment',
    'Arbetslös med etableringsersättning',
    'Unemployed with establishment benefit',
  ),
  entry(
    'sick_with_certificate',
    'ill_health',
    'Sjukskriven med läkarintyg',
    'On sick leave with a medical certificate',
  ),
  entry(
    'sick_without_certificate',
    'ill_health',
    'Sjuk eller funktionsnedsättning utan läkarintyg',
    'Ill or disabled without a medical certificate',
  ),
  entry('social_reasons', 'social_reasons', 'Arbetshinder – sociala skäl', 'Unable to work – social reasons'),
  entry('parental_leave', 'other', 'Föräldraledig', 'On parental leave'),
  entry(
    'full_time_insufficient_income',
    'other',
    'Arbetar heltid – otillräcklig inkomst',
    'Works full time – insufficient income',
  ),
  entry(
    'part_time_insufficient_income',
    'other',
    'Arbetar deltid – otillräcklig inkomst',
    'Works part time – insufficient income',
  ),
  entry(
    'student_insufficient_income',
    'other',
    'Studerande – otillräcklig studieinkomst',
    'Student – insufficient study income',
  ),
  entry('old_age_pensioner', 'other', 'Ålderspensionär', 'Old-age pensioner'),
  entry(
    'awaiting_social_insurance',
    'other',
    'Väntar på annan ersättning från Försäkringskassan',
    'Waiting for another benefit from Försäkringskassan',
  ),
  entry('other', 'other', 'Annat', 'Other'),
];

/** The codes in force in a month (YYYY-MM). */
export function reasonCodesFor(month: string): ReasonCodeEntry[] {
  const first = `${month}-01`;
  return REASON_CODES.filter((c) => c.validFrom <= first && (c.validTo === undefined || first <= c.validTo));
}

/** The code as it applies in a month, or undefined when the code does not exist then. */
export function reasonCodeIn(code: string, month: string): ReasonCodeEntry | undefined {
  return reasonCodesFor(month).find((c) => c.code === code);
}
