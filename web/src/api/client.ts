/**
 * The one way the browser talks to the server: JSON over fetch, same-origin cookies,
 * Accept-Language from the user's choice, x-csrf-token on every state-changing request,
 * and problem+json errors turned into ApiError with the server's (already translated) detail.
 */
import { catalogues, interpolate } from '../../../src/i18n/catalogue.ts';
import { getLocale } from '../locale.ts';
import type { Problem } from './types.ts';

export const API_BASE = '/api/v1';
const CSRF_COOKIE = 'kedjan_csrf';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string | undefined;
  /** A message for the user, in the user's language. */
  readonly detail: string;
  readonly fieldErrors: { path: string; message: string }[];

  constructor(problem: Problem & { detail: string }) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from the session; until there is one (the login calls), the kedjan_csrf cookie is the token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on 401 from any call that is not allowed to be anonymous (the app sends the user to /login). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function texts() {
  return catalogues[getLocale()].ui;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.detail === 'string' && body.detail !== '') {
        return new ApiError({ ...body, status: response.status, detail: body.detail });
      }
      if (typeof body.title === 'string' && body.title !== '') {
        return new ApiError({ ...body, status: response.status, detail: body.title });
      }
    } catch {
      // Fall through to the generic message.
    }
  }
  return new ApiError({
    status: response.status,
    detail: interpolate(texts().errors.unexpected, { status: response.status }),
  });
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | undefined>;
  /** 401 is an expected answer (e.g. the session probe): do not send the user to /login. */
  anonymous?: boolean;
  /** The request outlives the page (the last autosave while the user leaves or reloads). */
  keepalive?: boolean;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLocale(),
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken ?? readCookie(CSRF_COOKIE);
    if (token) headers['x-csrf-token'] = token;
  }
  let url = `${API_BASE}${path}`;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== '') params.set(key, value);
    }
    const search = params.toString();
    if (search) url += `?${search}`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch {
    throw new ApiError({ status: 0, detail: texts().errors.network });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.anonymous) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204 || response.status === 205) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    // E.g. an HTML fallback page because the endpoint does not exist yet.
    throw new ApiError({
      status: response.status,
      detail: interpolate(texts().errors.unexpected, { status: response.status }),
    });
  }
  return (await response.json()) as T;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
