/**
 * Turns any error into an RFC 9457 problem+json body with a stable code and a message in the
 * user's language. Unexpected errors become a bare INTERNAL_ERROR: no stack, no SQL.
 */
import { validationMessage } from '../i18n/validation.ts';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorMessage, type ErrorCode, type Locale } from '../i18n/catalogue.ts';
import { AppError, ERROR_STATUS, type FieldError } from '../shared/errors.ts';
import { catalogues } from '../i18n/catalogue.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

export function toProblem(error: unknown, locale: Locale): { problem: Problem; unexpected: boolean } {
  if (error instanceof AppError) {
    return { problem: build(error.code, locale, error.params, error.fieldErrors), unexpected: false };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors = error.validation.map((issue) =>
      fieldError(issue.instancePath, issue.keyword, issue.params, locale, issue.message),
    );
    return {
      problem: build(
        'VALIDATION_FAILED',
        locale,
        { details: fieldErrors.map((e) => `${e.path || '/'}: ${e.message}`).join('; ') },
        fieldErrors,
      ),
      unexpected: false,
    };
  }
  const code = (error as { code?: string } | null)?.code;
  if (code && code in FASTIFY_CODES) {
    const mapped = FASTIFY_CODES[code]!;
    return {
      problem: build(mapped, locale, {
        details: catalogues[locale].errors.VALIDATION_FAILED.split(':')[0] ?? '',
      }),
      unexpected: false,
    };
  }
  // A unique or foreign-key violation that validation could not foresee (e.g. a race).
  if (code === '23505' || code === '23503') return { problem: build('CONFLICT', locale), unexpected: false };
  const statusCode = (error as { statusCode?: number } | null)?.statusCode;
  if (statusCode === 413) return { problem: build('PAYLOAD_TOO_LARGE', locale), unexpected: false };
  return { problem: build('INTERNAL_ERROR', locale), unexpected: true };
}

export function build(
  code: ErrorCode,
  locale: Locale,
  params: Record<string, string | number> = {},
  fieldErrors: FieldError[] = [],
): Problem {
  const status = ERROR_STATUS[code];
  return {
    type: `https://kedjan.se/problem/${code.toLowerCase().replaceAll('_', '-')}`,
    title: errorMessage(locale, code, params).split(/[.:]/)[0] ?? code,
    status,
    code,
    detail: errorMessage(locale, code, params),
    ...(fieldErrors.length > 0 ? { errors: fieldErrors } : {}),
  };
}

/** A Zod issue as a short sentence in the user's language (never echoing the value sent). */
function fieldError(
  instancePath: string,
  keyword: string,
  params: unknown,
  locale: Locale,
  /** A refinement's message: used only when it names a catalogue key (see validationMessage). */
  issueMessage?: string,
): FieldError {
  const keys = (params as { keys?: unknown } | undefined)?.keys;
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (keyword === 'unrecognized_keys' && Array.isArray(keys)) {
    return { path, message: errorMessage(locale, 'UNKNOWN_FIELD', { field: keys.join(', ') }) };
  }
  const custom = (params as { issue?: { message?: unknown } } | undefined)?.issue?.message ?? issueMessage;
  return {
    path,
    message: validationMessage(locale, keyword, typeof custom === 'string' ? custom : undefined),
  };
}
