/**
 * A budget of attempts per key (a client address) in a sliding window, kept in memory. Enough for
 * one server process; behind several servers each one counts on its own, so the budget is per
 * server. At most `maxKeys` keys are remembered: the least recently used are forgotten first.
 */
export class RateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts an attempt at `nowMs`; false (and not counted) when the key has used its budget. */
  take(key: string, nowMs: number): boolean {
    const since = nowMs - this.windowMs;
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > since);
    this.attempts.delete(key);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(nowMs);
    this.attempts.set(key, recent);
    while (this.attempts.size > this.maxKeys) {
      const oldest = this.attempts.keys().next().value;
      if (oldest === undefined) break;
      this.attempts.delete(oldest);
    }
    return allowed;
  }
}
