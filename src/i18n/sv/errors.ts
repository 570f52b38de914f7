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
