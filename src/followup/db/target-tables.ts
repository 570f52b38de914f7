/** Kysely types of the indicator targets (src/db/migrations/0007_indicator_targets.sql). */
import type { ColumnType } from 'kysely';

export interface IndicatorTargetTable {
  municipality_id: string;
  indicator_id: string;
  year: number;
  value: number;
  comment: string | null;
  set_by: string;
  set_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TargetTables {
  indicator_target: IndicatorTargetTable;
}
