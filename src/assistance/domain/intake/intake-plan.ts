/**
 * The intake process for a first application (Enköping's process map, seed 004): responsibility
 * check (tillhörighetsbedömning), consent (samtycke) and checks against other authorities
 * (kontroller) at once; then the initial assessment IB1 (intake team) → IB2 (team) → IB3 new visit
 * (nybesök, the mapping) → IB4 plan → IB5 follow-up within three months.
 */
import { addWorkingDays } from '../service-norms.ts';

export const INTAKE_STEPS = [
  'responsibility',
  'consent',
  'checks',
  'ib1',
  'ib2',
  'ib3',
  'ib4',
  'ib5',
] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

export interface IntakeSettings {
  /** IB5: the follow-up is due this many calendar months after the application was received. */
  followUpMonths: number;
}
export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = { followUpMonths: 3 };

/**
 * Working days after receipt. The first three are the groundwork every assessment rests on, so
 * they come first; IB1–IB4 are spread over the first month so that the plan (IB4) is in place
 * when the first decision has been taken and the household returns with its next application.
 */
const DUE_IN_WORKING_DAYS: Record<Exclude<IntakeStep, 'ib5'>, number> = {
  responsibility: 1,
  consent: 2,
  checks: 3,
  ib1: 5,
  ib2: 10,
  ib3: 15,
  ib4: 20,
};

/**
 * Steps in the same phase may be done in any order; a step waits for every step of the earlier
 * phases. The responsibility check, consent and checks are one phase: all three come before IB1.
 */
const PHASE: Record<IntakeStep, number> = {
  responsibility: 0,
  consent: 0,
  checks: 0,
  ib1: 1,
  ib2: 2,
  ib3: 3,
  ib4: 4,
  ib5: 5,
};

export interface PlannedStep {
  step: IntakeStep;
  dueOn: string;
}

/** `date` (YYYY-MM-DD) plus whole calendar months; the 31st becomes the month's last day. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The steps of the intake process and when each is due, from the day the first application came in. */
export function planIntake(
  receivedOn: string,
  settings: IntakeSettings = DEFAULT_INTAKE_SETTINGS,
): PlannedStep[] {
  return INTAKE_STEPS.map((step) => ({
    step,
    dueOn:
      step === 'ib5'
        ? addMonths(receivedOn, settings.followUpMonths)
        : addWorkingDays(receivedOn, DUE_IN_WORKING_DAYS[step]),
  }));
}

export interface StepState {
  step: IntakeStep;
  doneOn: string | null;
}

export type StepRefusal =
  | { reason: 'already_done' }
  | { reason: 'earlier_step_open'; previous: IntakeStep }
  | { reason: 'before_earlier_step'; previous: IntakeStep };

/** Why `step` cannot be marked done on `doneOn`, or null when it can. */
export function refuseStepDone(
  steps: readonly StepState[],
  step: IntakeStep,
  doneOn: string,
): StepRefusal | null {
  const own = steps.find((s) => s.step === step);
  if (own?.doneOn) return { reason: 'already_done' };
  const earlier = steps
    .filter((s) => PHASE[s.step] < PHASE[step])
    .sort((a, b) => INTAKE_STEPS.indexOf(a.step) - INTAKE_STEPS.indexOf(b.step));
  const open = earlier.find((s) => s.doneOn === null);
  if (open) return { reason: 'earlier_step_open', previous: open.step };
  const later = earlier.find((s) => s.doneOn !== null && s.doneOn > doneOn);
  if (later) return { reason: 'before_earlier_step', previous: later.step };
  return null;
}

/** The steps that can be done now: the open ones with nothing open in an earlier phase. */
export function nextSteps(steps: readonly StepState[]): IntakeStep[] {
  const open = steps.filter((s) => s.doneOn === null);
  if (open.length === 0) return [];
  const phase = Math.min(...open.map((s) => PHASE[s.step]));
  return open.filter((s) => PHASE[s.step] === phase).map((s) => s.step);
}

/** The IB3 mapping (kartläggning) at the new visit, as short texts. */
export const MAPPING_FIELDS = [
  'socioEconomicSituation',
  'workHistory',
  'education',
  'earlierInterventions',
  'socialInsuranceContacts',
  'healthContacts',
  'childrenSituation',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export type Ib3Mapping = Partial<Record<MappingField, string>>;

/**
 * What is wrong with a mapping, or null: something must be written, and the children's situation
 * whenever the household has children (the child's perspective is part of every assessment).
 */
export function mappingProblem(
  mapping: Ib3Mapping,
  householdHasChildren: boolean,
): 'empty' | 'children_situation_missing' | null {
  const filled = (field: MappingField) => (mapping[field]?.trim() ?? '') !== '';
  if (householdHasChildren && !filled('childrenSituation')) return 'children_situation_missing';
  if (!MAPPING_FIELDS.some(filled)) return 'empty';
  return null;
}

/** The mapping as a journal note: one headed paragraph per field that was filled in. */
export function mappingAsText(
  mapping: Ib3Mapping,
  heading: string,
  labels: Record<MappingField, string>,
): string {
  const parts = MAPPING_FIELDS.filter((f) => (mapping[f]?.trim() ?? '') !== '').map(
    (f) => `${labels[f]}:\n${mapping[f]!.trim()}`,
  );
  return [heading, ...parts].join('\n\n');
}
