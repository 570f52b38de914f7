/** API error messages (problem+json `detail`), keyed by error code. */
export const errors = {
  VALIDATION_FAILED: 'Uppgifterna kunde inte sparas: {details}',
  UNKNOWN_FIELD: 'Fältet {field} är okänt.',
  NOT_AUTHENTICATED: 'Du är inte inloggad. Logga in och försök igen.',
  SESSION_EXPIRED: 'Din session har gått ut. Logga in igen.',
  FORBIDDEN: 'Du har inte behörighet till detta.',
  CSRF_TOKEN_INVALID: 'Begäran kunde inte verifieras. Ladda om sidan och försök igen.',
  NOT_FOUND: 'Det du söker finns inte.',
  ROUTE_NOT_FOUND: 'Adressen finns inte.',
  PAYLOAD_TOO_LARGE: 'Det som skickades är för stort.',
  UNSUPPORTED_MEDIA_TYPE: 'Innehållstypen stöds inte. Skicka JSON.',
  INVALID_PERSONAL_NUMBER: 'Personnumret är inte giltigt: {reason}',
  CONFLICT: 'Uppgiften krockar med något som redan är registrerat. Kontrollera och försök igen.',
  PERSONAL_NUMBER_TAKEN: 'Det finns redan en person med detta personnummer.',
  PROTECTED_IDENTITY_PURPOSE_REQUIRED:
    'Personen har skyddad identitet. Ange syftet med att öppna uppgifterna; din enhetschef underrättas.',
  DEMO_LOGIN_DISABLED: 'Demoinloggning är inte påslagen.',
  LOGIN_FAILED: 'Inloggningen misslyckades. Försök igen.',
  USER_NOT_FOUND: 'Användaren finns inte eller är inte aktiv.',
  RATE_LIMITED: 'För många försök. Vänta en stund och försök igen.',
  INTERNAL_ERROR: 'Något gick fel hos oss. Försök igen om en stund.',
  SERVICE_UNAVAILABLE: 'Tjänsten är inte redo ännu.',
  DECISION_FROM_EARLIER_SYSTEM:
    'Beslutet är överfört från ett tidigare system och har ingen normberäkning i Kedjan; beslutsbrevet finns i det systemet.',
  RECEIVED_IN_FUTURE: 'Ansökan kan inte ha kommit in ett datum som ännu inte har varit.',
  COMPLETE_BEFORE_RECEIVED: 'Ansökan kan inte ha blivit komplett innan den kom in.',
  APPLICATION_NOT_OPEN:
    'Ansökan är redan beslutad eller återtagen. Ett ändrat beslut fattas som ett nytt beslut som ersätter det gamla.',
  CASE_CLOSED: 'Ärendet är avslutat. Öppna ett nytt ärende för en ny ansökan.',
  DECISION_ALREADY_SIGNED:
    'Beslutet är redan undertecknat och kan inte ändras. En ändring görs som ett nytt beslut.',
  DECISION_NOT_SIGNED: 'Beslutet är inte undertecknat ännu.',
  DECISION_RULE: 'Beslutet kan inte sparas: {rule} (rad {line}).',
  DATE_OUTSIDE_MONTH: 'Datumet {field} ska ligga i eller före ansökningsmånaden {month}.',
  RIKSNORM_YEAR_MISSING: 'Riksnormen för {year} finns inte registrerad i Kedjan. Registrerade år: {years}.',
  VISIT_SLOT_TAKEN: 'Handläggaren har redan ett besök den tiden.',
  VISIT_OUTSIDE_ROUTINE: 'Besök bokas {days}, högst {slots} per handläggare och dag.',
  PAYMENT_RUN_EXISTS: 'Det finns redan en utbetalningskörning för {month}.',
  PAYMENT_RUN_NOT_PREPARED: 'Utbetalningskörningen är inte i läget förberedd.',
  FOUR_EYES_REQUIRED: 'En annan person än den som förberedde eller begärde ändringen måste godkänna den.',
  PAYMENT_NOT_STOPPABLE:
    'Utbetalningen kan inte stoppas: bara en planerad utbetalning i en ännu inte godkänd körning kan stoppas.',
  PAYMENT_NOT_REVERSIBLE: 'Utbetalningen kan inte återföras: bara en skickad utbetalning kan återföras.',
  DEBTOR_ACCOUNT_MISSING: 'Kommunens bankgiro och organisationsnummer saknas i inställningarna.',
  BANK_FILE_INVALID: 'Bankfilen klarade inte kontrollen mot ISO 20022-schemat och skapades inte: {details}',
  INVESTIGATION_CLOSED: 'Utredningen är avslutad och kan inte ändras.',
  DATE_NOT_IN_RANGE: 'Datumet {date} ska ligga mellan {from} och {to}.',
  RECOVERY_MONTHLY_ABOVE_AMOUNT: 'Beloppet per månad kan inte vara större än hela återkravet.',
  RECOVERY_PLAN_TOO_LONG: 'Avbetalningsplanen blir längre än {max} månader. Höj beloppet per månad.',
  RECOVERY_NOT_ALLOWED:
    'Utredningen avslutades utan att någon felaktig utbetalning konstaterades; återkrav kan inte beslutas.',
  JOURNAL_NOTE_SIGNED:
    'Journalanteckningen är signerad och kan inte ändras. Skriv en rättelse som hänvisar till den i stället.',
  JOURNAL_NOTE_NOT_AUTHOR: 'Bara den som skrev utkastet kan ändra eller signera det.',
  JOURNAL_NOTE_EMPTY: 'En tom journalanteckning kan inte signeras.',
  JOURNAL_CORRECTS_UNSIGNED:
    'Bara en signerad anteckning rättas med en ny anteckning; ett utkast ändrar du direkt.',
  DATE_IN_FUTURE: 'Datumet {date} har inte varit ännu.',
  DEADLINE_BEFORE_TODAY: 'Sista dag för kompletteringen kan inte vara före i dag ({today}).',
  COMPLETION_ALREADY_ANSWERED: 'Kompletteringen är redan registrerad som besvarad.',
  ANSWERED_BEFORE_REQUESTED: 'Svaret kan inte ha kommit före begäran om komplettering ({requestedOn}).',
  INTAKE_NOT_STARTED:
    'Ärendet har inga utredningssteg. De läggs upp när hushållets första ansökan registreras.',
  INTAKE_STEP_DONE: 'Steget {step} är redan klart.',
  INTAKE_STEP_OUT_OF_ORDER: 'Steget {step} kan inte bli klart före steget {previous}.',
  REASON_CODE_UNKNOWN: 'Orsakskoden {code} finns inte i kodlistan för {month}.',
  REASON_CODE_NOT_ADULT:
    'Orsakskod sätts för sökande och make/maka/sambo i ärendets hushåll den månaden, inte för barn eller andra.',
  REASON_CODE_MONTH: 'Orsakskod kan sättas för månaderna {from} till {to} i det här ärendet.',
  E_APPLICATION_UNAVAILABLE:
    'E-ansökan kan inte tas emot ännu: inloggning med e-legitimation är inte införd. Ansök på papper eller kontakta försörjningsenheten.',
  E_APPLICATION_REFUSED: 'Vi kunde inte ta emot ansökan med de uppgifterna. Kontakta försörjningsenheten.',
  E_APPLICATION_CONSENT_REQUIRED:
    'Ansökan kan bara skickas om du samtycker till att uppgifterna kontrolleras. Kryssa i rutan för samtycke.',
  E_APPLICATION_MONTH: 'Du kan ansöka för månaderna {from} till {to}.',
} as const;

export const personalNumberReasons = {
  format: 'det ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN',
  date: 'födelsedatumet finns inte',
  checksum: 'kontrollsiffran stämmer inte',
  future: 'födelsedatumet ligger i framtiden',
} as const;

/** Messages for one invalid field, keyed by the validator's issue code. */
export const validation = {
  invalid_type: 'fel typ av värde eller saknas',
  too_small: 'för kort eller för litet',
  too_big: 'för långt eller för stort',
  invalid_format: 'fel format',
  invalid_value: 'inte ett av de tillåtna värdena',
  custom: 'ogiltigt värde',
  invalid: 'ogiltigt värde',
  at_most_two_decimals: 'högst två decimaler (öre)',
  exactly_one_applicant: 'hushållet ska ha exakt en sökande',
  at_most_one_partner: 'hushållet kan ha högst en make/maka/sambo',
  child_too_old: 'ett barn är högst 20 år (skolungdom); äldre räknas som vuxen',
  adult_too_young: 'en vuxen är minst 18 år',
  applicant_always_included: 'sökande och make/maka/sambo ingår alltid i ansökan',
  riksnorm_year_missing: 'riksnormen för det året finns inte registrerad i Kedjan',
  month_outside_year: 'månaden ligger inte i det angivna året',
  job_stimulus_salary_only: 'jobbstimulansen gäller bara lön',
} as const;
