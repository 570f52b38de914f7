/**
 * The hash chain over the audit log. Each entry's hash covers the previous entry's hash, its own
 * sequence number and its payload, so a removed, edited or reordered entry breaks the chain.
 * The database computes the same function when it appends (see audit/db/audit-writer.ts).
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(prevHash: string, seq: number, payload: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${payload}`, 'utf8').digest('hex');
}

export interface ChainEntry {
  seq: number;
  payload: string;
  prevHash: string;
  hash: string;
  /** Searchable copies of payload fields; they must agree with the payload. */
  indexed: { actorUserId: string | null; action: string; outcome: string; personIds: string[] };
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export type ChainProblem =
  | { kind: 'missing'; seq: number }
  | { kind: 'edited'; seq: number }
  | { kind: 'broken-link'; seq: number }
  | { kind: 'index-mismatch'; seq: number }
  | { kind: 'head-mismatch'; seq: number };

/** Checks one chain, entries in seq order, against its recorded head. */
export function verifyChain(entries: readonly ChainEntry[], head: ChainHead | undefined): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      for (let seq = expectedSeq; seq < entry.seq; seq++) problems.push({ kind: 'missing', seq });
    }
    if (entry.prevHash !== prevHash) problems.push({ kind: 'broken-link', seq: entry.seq });
    if (entryHash(entry.prevHash, entry.seq, entry.payload) !== entry.hash) {
      problems.push({ kind: 'edited', seq: entry.seq });
    } else if (!indexAgrees(entry)) {
      problems.push({ kind: 'index-mismatch', seq: entry.seq });
    }
    prevHash = entry.hash;
    expectedSeq = entry.seq + 1;
  }
  const headSeq = head?.seq ?? 0;
  if (headSeq >= expectedSeq) {
    for (let seq = expectedSeq; seq <= headSeq; seq++) problems.push({ kind: 'missing', seq });
  } else if (head && head.hash !== prevHash) {
    problems.push({ kind: 'head-mismatch', seq: head.seq });
  } else if (!head && entries.length > 0) {
    problems.push({ kind: 'head-mismatch', seq: 0 });
  }
  return problems;
}

function indexAgrees(entry: ChainEntry): boolean {
  let payload: { actorUserId?: unknown; action?: unknown; outcome?: unknown; personIds?: unknown };
  try {
    payload = JSON.parse(entry.payload) as typeof payload;
  } catch {
    return false;
  }
  const persons = Array.isArray(payload.personIds) ? (payload.personIds as string[]) : [];
  return (
    (payload.actorUserId ?? null) === entry.indexed.actorUserId &&
    payload.action === entry.indexed.action &&
    payload.outcome === entry.indexed.outcome &&
    persons.length === entry.indexed.personIds.length &&
    persons.every((id, i) => id === entry.indexed.personIds[i])
  );
}
