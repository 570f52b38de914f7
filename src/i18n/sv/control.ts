/** Texts of control: investigations of incorrect payments, recovery, double rent, and the import. */
import type { InvestigationOutcome, Suspicion } from '../../assistance/domain/control/investigations.ts';

export const suspicions: Record<Suspicion, string> = {
  undeclared_income: 'Oredovisad inkomst',
  undeclared_cohabitation: 'Oredovisat samboförhållande',
  double_rent: 'Dubbel hyra',
  wrong_household: 'Felaktig hushållssammansättning',
  not_resident: 'Inte bosatt i kommunen',
  other: 'Annat',
};

export const outcomes: Record<InvestigationOutcome, string> = {
  incorrect_payment: 'Felaktig utbetalning konstaterad',
  no_incorrect_payment: 'Ingen felaktig utbetalning',
  police_report: 'Polisanmäld',
};

/** The import from an earlier system (`npx kedjan import`). */
export const importTexts = {
  rowError: 'rad {line}: {message}',
  rejected: 'Inget importerades (rader med fel: {count}). Rätta filen och kör importen igen.',
  fileUnreadable: 'Filen {file} kan inte läsas: {details}',
  notUtf8: 'Filen {file} är inte sparad som UTF-8. Spara den som UTF-8 och kör importen igen.',
  municipalityMissing: 'Kommunen {municipality} finns inte.',
  userRequired: 'Ange --user: den användare som importerade beslut och utbetalningar registreras på.',
  userMissing: 'Användaren {user} finns inte eller är inte aktiv i kommunen {municipality}.',
  summary: {
    households: 'Importerat – hushåll: {households}, personer: {persons}, ärenden: {cases}.',
    applications: 'Importerat – ansökningar: {applications}.',
    decisions: 'Importerat – beslut: {decisions}.',
    payments: 'Importerat – utbetalningar: {payments}, utbetalningskörningar: {runs}.',
  },
};

export const importReasons = {
  unreadable: 'raden kan inte läsas som CSV ({code}); kontrollera citattecken och semikolon',
  empty: 'filen har inga rader under rubrikraden',
  missingColumn: 'kolumnen {column} saknas i rubrikraden',
  unknownColumn: 'kolumnen {column} är okänd',
  duplicateColumn: 'kolumnen {column} finns två gånger',
  fieldCount: 'raden har {count} fält men rubrikraden har {expected}',
  required: '{column} saknas',
  tooLong: '{column} är för långt (högst {max} tecken)',
  personalNumber: 'personnumret är inte giltigt: {reason}',
  date: '{column} ska vara ett datum (ÅÅÅÅ-MM-DD)',
  month: '{column} ska vara en månad (ÅÅÅÅ-MM)',
  future: '{column} ligger i framtiden',
  amount: '{column} ska vara ett belopp i kronor, t.ex. 7200 eller 7 200,50',
  amountTooLarge: '{column} är för stort',
  amountZero: '{column} ska vara större än noll',
  choice: '{column} ska vara något av: {choices}',
  clearingNumber: 'clearingnumret ska vara 4 eller 5 siffror',
  accountNumber: 'kontonumret ska vara 1–12 siffror',
  completeBeforeReceived: 'ansökan kan inte ha blivit komplett innan den kom in',
  duplicatePerson: 'personnumret finns redan på rad {line}',
  duplicateMonth: 'personen har redan en rad för {month} på rad {line}',
  noApplicant: 'hushållet {household} har ingen sökande',
  twoApplicants: 'hushållet {household} har redan en sökande på rad {line}',
  householdMismatch: 'hushållet {household} har en annan enhet eller ett annat öppningsdatum på rad {line}',
  personExists: 'det finns redan en person med personnumret i kommunen',
  personMissing: 'det finns ingen person med personnumret i kommunen',
  unitMissing: 'enheten {unit} finns inte i kommunen',
  noCase: 'personen är inte sökande i något ärende om ekonomiskt bistånd',
  notInHousehold: 'personen hör inte till hushållet i {month}',
  applicationExists: 'det finns redan en ansökan för {month}',
  applicationMissing: 'det finns ingen obeslutad ansökan för {month}',
  decisionMissing: 'det finns inget undertecknat beslut för {month}',
  paymentExists: 'beslutet för {month} har redan en utbetalning',
  amountAboveDecision: 'beloppet är större än det som beviljades ({granted})',
  runNotApproved: 'det finns en utbetalningskörning för {month} som inte är godkänd',
};
