/**
 * The demo's targets (målvärden) for this year and last year, as the unit manager of Nord would
 * have set them in December before each year: a little better than the outcome of the year
 * before, computed with the indicator engine from the demo's own payments, so that the target
 * board shows a mix of figures on and off target.
 */
import type { Selectable } from 'kysely';
import type { IndicatorTargetTable } from '../followup/db/target-tables.ts';
import { computeIndicators } from '../followup/domain/indicators/compute.ts';
import { indicatorById } from '../followup/domain/indicators/definitions.ts';
import type { AssistanceMonth } from '../followup/domain/indicators/records.ts';

export type IndicatorTargetRow = Selectable<IndicatorTargetTable>;

/** The indicators given targets, with the change aimed for on last year's outcome. */
const TARGETS: readonly { id: string; factor: number; round: number }[] = [
  { id: 'long_term_households', factor: 0.9, round: 1 },
  { id: 'long_term_households_closed', factor: 1.15, round: 1 },
  { id: 'households_inflow', factor: 0.95, round: 1 },
  { id: 'households_outflow', factor: 1.1, round: 1 },
  { id: 'households_with_assistance', factor: 0.95, round: 1 },
  { id: 'paid_per_household', factor: 0.97, round: 100 },
];

const SETTER = 'Maria Ek';

interface Source {
  app_user: readonly { id: string; display_name: string; municipality_id: string }[];
  client_case: readonly { id: string; household_id: string }[];
  decision: readonly { id: string; month: string }[];
  payment: readonly { decision_id: string; case_id: string; amount_ore: number; status?: unknown }[];
}

export function demoIndicatorTargets(data: Source, today: string): IndicatorTargetRow[] {
  const setter = data.app_user.find((u) => u.display_name === SETTER);
  if (!setter) return [];
  const householdOf = new Map(data.client_case.map((c) => [c.id, c.household_id]));
  const monthOf = new Map(data.decision.map((d) => [d.id, d.month.slice(0, 7)]));
  // Household months with something sent (the members are not needed for these indicators).
  const paid = new Map<string, AssistanceMonth>();
  for (const p of data.payment) {
    if (p.status !== undefined && p.status !== 'sent') continue;
    const householdId = householdOf.get(p.case_id);
    const month = monthOf.get(p.decision_id);
    if (!householdId || !month) continue;
    const key = `${householdId}|${month}`;
    const entry = paid.get(key) ?? { householdId, month, paidOre: 0, adults: [], children: [] };
    paid.set(key, { ...entry, paidOre: entry.paidOre + p.amount_ore });
  }
  const thisYear = Number(today.slice(0, 4));
  const definitions = TARGETS.map((t) => indicatorById(t.id)!);
  const records = {
    assistance: [...paid.values()],
    population: [],
    referrals: [],
    labourExits: [],
    employments: [],
  };
  const outcomes = computeIndicators(definitions, records, [
    { kind: 'year', year: thisYear - 2 },
    { kind: 'year', year: thisYear - 1 },
  ]);
  const rows: IndicatorTargetRow[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    for (const target of TARGETS) {
      const before = outcomes.find((o) => o.id === target.id && o.period === String(year - 1))?.value;
      if (before === null || before === undefined) continue;
      rows.push({
        municipality_id: setter.municipality_id,
        indicator_id: target.id,
        year,
        value: Math.max(0, Math.round((before * target.factor) / target.round) * target.round),
        comment: `Mål i verksamhetsplanen ${year}`,
        set_by: setter.id,
        set_at: new Date(`${year - 1}-12-15T09:00:00Z`),
      });
    }
  }
  return rows;
}
