/**
 * Summer jobs (feriearbeten): who may apply, and the allocation of the places by a fair rule that
 * can be explained to a young person or a parent, and re-run by anyone who holds the lottery seed.
 *
 * Background (seed 003, Borås 2017): the labour-market board runs all the municipality's summer
 * jobs; every young person who has finished year 9 or year 1 or 2 of upper secondary school is
 * offered one, at municipal departments, municipal companies, sports clubs and other associations.
 * But the budget held 1,367 places and 1,863 applied, so a rule must decide who comes first. The
 * purpose stated there — a first chance to earn one's own money and take a step into working life —
 * and the chain's purpose (young people in households on financial assistance) give the rule:
 *
 * 1. Priority groups, in this order:
 *    - group 1: has never had a summer job through the municipality, and the household receives
 *      financial assistance;
 *    - group 2: has never had a summer job through the municipality;
 *    - group 3: has had one before.
 *    The date of the application gives no priority: everyone who applied in time is equal.
 * 2. Within a group, a lottery: each applicant's lottery key is the FNV-1a 32-bit hash of
 *    `<seed>:<applicant id>` (ties, which are practically impossible, by the id). The applicant's
 *    lottery number is the place in the group's draw (1 = first). The order depends only on the
 *    seed and the ids — not on the order applications were typed in — so the stored seed lets
 *    anyone re-run and check the draw.
 * 3. In that order (group 1 by lottery number, then group 2, then group 3) each applicant gets
 *    their first preference that still has a free place, else the second, else the third, else any
 *    position with a free place (the lowest position id with one: a stable choice), or none when
 *    every place is taken.
 *
 * A declined offer frees its place; it goes to the first applicant in the same order who has no
 * place yet (they would have taken any free place under step 3): see `nextInLine`.
 */

export interface SummerApplicant {
  id: string;
  birthDate: string;
  appliedOn: string;
  householdWithAssistance: boolean;
  hadSummerJobBefore: boolean;
  /** Position ids, best first, up to 3. */
  preferences: string[];
}

export interface SummerPosition {
  id: string;
  places: number;
}

export type SummerAllocationReason =
  'preference_1' | 'preference_2' | 'preference_3' | 'any_free_position' | 'no_position_left';

export interface SummerAllocation {
  applicantId: string;
  positionId: string | null;
  priorityGroup: number;
  lotteryNumber: number;
  reason: SummerAllocationReason;
}

/** The priority groups in order; the first is allocated first. */
export const SUMMER_PRIORITY_GROUPS = [1, 2, 3] as const;
export type SummerPriorityGroup = (typeof SUMMER_PRIORITY_GROUPS)[number];

/** How many preferences count. */
export const MAX_SUMMER_PREFERENCES = 3;

export function priorityGroupOf(
  applicant: Pick<SummerApplicant, 'householdWithAssistance' | 'hadSummerJobBefore'>,
): SummerPriorityGroup {
  if (applicant.hadSummerJobBefore) return 3;
  return applicant.householdWithAssistance ? 1 : 2;
}

/** FNV-1a, 32 bits, over the UTF-16 code units of the text: small, pure and easy to re-implement. */
export function lotteryKey(seed: number, applicantId: string): number {
  const text = `${seed}:${applicantId}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface SummerDrawEntry {
  applicantId: string;
  priorityGroup: SummerPriorityGroup;
  lotteryNumber: number;
}

/** The order of the allocation: by priority group, then by lottery number within the group. */
export function summerDraw(
  applicants: readonly Pick<SummerApplicant, 'id' | 'householdWithAssistance' | 'hadSummerJobBefore'>[],
  seed: number,
): SummerDrawEntry[] {
  const keyed = applicants.map((a) => ({
    id: a.id,
    group: priorityGroupOf(a),
    key: lotteryKey(seed, a.id),
  }));
  keyed.sort((x, y) => x.group - y.group || x.key - y.key || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const result: SummerDrawEntry[] = [];
  let group = 0;
  let number = 0;
  for (const entry of keyed) {
    if (entry.group !== group) {
      group = entry.group;
      number = 0;
    }
    number += 1;
    result.push({ applicantId: entry.id, priorityGroup: entry.group, lotteryNumber: number });
  }
  return result;
}

/** Why an applicant holds a position (or none), given their preferences. */
export function summerReason(
  preferences: readonly string[],
  positionId: string | null,
): SummerAllocationReason {
  if (positionId === null) return 'no_position_left';
  const index = preferences.slice(0, MAX_SUMMER_PREFERENCES).indexOf(positionId);
  if (index === 0) return 'preference_1';
  if (index === 1) return 'preference_2';
  if (index === 2) return 'preference_3';
  return 'any_free_position';
}

/**
 * Allocates the places (the rule above). Returns one allocation per applicant, in allocation order.
 * Preferences naming unknown positions are ignored; no position ever gets more applicants than places.
 */
export function allocateSummerJobs(
  applicants: readonly SummerApplicant[],
  positions: readonly SummerPosition[],
  seed: number,
): SummerAllocation[] {
  const free = new Map<string, number>();
  for (const p of positions) free.set(p.id, (free.get(p.id) ?? 0) + Math.max(0, Math.floor(p.places)));
  const byId = new Map(applicants.map((a) => [a.id, a]));
  // Positions in a stable order for "any free position".
  const positionOrder = [...free.keys()].sort();
  const take = (id: string) => free.set(id, (free.get(id) ?? 0) - 1);

  return summerDraw([...byId.values()], seed).map((entry) => {
    const applicant = byId.get(entry.applicantId)!;
    const preferences = applicant.preferences.slice(0, MAX_SUMMER_PREFERENCES);
    let positionId: string | null = preferences.find((id) => (free.get(id) ?? 0) > 0) ?? null;
    if (positionId === null) positionId = positionOrder.find((id) => (free.get(id) ?? 0) > 0) ?? null;
    if (positionId !== null) take(positionId);
    return {
      applicantId: entry.applicantId,
      positionId,
      priorityGroup: entry.priorityGroup,
      lotteryNumber: entry.lotteryNumber,
      reason: summerReason(preferences, positionId),
    };
  });
}

/**
 * Who gets a place that was freed by a declined offer: the first applicant in the draw order
 * (`order`, as from `summerDraw`) who holds no position. Null when everyone has one.
 */
export function nextInLine<T extends { applicantId: string }>(
  order: readonly T[],
  hasPosition: (applicantId: string) => boolean,
): T | null {
  return order.find((entry) => !hasPosition(entry.applicantId)) ?? null;
}

/** Whether the applicant reaches an age between minAge and maxAge (inclusive) during the year. */
export function summerAgeOk(birthDate: string, year: number, minAge: number, maxAge: number): boolean {
  const birthYear = Number(birthDate.slice(0, 4));
  if (!Number.isInteger(birthYear)) return false;
  const age = year - birthYear;
  return age >= minAge && age <= maxAge;
}
