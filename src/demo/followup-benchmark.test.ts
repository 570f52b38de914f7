import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { demoBenchmarkSetting, importDemoKoladaSnapshot } from './followup-benchmark.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite' });
  await migrate(handle.db);
});
afterAll(async () => handle?.close());

describe('the demo’s Kolada comparisons', () => {
  it('maps the demo municipality to Borås and the snapshot’s comparison group', () => {
    expect(demoBenchmarkSetting('9001')).toEqual([
      { municipality_id: '9001', kolada_code: '1490', comparison_group_id: 'G175909' },
    ]);
  });

  it('imports the shipped snapshot once, and never over values already stored', async () => {
    const now = new Date('2026-11-20T09:00:00Z');
    const counts = await importDemoKoladaSnapshot(handle.db, now);
    expect(counts?.groups).toBe(1);
    expect(counts?.values).toBeGreaterThan(100);
    const group = await handle.db
      .selectFrom('kolada_group_member')
      .select('member_id')
      .where('group_id', '=', 'G175909')
      .execute();
    expect(group).toHaveLength(7);
    expect(await importDemoKoladaSnapshot(handle.db, now)).toBeNull();
  });
});
