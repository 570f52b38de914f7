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
  DECISION_FROM_EARLIER_SYSTEM:
    'The decision was handed over from an earlier system and has no norm calculation in Kedjan; its letter is in that system.',
  RECEIVED_IN_FUTURE: 'An application cannot have been received on a date still to come.',
  COMPLETE_BEFORE_RECEIVED: 'An application cannot have become complete before it was received.',
  APPLICATION_NOT_OPEN:
    'The application has already been decided or withdrawn. A change is made as a new decision that replaces the old one.',
  CASE_CLOSED: 'The case is closed. Open a new case for a new application.',
  DECISION_ALREADY_SIGNED:
    'The decision is already signed and cannot change. A change is made as a new decision.',
  DECISION_NOT_SIGNED: 'The decision has not been signed yet.',
  DECISION_RULE: 'The decision cannot be saved: {rule} (line {line}).',
  DATE_OUTSIDE_MONTH: 'The date {field} must be in or before the month applied for, {month}.',
  RIKSNORM_YEAR_MISSING:
    'The national norm for {year} is not registered in Kedjan. Registered years: {years}.',
  VISIT_SLOT_TAKEN: 'The caseworker already has a visit at that time.',
  VISIT_OUTSIDE_ROUTINE: 'Visits are booked {days}, at most {slots} per caseworker and day.',
  PAYMENT_RUN_EXISTS: 'There is already a payment run for {month}.',
  PAYMENT_RUN_NOT_PREPARED: 'The payment run is not in the prepared state.',
  FOUR_EYES_REQUIRED: 'Someone other than the person who prepared or requested the change must approve it.',
  PAYMENT_NOT_STOPPABLE:
    'The payment cannot be stopped: only a planned payment of a run not yet approved can be stopped.',
  PAYMENT_NOT_REVERSIBLE: 'The payment cannot be reversed: only a sent payment can be reversed.',
  DEBTOR_ACCOUNT_MISSING:
    "The municipality's bankgiro and organisation number are missing from the settings.",
  BANK_FILE_INVALID:
    'The bank file failed the check against the ISO 20022 schema and was not created: {details}',
  INVESTIGATION_CLOSED: 'The investigation is closed and cannot change.',
  DATE_NOT_IN_RANGE: 'The date {date} must be between {from} and {to}.',
  RECOVERY_MONTHLY_ABOVE_AMOUNT: 'The monthly amount cannot be larger than the whole recovery.',
  RECOVERY_PLAN_TOO_LONG: 'The repayment plan would be longer than {max} months. Raise the monthly amount.',
  RECOVERY_NOT_ALLOWED:
    'The investigation was closed without finding an incorrect payment; no recovery can be decided.',
  JOURNAL_NOTE_SIGNED:
    'The journal note is signed and cannot change. Write a correction that refers to it instead.',
  JOURNAL_NOTE_NOT_AUTHOR: 'Only the one who wrote the draft can change or sign it.',
  JOURNAL_NOTE_EMPTY: 'An empty journal note cannot be signed.',
  JOURNAL_CORRECTS_UNSIGNED: 'Only a signed note is corrected by a new note; change a draft directly.',
  DATE_IN_FUTURE: 'The date {date} has not come yet.',
  DEADLINE_BEFORE_TODAY: 'The deadline for the completion cannot be before today ({today}).',
  COMPLETION_ALREADY_ANSWERED: 'The completion is already recorded as answered.',
  ANSWERED_BEFORE_REQUESTED: 'The answer cannot have come before the request for completion ({requestedOn}).',
  INTAKE_NOT_STARTED:
    "The case has no intake steps. They are laid out when the household's first application is registered.",
  INTAKE_STEP_DONE: 'The step {step} is already done.',
  INTAKE_STEP_OUT_OF_ORDER: 'The step {step} cannot be done before the step {previous}.',
  REASON_CODE_UNKNOWN: 'The reason code {code} is not in the code list for {month}.',
  REASON_CODE_NOT_ADULT:
    "A reason code is set for the applicant and spouse/partner of the case's household in that month, not for children or others.",
  REASON_CODE_MONTH: 'A reason code can be set for the months {from} to {to} in this case.',
  E_APPLICATION_UNAVAILABLE:
    'E-applications cannot be received yet: login with e-identification is not in place. Apply on paper or contact the income support unit.',
  E_APPLICATION_REFUSED:
    'We could not receive the application with those details. Contact the income support unit.',
  E_APPLICATION_CONSENT_REQUIRED:
    'The application can only be sent if you consent to the details being checked. Tick the consent box.',
  E_APPLICATION_MONTH: 'You can apply for the months {from} to {to}.',
  LABOUR_UNIT_MISSING: 'The municipality has no labour-market unit registered in Kedjan.',
  REFERRAL_OPEN_EXISTS: 'The person already has an open referral to the labour-market unit.',
  REFERRAL_CLOSED: 'The referral is closed and cannot be changed.',
  REFERRAL_PERSON_NOT_IN_CASE: "The person is not a member of that case's household.",
  MAPPING_REQUIRED: 'Do a mapping before writing the personal plan.',
  PLAN_ENDS_BEFORE_START: 'The plan cannot end ({endsOn}) before it starts ({startsOn}).',
  PLAN_FOLLOW_UP_OUTSIDE:
    "The follow-up ({followUpOn}) must fall within the plan's period, {startsOn} to {endsOn}.",
  PLAN_NOT_ACTIVE: 'The plan is no longer in force; follow up or revise the current version.',
  CAPACITY_TOO_LOW:
    '{intervention} is work-oriented and needs at least {min} hours a week. The mapping shows {hours} hours; choose a step 1 intervention.',
  HOURS_ABOVE_CAPACITY:
    "The intervention takes {hours} hours a week but the person's capacity is {capacity} hours according to the mapping.",
  AGE_OUTSIDE_INTERVENTION: '{intervention} is for people aged {minAge}–{maxAge}; the person is {age}.',
  PLACEMENT_TOO_LONG: '{intervention} lasts at most {maxWeeks} weeks.',
  PLACEMENT_ENDS_BEFORE_START: 'The placement cannot end before it starts.',
  PLACEMENT_NOT_WAITING: "The person is not on the intervention's waiting list.",
  PLACEMENT_NOT_ACTIVE: 'The placement is not under way.',
  INTERVENTION_FULL: '{intervention} has no places left this year ({capacity} a year).',
  INTERVENTION_INACTIVE: 'The intervention is no longer offered.',
  ATTENDANCE_OUTSIDE_PLACEMENT:
    "The week {week} falls outside the placement's period, {startsOn} to {endsOn}.",
  ATTENDANCE_ABOVE_PLANNED: 'Attendance cannot exceed the planned hours.',
  ATTENDANCE_REASON_REQUIRED: 'State the reason for the absence.',
  EMPLOYMENT_FORM_UNKNOWN: 'The employment form {form} does not exist on {date}.',
  EMPLOYMENT_OVERLAP: 'The person already has an employment {startsOn}–{endsOn} that overlaps.',
  EMPLOYMENT_TOO_LONG: 'A {form} lasts at most {months} months at a time.',
  EMPLOYMENT_EXTENSION_LIMIT:
    'The employment has already been extended once; one year and one extension is the rule.',
  EMPLOYMENT_EXTENSION_GAP: 'An extension starts the day after the employment ends ({day}).',
  EMPLOYMENT_SUPPORT_ABOVE_COST: 'The support cannot exceed the salary cost.',
  UNION_REVIEW_PENDING: 'The union has not reviewed the placement yet; it cannot start until approved.',
  UNION_REVIEW_REFUSED: 'The union refused the placement ({reason}); it cannot start.',
  UNION_REVIEW_DONE: 'The union has already reviewed the placement.',
  EMPLOYMENT_NOT_PLANNED: 'The employment is not planned and cannot start.',
  EMPLOYMENT_NOT_STARTED: 'The employment has not started.',
  FLOW_ALREADY_STANDING: 'A consent or legal basis for that flow already stands.',
  FLOW_NOT_STANDING: 'The consent has already been revoked.',
  FLOW_DATE_IN_FUTURE: 'The date cannot be after today.',
  FLOW_REVOKED_BEFORE_GIVEN:
    'The revocation cannot be before the day the consent or legal basis was given ({givenOn}).',
  SUMMER_ROUND_ALLOCATED: 'The summer jobs of {year} have already been allocated.',
  SUMMER_ROUND_OPEN: 'Applications close on {applyBy}; allocate after that.',
  SUMMER_APPLICANT_AGE: 'Summer jobs are for those aged {minAge}–{maxAge} during {year}.',
  SUMMER_APPLICATION_CLOSED: 'Applications closed on {applyBy}.',
  OFFER_NOT_OPEN: 'The offer has already been answered.',
  HOURS_ABOVE_INTERVENTION: '{intervention} covers at most {max} hours a week, not {hours}.',
  ATTENDANCE_WEEK_NOT_MONDAY: 'A week is given by its Monday; {week} is not a Monday.',
  PLACEMENT_MAPPING_REQUIRED: "Map the person's capacity before placing them in an intervention.",
  EXIT_BEFORE_REFERRAL: 'The referral cannot be closed ({exitOn}) before the day it was made ({referredOn}).',
  REFERRAL_NOT_ADULT: 'Only an adult of the household (the applicant or spouse/partner) can be referred.',
  REGISTRATION_ENDS_BEFORE_START:
    'The registration cannot end ({endedOn}) before it begins ({registeredOn}).',
  ACTION_PLAN_PERIOD: 'The plan cannot end ({to}) before it starts ({from}).',
  ACTION_STATUS_COMMENT_REQUIRED:
    'Write a comment: an activity that deviates from the plan, is only partly on plan or is stopped must be explained.',
  ACTION_INDICATOR_UNKNOWN: 'The indicator {indicatorId} does not exist in Kedjan.',
  ACTION_UNIT_UNKNOWN: 'The responsible unit does not exist in the municipality.',
  ACTION_GOAL_UNKNOWN: 'The goal is not part of this plan.',
  ACTION_NUMBER_TAKEN: 'Number {number} is already used in the plan.',
  ACTION_FOLLOWUP_EXISTS: 'The plan already has a follow-up on {date}.',
  REPORT_LINE_FOLLOWED_UP:
    'The line cannot be removed: it has been followed up, and what it holds is part of reports already made. Change the line instead.',
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
  legal_reference_required: 'state the provision the legal basis rests on',
};
