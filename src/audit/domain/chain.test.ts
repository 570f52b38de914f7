import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, verifyChain, type ChainEntry } from './chain.ts';

function buildChain(count: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const payload = JSON.stringify({
      action: `a${seq}`,
      actorUserId: null,
      outcome: 'allowed',
      personIds: [],
    });
    const hash = entryHash(prev, seq, payload);
    entries.push({
      seq,
      payload,
      prevHash: prev,
      hash,
      indexed: { action: `a${seq}`, actorUserId: null, outcome: 'allowed', personIds: [] },
    });
    prev = hash;
  }
  return entries;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    const entries = buildChain(5);
    expect(verifyChain(entries, { seq: 5, hash: entries[4]!.hash })).toEqual([]);
  });

  it('detects a removed entry in the middle', () => {
    const entries = buildChain(5);
    const tampered = entries.filter((e) => e.seq !== 3);
    expect(verifyChain(tampered, { seq: 5, hash: entries[4]!.hash })).toContainEqual({
      kind: 'missing',
      seq: 3,
    });
  });

  it('detects a removed last entry through the head', () => {
    const entries = buildChain(5);
    expect(verifyChain(entries.slice(0, 4), { seq: 5, hash: entries[4]!.hash })).toEqual([
      { kind: 'missing', seq: 5 },
    ]);
  });

  it('detects an edited payload', () => {
    const entries = buildChain(3);
    entries[1] = { ...entries[1]!, payload: entries[1]!.payload.replace('a2', 'a9') };
    expect(verifyChain(entries, { seq: 3, hash: entries[2]!.hash })).toContainEqual({
      kind: 'edited',
      seq: 2,
    });
  });

  it('detects reordered entries', () => {
    const entries = buildChain(3);
    const swapped = [entries[0]!, { ...entries[2]!, seq: 2 }, { ...entries[1]!, seq: 3 }];
    expect(verifyChain(swapped, { seq: 3, hash: entries[2]!.hash }).length).toBeGreaterThan(0);
  });

  it('detects a searchable column that disagrees with the hashed payload', () => {
    const entries = buildChain(2);
    entries[0] = { ...entries[0]!, indexed: { ...entries[0]!.indexed, action: 'something-else' } };
    expect(verifyChain(entries, { seq: 2, hash: entries[1]!.hash })).toEqual([
      { kind: 'index-mismatch', seq: 1 },
    ]);
  });
});
