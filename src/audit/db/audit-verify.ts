/** Reads every chain of the audit log and checks it (kedjan audit verify). */
import type { Database } from '../../db/connection.ts';
import { verifyChain, type ChainProblem } from '../domain/chain.ts';

export interface ChainReport {
  municipalityId: string;
  chain: number;
  entries: number;
  problems: ChainProblem[];
}

const PAGE = 5000;

export async function verifyAuditLog(db: Database): Promise<ChainReport[]> {
  const heads = await db.selectFrom('audit_chain_head').selectAll().execute();
  const chainKeys = await db
    .selectFrom('audit_log')
    .select(['municipality_id', 'chain'])
    .distinct()
    .execute();
  const keys = new Map<string, { municipalityId: string; chain: number }>();
  for (const row of [...heads, ...chainKeys]) {
    keys.set(`${row.municipality_id}/${row.chain}`, {
      municipalityId: row.municipality_id,
      chain: row.chain,
    });
  }
  const reports: ChainReport[] = [];
  for (const { municipalityId, chain } of [...keys.values()].sort((a, b) =>
    a.municipalityId === b.municipalityId ? a.chain - b.chain : a.municipalityId < b.municipalityId ? -1 : 1,
  )) {
    const entries = [];
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .select(['seq', 'payload', 'prev_hash', 'hash', 'actor_user_id', 'action', 'outcome', 'person_ids'])
        .where('municipality_id', '=', municipalityId)
        .where('chain', '=', chain)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of rows) {
        entries.push({
          seq: Number(row.seq),
          payload: row.payload,
          prevHash: row.prev_hash,
          hash: row.hash,
          indexed: {
            actorUserId: row.actor_user_id,
            action: row.action,
            outcome: row.outcome,
            personIds: row.person_ids,
          },
        });
      }
      if (rows.length < PAGE) break;
      after = Number(rows.at(-1)!.seq);
    }
    const head = heads.find((h) => h.municipality_id === municipalityId && h.chain === chain);
    reports.push({
      municipalityId,
      chain,
      entries: entries.length,
      problems: verifyChain(entries, head && { seq: Number(head.seq), hash: head.hash }),
    });
  }
  return reports;
}
