/**
 * Stores what was fetched from Kolada (or read from the shipped snapshot): KPI metadata,
 * municipality names, municipality groups with their members, and values, each upserted so that
 * an import can be repeated. A value Kolada marks as deleted (from_date answers) is removed.
 * Call inside a transaction to import all or nothing.
 */
import type { Database } from '../../db/connection.ts';
import type { KoladaGroup, KoladaKpi, KoladaMunicipality, KoladaValue } from '../kolada/kolada-format.ts';

export interface KoladaImport {
  kpis?: readonly KoladaKpi[];
  municipalities?: readonly KoladaMunicipality[];
  groups?: readonly KoladaGroup[];
  values?: readonly KoladaValue[];
  /** 'api https://api.kolada.se/v3' or 'snapshot'. */
  source: string;
  fetchedAt: Date;
}

export interface KoladaImportCounts {
  kpis: number;
  municipalities: number;
  groups: number;
  values: number;
  deleted: number;
}

const BATCH = 500;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

export async function importKolada(db: Database, data: KoladaImport): Promise<KoladaImportCounts> {
  const { fetchedAt } = data;
  const kpis = data.kpis ?? [];
  const municipalities = (data.municipalities ?? []).filter((m) => /^[0-9]{4}$/.test(m.id));
  const groups = data.groups ?? [];
  const values = data.values ?? [];

  for (const part of batches(kpis)) {
    await db
      .insertInto('kolada_kpi')
      .values(
        part.map((k) => ({
          id: k.id,
          title: k.title,
          description: k.description,
          is_divided_by_gender: k.isDividedByGender,
          municipality_type: k.municipalityType,
          operating_area: k.operatingArea,
          auspice: k.auspice,
          publication_date: k.publicationDate,
          fetched_at: fetchedAt,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          description: eb.ref('excluded.description'),
          is_divided_by_gender: eb.ref('excluded.is_divided_by_gender'),
          municipality_type: eb.ref('excluded.municipality_type'),
          operating_area: eb.ref('excluded.operating_area'),
          auspice: eb.ref('excluded.auspice'),
          publication_date: eb.ref('excluded.publication_date'),
          fetched_at: eb.ref('excluded.fetched_at'),
        })),
      )
      .execute();
  }

  for (const part of batches(municipalities)) {
    await db
      .insertInto('kolada_municipality')
      .values(part.map((m) => ({ id: m.id, title: m.title, type: m.type, fetched_at: fetchedAt })))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          type: eb.ref('excluded.type'),
          fetched_at: eb.ref('excluded.fetched_at'),
        })),
      )
      .execute();
  }

  for (const group of groups) {
    await db
      .insertInto('kolada_group')
      .values({ id: group.id, title: group.title, fetched_at: fetchedAt })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          fetched_at: eb.ref('excluded.fetched_at'),
        })),
      )
      .execute();
    // The membership is replaced as a whole: Kolada's groups change between editions.
    await db.deleteFrom('kolada_group_member').where('group_id', '=', group.id).execute();
    const members = [...new Map(group.members.map((m) => [m.id, m])).values()];
    if (members.length > 0)
      await db
        .insertInto('kolada_group_member')
        .values(members.map((m) => ({ group_id: group.id, member_id: m.id, member_title: m.title })))
        .execute();
  }

  // The last of duplicates wins (the same value may come in two overlapping answers).
  const byKey = new Map<string, KoladaValue>();
  for (const v of values) byKey.set(`${v.kpi}|${v.municipality}|${v.year}|${v.gender}`, v);
  const kept = [...byKey.values()].filter((v) => !v.isDeleted);
  const removed = [...byKey.values()].filter((v) => v.isDeleted);

  for (const part of batches(kept)) {
    await db
      .insertInto('kolada_value')
      .values(
        part.map((v) => ({
          kpi_id: v.kpi,
          municipality_code: v.municipality,
          year: v.year,
          gender: v.gender,
          value: v.value,
          count: v.count,
          status: v.status,
          source: data.source,
          fetched_at: fetchedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['kpi_id', 'municipality_code', 'year', 'gender']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          count: eb.ref('excluded.count'),
          status: eb.ref('excluded.status'),
          source: eb.ref('excluded.source'),
          fetched_at: eb.ref('excluded.fetched_at'),
        })),
      )
      .execute();
  }
  let deleted = 0;
  for (const v of removed) {
    const result = await db
      .deleteFrom('kolada_value')
      .where('kpi_id', '=', v.kpi)
      .where('municipality_code', '=', v.municipality)
      .where('year', '=', v.year)
      .where('gender', '=', v.gender)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }

  return {
    kpis: kpis.length,
    municipalities: municipalities.length,
    groups: groups.length,
    values: kept.length,
    deleted,
  };
}
