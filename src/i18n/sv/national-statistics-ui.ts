/** Texts of the monthly delivery to Socialstyrelsen (HSLF-FS 2015:30): validation and the page. */
export const nationalStatisticsUi = {
  title: 'Statistik till Socialstyrelsen',
  intro:
    'Individuppgifter om ekonomiskt bistånd ska lämnas till Socialstyrelsen varje månad, senast den 15:e månaden efter (HSLF-FS 2015:30). Kontrollera månaden och rätta det som saknas innan filen skickas.',
  month: 'Månad',
  monthRequired: 'Ange en månad.',
  show: 'Kontrollera',
  summaryHeading: 'Sammanfattning för {month}',
  dueOn: 'Ska lämnas senast {date}.',
  counts: {
    households: 'Hushåll med utbetalning',
    adults: 'Vuxna',
    children: 'Barn',
    paidKronor: 'Utbetalt, kr',
    inMeasure: 'Vuxna i kommunal arbetsmarknadsinsats',
    closedCases: 'Avslutade ärenden',
    rows: 'Rader i filen',
  },
  problemsHeading: 'Kontrollresultat',
  noProblems: 'Inga fel eller varningar för {month}. Filen kan skickas.',
  errorsCount: '{count} fel',
  warningsCount: '{count} varningar',
  hasErrors: 'Filen kan inte skickas förrän felen är rättade.',
  severity: { error: 'Fel', warning: 'Varning' },
  columns: { severity: 'Typ', problem: 'Problem', case: 'Ärende' },
  toCase: 'Öppna ärendet',
  toCaseLabel: 'Öppna ärende {ref}',
  download: 'Ladda ner filen till Socialstyrelsen',
  downloadBlocked: 'Nedladdning är spärrad så länge det finns fel.',
  downloadHint:
    'Filen innehåller personnummer och får bara skickas till Socialstyrelsen. Nedladdningen loggas.',
  unverified:
    'Socialstyrelsens tekniska filbeskrivning har inte kunnat verifieras. Filen följer föreskriftens variabler i Kedjans dokumenterade format (docs/national-statistics.md).',
  rules: {
    missing_reason_code: 'En vuxen i hushållet saknar försörjningshinder för {month}.',
    unknown_reason_code: 'Försörjningshindret "{code}" finns inte i kodlistan för {month}.',
    payment_without_decision: 'En utbetalning för {month} saknar undertecknat beslut.',
    closed_without_exit_reason: 'Ärendet avslutades {date} utan avslutsorsak.',
    unknown_exit_reason: 'Avslutsorsaken "{code}" finns inte i kodlistan.',
    no_applicant: 'Hushållet saknar sökande för {month}: hushållstyp och försörjningshinder kan inte anges.',
    invalid_personal_number: 'En person i hushållet har ett personnummer som inte är giltigt.',
    protected_identity:
      'En person i hushållet har skyddade personuppgifter. Kontrollera Socialstyrelsens anvisning innan filen skickas.',
  },
  cli: {
    monthFormat: 'Ange --month som en månad (ÅÅÅÅ-MM).',
    noMunicipality: 'Ingen kommun finns i databasen; ange --municipality.',
    summary:
      '{month}: {households} hushåll, {adults} vuxna, {children} barn, {paid} kr utbetalt, {closed} avslutade ärenden. Lämnas senast {due}.',
    findings: '{errors} fel, {warnings} varningar.',
    written: 'Filen skrevs till {file} ({rows} rader).',
    notWritten: 'Ingen fil skrevs: rätta felen eller använd --force.',
    checkOnly: 'Endast kontroll; ingen fil skrevs.',
    forced: 'Filen skrevs trots fel (--force).',
  },
};
