/** The financial-aid unit's routines for a municipality (defaults where none are stored). */
import type { Database } from '../../db/connection.ts';
import type { CostType } from '../domain/norm/items.ts';

export interface AssistanceSettings {
  visitSlotsPerDay: number;
  visitWeekdays: number[];
  visitRequiredForPayment: boolean;
  caseloadLimit: number;
  decisionLeadDays: number;
  followUpMonths: number;
  reactualisationMonths: number;
  costLimits: Partial<Record<CostType, number>>;
  debtor: { name: string; organisationNumber: string; bankgiro: string; bic: string } | null;
}

export const DEFAULT_SETTINGS: AssistanceSettings = {
  visitSlotsPerDay: 4,
  visitWeekdays: [1, 2, 3, 4],
  visitRequiredForPayment: false,
  caseloadLimit: 45,
  decisionLeadDays: 10,
  followUpMonths: 3,
  reactualisationMonths: 12,
  costLimits: {},
  debtor: null,
};

export async function loadSettings(db: Database, municipalityId: string): Promise<AssistanceSettings> {
  const row = await db
    .selectFrom('assistance_setting')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  const debtorComplete =
    row.debtor_name && row.debtor_organisation_number && row.debtor_bankgiro && row.debtor_bic;
  return {
    visitSlotsPerDay: row.visit_slots_per_day,
    visitWeekdays: row.visit_weekdays,
    visitRequiredForPayment: row.visit_required_for_payment,
    caseloadLimit: row.caseload_limit,
    decisionLeadDays: row.decision_lead_days,
    followUpMonths: row.follow_up_months,
    reactualisationMonths: row.reactualisation_months,
    costLimits: row.cost_limits as Partial<Record<CostType, number>>,
    debtor: debtorComplete
      ? {
          name: row.debtor_name!,
          organisationNumber: row.debtor_organisation_number!,
          bankgiro: row.debtor_bankgiro!,
          bic: row.debtor_bic!,
        }
      : null,
  };
}
