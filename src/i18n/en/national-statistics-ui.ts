/** Texts of the monthly delivery to Socialstyrelsen (HSLF-FS 2015:30): validation and the page. */
export const nationalStatisticsUi = {
  title: 'Statistics to Socialstyrelsen',
  intro:
    'Individual data on financial assistance must be reported to Socialstyrelsen every month, by the 15th of the following month (HSLF-FS 2015:30). Check the month and correct what is missing before the file is sent.',
  month: 'Month',
  monthRequired: 'Enter a month.',
  show: 'Check',
  summaryHeading: 'Summary for {month}',
  dueOn: 'Due by {date}.',
  counts: {
    households: 'Households with payments',
    adults: 'Adults',
    children: 'Children',
    paidKronor: 'Paid, SEK',
    inMeasure: 'Adults in a municipal labour-market measure',
    closedCases: 'Closed cases',
    rows: 'Rows in the file',
  },
  problemsHeading: 'Check results',
  noProblems: 'No errors or warnings for {month}. The file can be sent.',
  errorsCount: '{count} errors',
  warningsCount: '{count} warnings',
  hasErrors: 'The file cannot be sent until the errors are corrected.',
  severity: { error: 'Error', warning: 'Warning' },
  columns: { severity: 'Type', problem: 'Problem', case: 'Case' },
  toCase: 'Open the case',
  toCaseLabel: 'Open case {ref}',
  download: 'Download the file for Socialstyrelsen',
  downloadBlocked: 'Download is blocked while there are errors.',
  downloadHint:
    'The file holds personal identity numbers and may only be sent to Socialstyrelsen. The download is logged.',
  unverified:
    "Socialstyrelsen's technical file description could not be verified. The file follows the regulation's variables in Kedjan's documented format (docs/national-statistics.md).",
  rules: {
    missing_reason_code: 'An adult in the household has no reason code for {month}.',
    unknown_reason_code: 'The reason code "{code}" is not in the code list for {month}.',
    payment_without_decision: 'A payment for {month} has no signed decision.',
    closed_without_exit_reason: 'The case was closed on {date} without an exit reason.',
    unknown_exit_reason: 'The exit reason "{code}" is not in the code list.',
    no_applicant:
      'The household has no applicant for {month}: household type and reason codes cannot be given.',
    invalid_personal_number: 'A person in the household has an invalid personal identity number.',
    protected_identity:
      "A person in the household has protected personal data. Check Socialstyrelsen's instructions before the file is sent.",
  },
  cli: {
    monthFormat: 'Give --month as a month (YYYY-MM).',
    noMunicipality: 'No municipality in the database; give --municipality.',
    summary:
      '{month}: {households} households, {adults} adults, {children} children, SEK {paid} paid, {closed} closed cases. Due by {due}.',
    findings: '{errors} errors, {warnings} warnings.',
    written: 'The file was written to {file} ({rows} rows).',
    notWritten: 'No file was written: correct the errors or use --force.',
    checkOnly: 'Check only; no file was written.',
    forced: 'The file was written despite errors (--force).',
  },
};
