/**
 * An audit event: who did what to which persons, when, for what purpose, with what result and
 * from which request. It holds ids and codes only — never names, personal identity numbers or
 * free text.
 */
import type { AccessPurpose } from '../../access/domain/purposes.ts';

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditEvent {
  id: string;
  occurredAt: string;
  municipalityId: string;
  actorUserId: string | null;
  action: string;
  outcome: AuditOutcome;
  personIds: string[];
  caseIds: string[];
  purpose: AccessPurpose | null;
  /** Search criteria of a log review (ids and dates only), so that reviews are themselves logged. */
  criteria?: Record<string, string>;
  request: {
    id: string;
    method: string;
    route: string | null;
    status: number;
    errorCode?: string | undefined;
    ip: string | null;
  };
}

/** A stable serialisation: keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
