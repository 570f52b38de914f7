/**
 * The audit events of requests that change nothing (reads, denials), written many at once: an
 * event is written at once when no write is running, and those that arrive meanwhile wait for
 * it and then go together, in one round trip and one commit. Under load the batches grow by
 * themselves; alone, an event waits for nothing. A request is answered only once its event is
 * committed, as before. Events of changes are not queued: they are written in the change's own
 * transaction (appendAuditEvent).
 */
import type { Database } from '../../db/connection.ts';
import type { AuditEvent } from '../domain/audit-event.ts';
import { appendAuditEvents } from './audit-writer.ts';

interface Waiting {
  event: AuditEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Most events in one write: bounds the statement's size and the time its locks are held. */
const MAX_BATCH = 200;

export class AuditQueue {
  readonly #db: Database;
  #waiting: Waiting[] = [];
  #writing = false;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Resolves once the event is committed; rejects when the write of its batch failed. */
  append(event: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ event, resolve, reject });
      if (!this.#writing) void this.#write();
    });
  }

  async #write(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, MAX_BATCH);
        await this.#writeBatch(batch);
      }
    } finally {
      this.#writing = false;
    }
  }

  /** A batch that fails is written again one event at a time, so one bad event fails alone. */
  async #writeBatch(batch: Waiting[]): Promise<void> {
    try {
      await appendAuditEvents(
        this.#db,
        batch.map((waiting) => waiting.event),
      );
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const waiting of batch) await this.#writeBatch([waiting]);
    }
  }
}
