import type {
  errors as sv,
  personalNumberReasons as svReasons,
  validation as svValidation,
} from '../sv/errors.ts';

export const errors: Record<keyof typeof sv, string> = {
  VALIDATION_FAILED: 'The data could not be saved: {details}',
  UNKNOWN_FIELD: 'The field {field} is unknown.',
  NOT_AUTHENTICATED: 'You are not logged in. Log in and try again.',
  SESSION_EXPIRED: 'Your session has expired. Log in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  CSRF_TOKEN_INVALID: 'The request could not be verified. Reload the page and try again.',
  NOT_FOUND: 'What you are looking for does not exist.',
  ROUTE_NOT_FOUND: 'The address does not exist.',
  PAYLOAD_TOO_LARGE: 'What was sent is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'The content type is not supported. Send JSON.',
  INVALID_PERSONAL_NUMBER: 'The personal identity number is not valid: {reason}',
  CONFLICT: 'The data conflicts with something already registered. Check and try again.',
  PERSONAL_NUMBER_TAKEN: 'A person with this personal identity number already exists.',
  PROTECTED_IDENTITY_PURPOSE_REQUIRED:
    'The person has a protected identity. State your purpose for opening the record; your unit manager will be notified.',
  DEMO_LOGIN_DISABLED: 'Demo login is not enabled.',
  LOGIN_FAILED: 'Login failed. Please try again.',
  USER_NOT_FOUND: 'The user does not exist or is not active.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
  INTERNAL_ERROR: 'Something went wrong on our side. Try again shortly.',
  SERVICE_UNAVAILABLE: 'The service is not ready yet.',
};

export const personalNumberReasons: Record<keyof typeof svReasons, string> = {
  format: 'write it as YYYYMMDD-NNNN or YYMMDD-NNNN',
  date: 'the date of birth does not exist',
  checksum: 'the check digit does not match',
  future: 'the date of birth is in the future',
};

export const validation: Record<keyof typeof svValidation, string> = {
  invalid_type: 'wrong type of value, or missing',
  too_small: 'too short or too small',
  too_big: 'too long or too large',
  invalid_format: 'wrong format',
  invalid_value: 'not one of the allowed values',
  custom: 'invalid value',
  invalid: 'invalid value',
  at_most_two_decimals: 'at most two decimals (öre)',
  exactly_one_applicant: 'the household must have exactly one applicant',
  at_most_one_partner: 'the household can have at most one spouse/partner',
  child_too_old: 'a child is at most 20 (in school); older members are adults',
  adult_too_young: 'an adult is at least 18',
  applicant_always_included: 'the applicant and partner are always part of the application',
  riksnorm_year_missing: 'the national norm for that year is not registered in Kedjan',
  month_outside_year: 'the month is not in the given year',
  job_stimulus_salary_only: 'the job stimulus applies to salary only',
};
