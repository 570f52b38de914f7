/** Kysely types of the indicator facts (src/db/migrations/0012_indicator_facts.sql, 0014_indicator_year_facts.sql). */
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

type Mask = ColumnType<string, number | bigint | string, number | bigint | string>;

/** Masks: bit 12·k + m - 1 is month m of the k-th year from the earliest the row looks back on. */
export interface IndicatorHouseholdYearTable {
  municipality_id: string;
  year: number;
  household_id: string;
  /** The year before and this year. */
  paid_months: Mask;
  long_term_ends: Mask;
}

export interface IndicatorPersonYearTable {
  municipality_id: string;
  year: number;
  person_id: string;
  /** The three years before and this year. */
  adult_months: Mask;
  member_months: number;
  child_months: number;
  /** [m - 1]: the reason code of adult month m. */
  reason_codes: (string | null)[] | null;
  /** yyyymmdd */
  birth_day: number;
}

export interface IndicatorFactTables {
  indicator_household_year: IndicatorHouseholdYearTable;
  indicator_person_year: IndicatorPersonYearTable;
  indicator_household_month: IndicatorHouseholdMonthTable;
  indicator_member_month: IndicatorMemberMonthTable;
  indicator_stale_month: IndicatorStaleMonthTable;
}
