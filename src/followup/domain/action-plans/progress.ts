/**
 * Progress towards an action-plan goal: how much of the way from the baseline (the indicator's
 * value at adoption) to the target the indicator has come, and whether that is on track, judged
 * against a straight path from the baseline's date to the target date.
 */
export type ProgressStatus = 'achieved' | 'on_track' | 'behind' | 'missed' | 'no_data';

export interface ProgressInput {
  baseline: { value: number; date: string } | null;
  current: { value: number; date: string } | null;
  target: { value: number; date: string };
}

export interface GoalProgress {
  direction: 'increase' | 'decrease' | 'hold';
  /** (current − baseline) / (target − baseline); 1 = the target is reached. null without data. */
  shareOfWay: number | null;
  /** The share of the way a straight path would have covered by the current value's date. */
  expectedShare: number | null;
  status: ProgressStatus;
}

const dayNumber = (date: string): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

export function goalProgress({ baseline, current, target }: ProgressInput): GoalProgress {
  if (!baseline || !current) {
    const direction = baseline ? directionOf(baseline.value, target.value) : 'hold';
    return { direction, shareOfWay: null, expectedShare: null, status: 'no_data' };
  }
  const direction = directionOf(baseline.value, target.value);
  const reached =
    direction === 'decrease'
      ? current.value <= target.value
      : direction === 'increase'
        ? current.value >= target.value
        : current.value === target.value;
  const shareOfWay =
    direction === 'hold'
      ? reached
        ? 1
        : 0
      : (current.value - baseline.value) / (target.value - baseline.value);
  const span = dayNumber(target.date) - dayNumber(baseline.date);
  const expectedShare =
    span <= 0 ? 1 : Math.min(1, Math.max(0, (dayNumber(current.date) - dayNumber(baseline.date)) / span));
  let status: ProgressStatus;
  if (reached) status = 'achieved';
  else if (current.date >= target.date) status = 'missed';
  else status = shareOfWay >= expectedShare ? 'on_track' : 'behind';
  return { direction, shareOfWay, expectedShare, status };
}

function directionOf(baseline: number, target: number): GoalProgress['direction'] {
  return target < baseline ? 'decrease' : target > baseline ? 'increase' : 'hold';
}

/** The share of the way as a bar width, 0–100. */
export function progressPercent(shareOfWay: number | null): number {
  if (shareOfWay === null || !Number.isFinite(shareOfWay)) return 0;
  return Math.round(Math.min(1, Math.max(0, shareOfWay)) * 100);
}

export interface GoalYears {
  /** The last full year before the plan started: the baseline. */
  baselineYear: number;
  /** The years after the baseline up to the target's year (and no later than this year). */
  years: { year: number; complete: boolean }[];
  /** The latest complete year to judge progress on; null when none has ended yet. */
  judgedYear: number | null;
}

/** Years to measure a goal in: baseline, each year to the target, the latest complete one judged. */
export function goalYears(planStart: string, targetDate: string, today: string): GoalYears {
  const baselineYear = Number(planStart.slice(0, 4)) - 1;
  const last = Math.min(Number(targetDate.slice(0, 4)), Number(today.slice(0, 4)));
  const years: GoalYears['years'] = [];
  for (let year = baselineYear + 1; year <= last; year++)
    years.push({ year, complete: `${year}-12-31` < today });
  const complete = years.filter((y) => y.complete);
  return {
    baselineYear,
    years,
    judgedYear: complete.length > 0 ? complete[complete.length - 1]!.year : null,
  };
}
