/**
 * An on-disk cache of Kolada answers, keyed by URL, with a maximum age. One JSON file per URL
 * (named by the URL's SHA-256) holding the URL, when it was stored and the answer's body. Kolada
 * publishes a few times a year, so a day-old answer is as good as a fresh one; the cache spares
 * the API when an import is repeated. Default folder `.data/kolada-cache`, default age 24 hours.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface KoladaCache {
  get(url: string): Promise<unknown>;
  set(url: string, body: unknown): Promise<void>;
}

export const DEFAULT_CACHE_DIR = '.data/kolada-cache';
export const DEFAULT_CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface Entry {
  url: string;
  storedAt: number;
  body: unknown;
}

export function createDiskCache(
  dir = DEFAULT_CACHE_DIR,
  maxAgeMs = DEFAULT_CACHE_MAX_AGE_MS,
  now: () => number = Date.now,
): KoladaCache {
  const fileOf = (url: string) => path.join(dir, `${createHash('sha256').update(url).digest('hex')}.json`);
  return {
    async get(url) {
      let entry: Entry;
      try {
        entry = JSON.parse(await readFile(fileOf(url), 'utf8')) as Entry;
      } catch {
        return undefined;
      }
      if (entry.url !== url || now() - entry.storedAt > maxAgeMs) return undefined;
      return entry.body;
    },
    async set(url, body) {
      await mkdir(dir, { recursive: true });
      const file = fileOf(url);
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, JSON.stringify({ url, storedAt: now(), body } satisfies Entry));
      await rename(partial, file);
    },
  };
}
