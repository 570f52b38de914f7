/**
 * Recently checked sessions, kept for a moment so that a burst of requests costs one session
 * query, not one each. Safe only while the server hears about every access change: it is
 * switched on when the database's `kedjan_access_changed` notifications are subscribed, emptied
 * on each notification and on local changes, and switched off (bypassed) when the subscription
 * is lost. An entry never outlives its session's expiry or its idle timeout.
 */
import type { Principal } from '../domain/principal.ts';

export const ACCESS_CHANGED_CHANNEL = 'kedjan_access_changed';

export class SessionCache {
  private readonly entries = new Map<string, { principal: Principal; validUntil: number }>();
  private enabled = false;

  constructor(
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
  ) {}

  get active(): boolean {
    return this.enabled;
  }

  get(key: string, now: Date): Principal | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now.getTime() >= entry.validUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.principal;
  }

  set(key: string, principal: Principal, now: Date, sessionValidUntil: Date): void {
    if (!this.enabled) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const validUntil = Math.min(now.getTime() + this.ttlMs, sessionValidUntil.getTime());
    this.entries.set(key, { principal, validUntil });
  }

  clear(): void {
    this.entries.clear();
  }

  enable(): void {
    this.entries.clear();
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
    this.entries.clear();
  }
}
