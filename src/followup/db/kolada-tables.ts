/** Kysely types of the Kolada tables (src/db/migrations/0006_kolada.sql); global, not tenant data. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface KoladaKpiTable {
  id: string;
  title: string;
  description: string | null;
  is_divided_by_gender: ColumnType<boolean, boolean | undefined, boolean>;
  municipality_type: string | null;
  operating_area: string | null;
  auspice: string | null;
  publication_date: string | null;
  fetched_at: Timestamp;
}

export interface KoladaMunicipalityTable {
  id: string;
  title: string;
  type: string | null;
  fetched_at: Timestamp;
}

export interface KoladaGroupTable {
  id: string;
  title: string;
  fetched_at: Timestamp;
}

export interface KoladaGroupMemberTable {
  group_id: string;
  member_id: string;
  member_title: string;
}

export interface KoladaValueTable {
  kpi_id: string;
  municipality_code: string;
  year: number;
  gender: 'T' | 'K' | 'M';
  value: number | null;
  count: number | null;
  status: ColumnType<string, string | undefined, string>;
  source: string;
  fetched_at: Timestamp;
}

export interface KoladaTables {
  kolada_kpi: KoladaKpiTable;
  kolada_municipality: KoladaMunicipalityTable;
  kolada_group: KoladaGroupTable;
  kolada_group_member: KoladaGroupMemberTable;
  kolada_value: KoladaValueTable;
}
