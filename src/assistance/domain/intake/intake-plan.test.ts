import { describe, expect, it } from 'vitest';
import {
  addMonths,
  mappingAsText,
  mappingProblem,
  nextSteps,
  planIntake,
  refuseStepDone,
} from './intake-plan.ts';

describe('the intake plan of a first application', () => {
  // Wednesday 18 November 2026
  const plan = Object.fromEntries(planIntake('2026-11-18').map((s) => [s.step, s.dueOn]));

  it('puts the responsibility check, consent and checks in the first working days', () => {
    expect([plan.responsibility, plan.consent, plan.checks]).toEqual([
      '2026-11-19',
      '2026-11-20',
      '2026-11-23',
    ]);
  });

  it('staggers IB1–IB4 over the first month on working days, and IB5 three months after receipt', () => {
    expect([plan.ib1, plan.ib2, plan.ib3, plan.ib4]).toEqual([
      '2026-11-25',
      '2026-12-02',
      '2026-12-09',
      '2026-12-16',
    ]);
    expect(plan.ib5).toBe('2027-02-18');
  });

  it("follows the municipality's follow-up period", () => {
    expect(planIntake('2026-11-18', { followUpMonths: 2 }).at(-1)).toEqual({
      step: 'ib5',
      dueOn: '2027-01-18',
    });
  });

  it('keeps a follow-up from the 30th or 31st inside a short month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -12)).toBe('2025-03-31');
  });
});

describe('steps are done in order', () => {
  const open = planIntake('2026-11-18').map((s) => ({ step: s.step, doneOn: null as string | null }));
  const done = (steps: typeof open, ...names: string[]) =>
    steps.map((s) => (names.includes(s.step) ? { ...s, doneOn: '2026-11-20' } : s));

  it('lets the three first steps be done in any order, then IB1', () => {
    expect(refuseStepDone(open, 'checks', '2026-11-20')).toBeNull();
    expect(refuseStepDone(open, 'ib1', '2026-11-20')).toEqual({
      reason: 'earlier_step_open',
      previous: 'responsibility',
    });
    const ready = done(open, 'responsibility', 'consent', 'checks');
    expect(refuseStepDone(ready, 'ib1', '2026-11-20')).toBeNull();
    expect(nextSteps(open)).toEqual(['responsibility', 'consent', 'checks']);
    expect(nextSteps(ready)).toEqual(['ib1']);
  });

  it('refuses IB3 before IB2, a step done twice, and a done date before an earlier step', () => {
    const upToIb1 = done(open, 'responsibility', 'consent', 'checks', 'ib1');
    expect(refuseStepDone(upToIb1, 'ib3', '2026-11-20')).toEqual({
      reason: 'earlier_step_open',
      previous: 'ib2',
    });
    expect(refuseStepDone(upToIb1, 'ib1', '2026-11-20')).toEqual({ reason: 'already_done' });
    expect(refuseStepDone(upToIb1, 'ib2', '2026-11-19')).toEqual({
      reason: 'before_earlier_step',
      previous: 'responsibility',
    });
  });
});

describe('the IB3 mapping', () => {
  it("needs the children's situation when the household has children, and something written", () => {
    expect(mappingProblem({ workHistory: 'Lager 2015–2020' }, true)).toBe('children_situation_missing');
    expect(mappingProblem({ workHistory: 'Lager 2015–2020' }, false)).toBeNull();
    expect(mappingProblem({ education: '  ' }, false)).toBe('empty');
  });

  it('becomes a journal text with a heading and one paragraph per field written', () => {
    const labels = {
      socioEconomicSituation: 'S',
      workHistory: 'Arbete',
      education: 'Utbildning',
      earlierInterventions: 'I',
      socialInsuranceContacts: 'F',
      healthContacts: 'Vård',
      childrenSituation: 'Barn',
    };
    expect(mappingAsText({ childrenSituation: 'Går i skolan.', workHistory: 'Lager.' }, 'IB3', labels)).toBe(
      'IB3\n\nArbete:\nLager.\n\nBarn:\nGår i skolan.',
    );
  });
});
