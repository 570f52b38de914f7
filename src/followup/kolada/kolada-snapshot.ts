/**
 * The recorded Kolada snapshot shipped for the demo (snapshot/, see its README.md and
 * docs/kolada.md for what is recorded and what is constructed). manifest.json lists each answer
 * with the v3 URL path it answers; the files hold the answers exactly as v3 sends them, so they are
 * read with the same parsers as live answers, and the test server replays them by their paths.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  parseDataRows,
  parseEnvelope,
  parseGroups,
  parseKpis,
  parseMunicipalities,
  type KoladaGroup,
  type KoladaKpi,
  type KoladaMunicipality,
  type KoladaValue,
} from './kolada-format.ts';

export const SNAPSHOT_DIR = fileURLToPath(new URL('./snapshot/', import.meta.url));

export interface SnapshotResponse {
  kind: 'kpi' | 'municipality' | 'municipality_groups' | 'data';
  /** Path and query on Kolada's host, e.g. /v3/kpi/N31807?per_page=5000. */
  path: string;
  file: string;
}

export interface KoladaSnapshot {
  responses: SnapshotResponse[];
  kpis: KoladaKpi[];
  municipalities: KoladaMunicipality[];
  groups: KoladaGroup[];
  values: KoladaValue[];
}

export async function readSnapshotManifest(dir = SNAPSHOT_DIR): Promise<SnapshotResponse[]> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
    responses: SnapshotResponse[];
  };
  return manifest.responses;
}

export async function readSnapshotBody(file: string, dir = SNAPSHOT_DIR): Promise<unknown> {
  return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as unknown;
}

export async function loadKoladaSnapshot(dir = SNAPSHOT_DIR): Promise<KoladaSnapshot> {
  const responses = await readSnapshotManifest(dir);
  const snapshot: KoladaSnapshot = { responses, kpis: [], municipalities: [], groups: [], values: [] };
  for (const response of responses) {
    const { values } = parseEnvelope(await readSnapshotBody(response.file, dir));
    if (response.kind === 'kpi') snapshot.kpis.push(...parseKpis(values));
    else if (response.kind === 'municipality') snapshot.municipalities.push(...parseMunicipalities(values));
    else if (response.kind === 'municipality_groups') snapshot.groups.push(...parseGroups(values));
    else snapshot.values.push(...parseDataRows(values));
  }
  return snapshot;
}
