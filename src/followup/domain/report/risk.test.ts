import { describe, expect, it } from 'vitest';
import { mustReportToBoard, riskLevel, riskScore, scoreRisks } from './risk.ts';

describe('internal-control risks', () => {
  it('scores likelihood × consequence, each graded 1–4', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(2, 3)).toBe(6);
    expect(riskScore(4, 4)).toBe(16);
    expect(() => riskScore(0, 3)).toThrow(RangeError);
    expect(() => riskScore(5, 1)).toThrow(RangeError);
    expect(() => riskScore(2.5, 2)).toThrow(RangeError);
  });

  it('grades the score low (1–4), medium (6–9) and high (12–16)', () => {
    expect([1, 2, 3, 4].map(riskLevel)).toEqual(['low', 'low', 'low', 'low']);
    expect([6, 8, 9].map(riskLevel)).toEqual(['medium', 'medium', 'medium']);
    expect([12, 16].map(riskLevel)).toEqual(['high', 'high']);
  });

  it('reports only the risks scored 16 to the board (seed 003, section 3.2)', () => {
    expect(mustReportToBoard(16)).toBe(true);
    expect(mustReportToBoard(12)).toBe(false);
  });

  it('orders the risks highest score first', () => {
    const base = { process: 'Försörjningsstöd', controlActivity: 'Kontroll', followUp: null };
    const scored = scoreRisks([
      { ...base, risk: 'A', likelihood: 2, consequence: 2 },
      { ...base, risk: 'Felaktiga utbetalningar', likelihood: 4, consequence: 4 },
      { ...base, risk: 'B', likelihood: 3, consequence: 3 },
    ]);
    expect(scored.map((r) => [r.risk, r.score, r.level, r.reportToBoard])).toEqual([
      ['Felaktiga utbetalningar', 16, 'high', true],
      ['B', 9, 'medium', false],
      ['A', 4, 'low', false],
    ]);
  });
});
