/** Kysely types of the benchmark setting (src/db/migrations/0010_benchmark.sql). */
import type { ColumnType } from 'kysely';

export interface BenchmarkSettingTable {
  municipality_id: string;
  kolada_code: string | null;
  comparison_group_id: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface BenchmarkTables {
  benchmark_setting: BenchmarkSettingTable;
}
