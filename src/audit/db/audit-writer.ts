/**
 * Appends audit events. One statement locks the chain head, advances it and inserts the entry,
 * so it joins the caller's transaction: the event commits or rolls back with the change it
 * records. The chain is picked by the database connection, so parallel requests on different
 * connections rarely wait for one another.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { canonicalJson, type AuditEvent } from '../domain/audit-event.ts';
import { GENESIS_HASH } from '../domain/chain.ts';

export const AUDIT_CHAINS = 8;

export async function appendAuditEvent(db: Database, event: AuditEvent): Promise<void> {
  const payload = canonicalJson(event);
  const inserted = await insertEntry(db, event, payload);
  if (inserted === 0) {
    await ensureAuditChains(db, [event.municipalityId]);
    if ((await insertEntry(db, event, payload)) === 0) {
      throw new Error(`No audit chain for municipality ${event.municipalityId}`);
    }
  }
}

async function insertEntry(db: Database, event: AuditEvent, payload: string): Promise<number> {
  const result = await sql`
    WITH head AS (
      UPDATE audit_chain_head h
      SET seq = h.seq + 1,
          hash = encode(sha256(convert_to(h.hash || E'\n' || (h.seq + 1)::text || E'\n' || ${payload}, 'UTF8')), 'hex')
      FROM (SELECT seq AS old_seq, hash AS old_hash, chain AS old_chain
            FROM audit_chain_head
            WHERE municipality_id = ${event.municipalityId}
              AND chain = (pg_backend_pid() % ${AUDIT_CHAINS})::smallint
            FOR UPDATE) prev
      WHERE h.municipality_id = ${event.municipalityId} AND h.chain = prev.old_chain
      RETURNING h.chain, h.seq, h.hash, prev.old_hash
    )
    INSERT INTO audit_log (municipality_id, chain, seq, id, occurred_at, payload, prev_hash, hash,
                           actor_user_id, action, outcome, person_ids)
    SELECT ${event.municipalityId}, head.chain, head.seq, ${event.id}, ${event.occurredAt}, ${payload},
           head.old_hash, head.hash, ${event.actorUserId}, ${event.action}, ${event.outcome},
           ${event.personIds}::uuid[]
    FROM head`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
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
