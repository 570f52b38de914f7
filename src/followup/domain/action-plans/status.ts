/**
 * The status of an action-plan activity at a follow-up, as in Uppsala's plan (seed 002): done,
 * on plan, partly on plan, deviating or stopped. Anything but done or on plan must be explained
 * with a comment ("Kommentar vid avvikelse"); the database enforces the same rule.
 */
export const ACTION_STATUSES = ['done', 'on_plan', 'partly_on_plan', 'deviating', 'stopped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export function isActionStatus(value: string): value is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Whether a status must carry a comment. */
export function requiresComment(status: ActionStatus): boolean {
  return status !== 'done' && status !== 'on_plan';
}

/** The comment to store (trimmed, null when empty), or 'comment_required' when one is missing. */
export function checkStatusComment(
  status: ActionStatus,
  comment: string | null | undefined,
): { ok: true; comment: string | null } | { ok: false; reason: 'comment_required' } {
  const trimmed = comment?.trim() ?? '';
  if (requiresComment(status) && trimmed === '') return { ok: false, reason: 'comment_required' };
  return { ok: true, comment: trimmed === '' ? null : trimmed };
}

/** Counts per status, e.g. for "12 färdiga, 12 enligt plan, 1 avviker, 1 stoppad". */
export function countStatuses(statuses: readonly ActionStatus[]): Record<ActionStatus, number> {
  const counts = { done: 0, on_plan: 0, partly_on_plan: 0, deviating: 0, stopped: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}
