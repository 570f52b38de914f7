/** Kysely types of the indicator facts (src/db/migrations/0012_indicator_facts.sql). */
import type { ColumnType, Generated } from 'kysely';

type Month = ColumnType<string, string, string>;

export interface IndicatorHouseholdMonthTable {
  municipality_id: string;
  month: Month;
  household_id: string;
  paid_ore: ColumnType<string, number | bigint | string, number | bigint | string>;
  application_id: string | null;
}

export interface IndicatorMemberMonthTable {
  municipality_id: string;
  month: Month;
  person_id: string;
  adult: boolean;
  child: boolean;
  reason_code: string | null;
  birth_date: ColumnType<string, string, string>;
}

export interface IndicatorStaleMonthTable {
  municipality_id: string;
  month: Month;
  version: Generated<string>;
}

export interface IndicatorFactTables {
  indicator_household_month: IndicatorHouseholdMonthTable;
  indicator_member_month: IndicatorMemberMonthTable;
  indicator_stale_month: IndicatorStaleMonthTable;
}
