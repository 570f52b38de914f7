/**
 * Small counts are suppressed in statistics so that no individual can be singled out (the
 * practice of Socialstyrelsen's and SCB's published statistics).
 */
export const SUPPRESSION_THRESHOLD = 5;

export type SuppressedCount = { value: number; suppressed: false } | { value: null; suppressed: true };

export function suppressSmall(count: number, threshold = SUPPRESSION_THRESHOLD): SuppressedCount {
  return count > 0 && count < threshold
    ? { value: null, suppressed: true }
    : { value: count, suppressed: false };
}
