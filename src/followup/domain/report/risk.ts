/**
 * Internal-control risks (intern kontroll): likelihood and consequence are each graded 1–4, the
 * score is their product (1–16). A score of 16 — very likely and very serious — must be reported
 * to the board with its actions (seed 003, section 3.2).
 */
export type RiskLevel = 'low' | 'medium' | 'high';

export const RISK_GRADES = [1, 2, 3, 4] as const;

export function isRiskGrade(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 4;
}

export function riskScore(likelihood: number, consequence: number): number {
  if (!isRiskGrade(likelihood) || !isRiskGrade(consequence))
    throw new RangeError(`likelihood and consequence are graded 1–4, got ${likelihood} and ${consequence}`);
  return likelihood * consequence;
}

/** 1–4 low, 6–9 medium, 12–16 high. */
export function riskLevel(score: number): RiskLevel {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  return 'high';
}

/** Risks scored 16 are reported to the board together with their actions. */
export function mustReportToBoard(score: number): boolean {
  return score >= 16;
}

export interface RiskInput {
  process: string;
  risk: string;
  likelihood: number;
  consequence: number;
  controlActivity: string;
  followUp: string | null;
}

export interface ScoredRisk extends RiskInput {
  score: number;
  level: RiskLevel;
  reportToBoard: boolean;
}

/** Scores the risks and orders them highest score first (stable for equal scores). */
export function scoreRisks<R extends RiskInput>(risks: readonly R[]): (R & ScoredRisk)[] {
  return risks
    .map((risk, index) => {
      const score = riskScore(risk.likelihood, risk.consequence);
      return { ...risk, score, level: riskLevel(score), reportToBoard: mustReportToBoard(score), index };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index: _index, ...risk }) => risk as R & ScoredRisk);
}
