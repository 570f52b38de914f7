/** Settings from the environment, read once at start and validated. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  KEDJAN_DATA_DIR: z.string().optional(),
  KEDJAN_DEMO: bool.optional(),
  KEDJAN_PUBLIC_URL: z.string().url().optional(),
  KEDJAN_COOKIE_SECURE: bool.default(true),
  KEDJAN_SESSION_HOURS: z.coerce.number().positive().default(10),
  KEDJAN_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  KEDJAN_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  KEDJAN_SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  KEDJAN_DB_POOL: z.coerce.number().int().positive().default(10),
  KEDJAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default('openid profile email'),
  OIDC_MUNICIPALITY: z
    .string()
    .regex(/^[0-9]{4}$/)
    .optional(),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  redirectUri: string;
  /** The municipality whose users this identity provider logs in (null: the only one there is). */
  municipalityId: string | null;
}

export interface AppConfig {
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };
  demoMode: boolean;
  cookieSecure: boolean;
  /** How long a checked session is remembered (0: never); see access/db/session-cache.ts. */
  session: { absoluteMs: number; idleMs: number; cacheMs: number };
  /**
   * Key for values the server hands out and must get back unchanged (the OIDC login cookie).
   * From KEDJAN_SESSION_SECRET; without it, random per process (fine for one instance).
   */
  sessionSecret: string;
  logLevel: string;
  oidc: OidcConfig | null;
  webRoot: string;
}

let processSecret: string | undefined;
const randomProcessSecret = () => (processSecret ??= randomBytes(32).toString('base64url'));

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${issues}`);
  }
  const e = parsed.data;
  const publicUrl = (e.KEDJAN_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const oidc: OidcConfig | null =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          scopes: e.OIDC_SCOPES,
          redirectUri: `${publicUrl}/auth/callback`,
          municipalityId: e.OIDC_MUNICIPALITY ?? null,
        }
      : null;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.KEDJAN_DB_POOL }
      : { kind: 'pglite', dataDir: path.resolve(cwd, e.KEDJAN_DATA_DIR ?? '.data/pglite') },
    demoMode: e.KEDJAN_DEMO ?? !e.DATABASE_URL,
    cookieSecure: e.KEDJAN_COOKIE_SECURE,
    session: {
      absoluteMs: e.KEDJAN_SESSION_HOURS * 3_600_000,
      idleMs: e.KEDJAN_SESSION_IDLE_MINUTES * 60_000,
      cacheMs: e.KEDJAN_SESSION_CACHE_MS,
    },
    sessionSecret: e.KEDJAN_SESSION_SECRET ?? randomProcessSecret(),
    logLevel: e.KEDJAN_LOG_LEVEL,
    oidc,
    webRoot: path.resolve(cwd, 'dist/web'),
  };
}
