/**
 * The demo's comparisons with Kolada. Älvstad (9001) is fictional and has no figures in Kolada, so
 * the demo compares it with the comparison group of the shipped snapshot (G175909, similar
 * municipalities for financial assistance) and lets Borås (1490, a member of that group and the
 * municipality of seed 003) stand in as "Älvstad in Kolada" on the reconciliation page. The
 * snapshot's values are constructed examples (docs/kolada.md), imported when the demo is loaded.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../db/connection.ts';
import type { BenchmarkSettingTable } from '../followup/db/benchmark-tables.ts';
import { importKolada, type KoladaImportCounts } from '../followup/db/kolada-import.ts';
import { loadKoladaSnapshot } from '../followup/kolada/kolada-snapshot.ts';

export const DEMO_KOLADA_CODE = '1490';
export const DEMO_COMPARISON_GROUP = 'G175909';

export type BenchmarkSettingRow = Omit<Selectable<BenchmarkSettingTable>, 'updated_at'>;

export function demoBenchmarkSetting(municipalityId: string): BenchmarkSettingRow[] {
  return [
    {
      municipality_id: municipalityId,
      kolada_code: DEMO_KOLADA_CODE,
      comparison_group_id: DEMO_COMPARISON_GROUP,
    },
  ];
}

/**
 * Imports the shipped Kolada snapshot (a few hundred values: quick) unless Kolada values are
 * already stored — a real import is never overwritten by the constructed snapshot.
 * Returns the counts, or null when nothing was imported.
 */
export async function importDemoKoladaSnapshot(db: Database, now: Date): Promise<KoladaImportCounts | null> {
  const existing = await db.selectFrom('kolada_value').select('kpi_id').limit(1).executeTakeFirst();
  if (existing) return null;
  const snapshot = await loadKoladaSnapshot();
  return db
    .transaction()
    .execute((trx) => importKolada(trx, { ...snapshot, source: 'snapshot', fetchedAt: now }));
}
