/** Texts of control (English, the second language). */
import type { DeepStrings } from '../types.ts';
import type * as sv from '../sv/control.ts';

export const suspicions: typeof sv.suspicions = {
  undeclared_income: 'Undeclared income',
  undeclared_cohabitation: 'Undeclared cohabitation',
  double_rent: 'Double rent',
  wrong_household: 'Wrong household composition',
  not_resident: 'Not resident in the municipality',
  other: 'Other',
};

export const outcomes: typeof sv.outcomes = {
  incorrect_payment: 'Incorrect payment established',
  no_incorrect_payment: 'No incorrect payment',
  police_report: 'Reported to the police',
};

export const importTexts: DeepStrings<typeof sv.importTexts> = {
  rowError: 'line {line}: {message}',
  rejected: 'Nothing was imported (lines with errors: {count}). Correct the file and run the import again.',
  fileUnreadable: 'The file {file} cannot be read: {details}',
  notUtf8: 'The file {file} is not saved as UTF-8. Save it as UTF-8 and run the import again.',
  municipalityMissing: 'The municipality {municipality} does not exist.',
  userRequired: 'Give --user: the user that imported decisions and payments are registered by.',
  userMissing: 'The user {user} does not exist or is not active in the municipality {municipality}.',
  summary: {
    households: 'Imported – households: {households}, persons: {persons}, cases: {cases}.',
    applications: 'Imported – applications: {applications}.',
    decisions: 'Imported – decisions: {decisions}.',
    payments: 'Imported – payments: {payments}, payment runs: {runs}.',
  },
};

export const importReasons: Record<keyof typeof sv.importReasons, string> = {
  unreadable: 'the line cannot be read as CSV ({code}); check quotes and semicolons',
  empty: 'the file has no lines below the header',
  missingColumn: 'the column {column} is missing from the header',
  unknownColumn: 'the column {column} is unknown',
  duplicateColumn: 'the column {column} appears twice',
  fieldCount: 'the line has {count} fields but the header has {expected}',
  required: '{column} is missing',
  tooLong: '{column} is too long (at most {max} characters)',
  personalNumber: 'the personal identity number is not valid: {reason}',
  date: '{column} must be a date (YYYY-MM-DD)',
  month: '{column} must be a month (YYYY-MM)',
  future: '{column} is in the future',
  amount: '{column} must be an amount in kronor, e.g. 7200 or 7 200,50',
  amountTooLarge: '{column} is too large',
  amountZero: '{column} must be more than zero',
  choice: '{column} must be one of: {choices}',
  clearingNumber: 'the clearing number must be 4 or 5 digits',
  accountNumber: 'the account number must be 1–12 digits',
  completeBeforeReceived: 'an application cannot be complete before it was received',
  duplicatePerson: 'the personal identity number is already on line {line}',
  duplicateMonth: 'the person already has a line for {month} on line {line}',
  noApplicant: 'the household {household} has no applicant',
  twoApplicants: 'the household {household} already has an applicant on line {line}',
  householdMismatch: 'the household {household} has another unit or opening date on line {line}',
  personExists: 'a person with this personal identity number already exists in the municipality',
  personMissing: 'no person with this personal identity number exists in the municipality',
  unitMissing: 'the unit {unit} does not exist in the municipality',
  noCase: 'the person is not the applicant of any financial assistance case',
  notInHousehold: 'the person does not belong to the household in {month}',
  applicationExists: 'there is already an application for {month}',
  applicationMissing: 'there is no undecided application for {month}',
  decisionMissing: 'there is no signed decision for {month}',
  paymentExists: 'the decision for {month} already has a payment',
  amountAboveDecision: 'the amount is larger than what was granted ({granted})',
  runNotApproved: 'there is a payment run for {month} that is not approved',
};
