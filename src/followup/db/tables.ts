/** Kysely types of the follow-up tables (src/db/migrations/0005_followup.sql). */

export interface PopulationTable {
  municipality_id: string;
  year: number;
  total: number;
  children: number;
  young_adults: number;
  source: string;
}

export interface FollowupTables {
  population: PopulationTable;
}
