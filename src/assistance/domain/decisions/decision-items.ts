/**
 * A decision is taken per cost item: the riksnorm and each reasonable cost is granted in full,
 * partly or refused; incomes and any reduction are then deducted. Pure rules over öre.
 */
import type { ProvisionKey } from '../law/provisions.ts';
import { COST_BASIS, type CostType } from '../norm/items.ts';
import type { NormResult } from '../norm/calculate-norm.ts';

export type DecisionOutcome = 'granted' | 'partly_granted' | 'refused';
export type DecisionItemType = 'riksnorm' | CostType;

export interface ProposedItem {
  lineNo: number;
  itemType: DecisionItemType;
  applied: number;
  /** what the norm calculation accepts (capped at the municipality's reasonable level) */
  accepted: number;
  provision: ProvisionKey;
}

export interface DecidedItem {
  lineNo: number;
  itemType: DecisionItemType;
  applied: number;
  granted: number;
  outcome: DecisionOutcome;
  provision: ProvisionKey;
  reason?: string;
}

export function provisionFor(itemType: DecisionItemType): ProvisionKey {
  return itemType === 'riksnorm' || COST_BASIS[itemType] === 'incomeSupport'
    ? 'incomeSupport'
    : 'rightToAssistance';
}

/** The items a decision is taken on: the riksnorm as one item, then each cost applied for. */
export function proposeItems(norm: NormResult): ProposedItem[] {
  const items: ProposedItem[] = [
    {
      lineNo: 1,
      itemType: 'riksnorm',
      applied: norm.riksnorm,
      accepted: norm.riksnorm,
      provision: 'incomeSupport',
    },
  ];
  for (const line of norm.lines) {
    if (line.section !== 'cost' || !line.costType) continue;
    items.push({
      lineNo: items.length + 1,
      itemType: line.costType,
      applied: line.appliedFor ?? line.amount,
      accepted: line.amount,
      provision: provisionFor(line.costType),
    });
  }
  return items;
}

export function outcomeOf(applied: number, granted: number): DecisionOutcome {
  if (granted <= 0) return 'refused';
  return granted >= applied ? 'granted' : 'partly_granted';
}

export type DecisionRuleError = 'granted_above_applied' | 'reason_required' | 'unknown_line';

/** Checks the caseworker's amounts against the proposal; every item not granted in full needs a reason. */
export function decideItems(
  proposal: readonly ProposedItem[],
  decided: readonly { lineNo: number; granted: number; reason?: string | undefined }[],
): { items: DecidedItem[] } | { error: DecisionRuleError; lineNo: number } {
  const byLine = new Map(decided.map((d) => [d.lineNo, d]));
  for (const d of decided)
    if (!proposal.some((p) => p.lineNo === d.lineNo)) return { error: 'unknown_line', lineNo: d.lineNo };
  const items: DecidedItem[] = [];
  for (const item of proposal) {
    const choice = byLine.get(item.lineNo);
    const granted = choice ? choice.granted : item.accepted;
    if (granted > item.applied) return { error: 'granted_above_applied', lineNo: item.lineNo };
    const outcome = outcomeOf(item.applied, granted);
    const reason = choice?.reason?.trim() || undefined;
    if (outcome !== 'granted' && !reason && !(choice === undefined && item.accepted < item.applied))
      return { error: 'reason_required', lineNo: item.lineNo };
    items.push({
      lineNo: item.lineNo,
      itemType: item.itemType,
      applied: item.applied,
      granted,
      outcome,
      provision: item.provision,
      ...(reason ? { reason } : {}),
    });
  }
  return { items };
}

/** What is paid: the granted items minus incomes and any reduction, never below zero. */
export function decisionTotal(items: readonly DecidedItem[], incomes: number, reduction = 0): number {
  const granted = items.reduce((sum, item) => sum + item.granted, 0);
  return Math.max(0, granted - incomes - reduction);
}
