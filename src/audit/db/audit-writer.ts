/**
 * Appends audit events, in one call (migration 0016): each goes on its municipality's chain that
 * the connection picks, the head locked and advanced, the entry inserted. It joins the caller's
 * transaction, so an event commits or rolls back with the change it records; events of reads are
 * gathered and written many at once by the audit queue (audit-queue.ts).
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { canonicalJson, type AuditEvent } from '../domain/audit-event.ts';
import { GENESIS_HASH } from '../domain/chain.ts';

export const AUDIT_CHAINS = 8;

export async function appendAuditEvent(db: Database, event: AuditEvent): Promise<void> {
  await appendAuditEvents(db, [event]);
}

export async function appendAuditEvents(db: Database, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const payloads = events.map(canonicalJson);
  const result = await sql<{ written: number }>`
    SELECT append_audit_entries(${payloads}::text[], ${AUDIT_CHAINS}, ${GENESIS_HASH}) AS written`.execute(
    db,
  );
  if (result.rows[0]?.written !== events.length)
    throw new Error(`audit: ${result.rows[0]?.written ?? 0} of ${events.length} events written`);
}

/** Creates the chain heads of the given municipalities (all of them when none are given). */
export async function ensureAuditChains(db: Database, municipalityIds?: string[]): Promise<void> {
  const ids =
    municipalityIds ?? (await db.selectFrom('municipality').select('id').execute()).map((row) => row.id);
  if (ids.length === 0) return;
  const rows = ids.flatMap((municipalityId) =>
    Array.from({ length: AUDIT_CHAINS }, (_, chain) => ({
      municipality_id: municipalityId,
      chain,
      seq: 0,
      hash: GENESIS_HASH,
    })),
  );
  await db
    .insertInto('audit_chain_head')
    .values(rows)
    .onConflict((oc) => oc.columns(['municipality_id', 'chain']).doNothing())
    .execute();
}
