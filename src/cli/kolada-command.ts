/**
 * `npx kedjan kolada import --kpi N31807,N31814 --municipality 1490,0380 --years 2019-2024
 * [--group G175909] [--from-snapshot] [--no-cache]`: Kolada's published values (API v3, or the
 * snapshot shipped for the demo, without network) into the kolada_* tables, all or nothing.
 * KOLADA_BASE_URL points the import at another address (a mirror, or a local replay).
 */
import { z } from 'zod';
import { openOwnerDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { importKolada, type KoladaImportCounts } from '../followup/db/kolada-import.ts';
import { INDICATORS } from '../followup/domain/indicators/definitions.ts';
import { createDiskCache } from '../followup/kolada/kolada-cache.ts';
import { createKoladaClient, type KoladaClientOptions } from '../followup/kolada/kolada-client.ts';
import {
  AREA_ID,
  GROUP_ID,
  KOLADA_DEFAULT_BASE_URL,
  KoladaFormatError,
  KPI_ID,
  parseIdList,
  parseYears,
} from '../followup/kolada/kolada-format.ts';
import { loadKoladaSnapshot, SNAPSHOT_DIR } from '../followup/kolada/kolada-snapshot.ts';

export interface KoladaImportOptions {
  kpi?: string | undefined;
  municipality?: string | undefined;
  group?: string | undefined;
  years?: string | undefined;
  fromSnapshot?: boolean | undefined;
  /** commander's --no-cache gives cache: false. */
  cache?: boolean | undefined;
}

export interface KoladaCommandDeps {
  openDatabase: () => Promise<DatabaseHandle>;
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Extra client settings (tests: fetch, sleep). */
  client?: Partial<KoladaClientOptions>;
  snapshotDir?: string;
}

const defaultDeps = (): KoladaCommandDeps => ({
  openDatabase: () => openOwnerDatabase(loadConfig()),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  now: () => new Date(),
});

const KoladaEnv = z.object({
  KOLADA_BASE_URL: z.string().url().default(KOLADA_DEFAULT_BASE_URL),
  KOLADA_CACHE_DIR: z.string().min(1).optional(),
});

/** Our indicators' Kolada ids: the default when --kpi is not given. */
export const OUR_KOLADA_IDS = [
  ...new Set(INDICATORS.map((i) => i.koladaId).filter((id): id is string => id !== null)),
];

/** Returns the exit code. */
export async function runKoladaImportCommand(
  options: KoladaImportOptions,
  deps: KoladaCommandDeps = defaultDeps(),
): Promise<number> {
  let kpis: string[];
  let municipalities: string[];
  let groups: string[];
  let years: number[] | null;
  try {
    kpis = parseIdList(options.kpi);
    municipalities = parseIdList(options.municipality);
    groups = parseIdList(options.group);
    years = options.years ? parseYears(options.years) : null;
    const bad = [
      ...kpis.filter((id) => !KPI_ID.test(id)),
      ...municipalities.filter((id) => !AREA_ID.test(id) || GROUP_ID.test(id)),
      ...groups.filter((id) => !GROUP_ID.test(id)),
    ];
    if (bad.length > 0) throw new KoladaFormatError(`Ogiltiga id: ${bad.join(', ')}`);
  } catch (error) {
    deps.err((error as Error).message);
    return 2;
  }

  const fetchedAt = deps.now();
  let source: string;
  let data: Parameters<typeof importKolada>[1];

  if (options.fromSnapshot) {
    const snapshot = await loadKoladaSnapshot(deps.snapshotDir ?? SNAPSHOT_DIR);
    const areas = [...municipalities, ...groups];
    const keep = (wanted: string[], id: string) => wanted.length === 0 || wanted.includes(id);
    source = 'snapshot';
    data = {
      source,
      fetchedAt,
      kpis: snapshot.kpis.filter((k) => keep(kpis, k.id)),
      municipalities: snapshot.municipalities.filter((m) => keep(municipalities, m.id)),
      groups: snapshot.groups.filter((g) => keep(groups, g.id)),
      values: snapshot.values.filter(
        (v) => keep(kpis, v.kpi) && keep(areas, v.municipality) && (!years || years.includes(v.year)),
      ),
    };
  } else {
    const env = KoladaEnv.safeParse(deps.env);
    if (!env.success) {
      deps.err(`KOLADA_BASE_URL: ${env.error.issues[0]?.message}`);
      return 2;
    }
    if (kpis.length === 0) kpis = OUR_KOLADA_IDS;
    if (municipalities.length === 0 && groups.length === 0) {
      deps.err('Ange --municipality och/eller --group (Koladas koder, t.ex. 1490,0380 och G175909).');
      return 2;
    }
    if (!years) {
      deps.err('Ange --years, t.ex. 2019-2024.');
      return 2;
    }
    const client = createKoladaClient({
      baseUrl: env.data.KOLADA_BASE_URL,
      cache: options.cache === false ? null : createDiskCache(env.data.KOLADA_CACHE_DIR),
      ...deps.client,
    });
    source = `api ${client.baseUrl}`;
    try {
      data = {
        source,
        fetchedAt,
        kpis: await client.fetchKpis(kpis),
        municipalities: await client.fetchMunicipalities(municipalities),
        groups: await client.fetchMunicipalityGroups({ ids: groups }),
        values: await client.fetchValues(kpis, [...municipalities, ...groups], years),
      };
    } catch (error) {
      deps.err(`Kolada: ${(error as Error).message}`);
      return 1;
    }
  }

  const handle = await deps.openDatabase();
  let counts: KoladaImportCounts;
  try {
    counts = await handle.db.transaction().execute((trx) => importKolada(trx, data));
  } finally {
    await handle.close();
  }
  deps.out(
    `Kolada (${source}): ${counts.values} värden, ${counts.kpis} nyckeltal, ${counts.municipalities} kommuner, ${counts.groups} kommungrupper importerade` +
      (counts.deleted > 0 ? `, ${counts.deleted} borttagna.` : '.'),
  );
  return 0;
}
