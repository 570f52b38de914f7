/**
 * The closed list of error codes: each has an HTTP status, and its user-facing message lives in
 * the message catalogue under the same code.
 */
import type { ErrorCode } from '../i18n/catalogue.ts';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNKNOWN_FIELD: 400,
  INVALID_PERSONAL_NUMBER: 400,
  NOT_AUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  PROTECTED_IDENTITY_PURPOSE_REQUIRED: 403,
  DEMO_LOGIN_DISABLED: 403,
  LOGIN_FAILED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  PERSONAL_NUMBER_TAKEN: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  RECEIVED_IN_FUTURE: 400,
  COMPLETE_BEFORE_RECEIVED: 400,
  APPLICATION_NOT_OPEN: 409,
  CASE_CLOSED: 409,
  DECISION_ALREADY_SIGNED: 409,
  DECISION_NOT_SIGNED: 409,
  DECISION_RULE: 400,
  DATE_OUTSIDE_MONTH: 400,
  RIKSNORM_YEAR_MISSING: 409,
  VISIT_SLOT_TAKEN: 409,
  VISIT_OUTSIDE_ROUTINE: 400,
  PAYMENT_RUN_EXISTS: 409,
  PAYMENT_RUN_NOT_PREPARED: 409,
  FOUR_EYES_REQUIRED: 403,
  PAYMENT_NOT_STOPPABLE: 409,
  PAYMENT_NOT_REVERSIBLE: 409,
  DEBTOR_ACCOUNT_MISSING: 409,
  BANK_FILE_INVALID: 500,
} as const satisfies Record<ErrorCode, number>;

export interface FieldError {
  path: string;
  message: string;
}

/** An expected failure with a stable code; thrown anywhere, rendered as problem+json at the edge. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}
