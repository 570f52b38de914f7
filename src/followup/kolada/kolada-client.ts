/**
 * A client for Kolada's public API v3 (docs/kolada.md). Requests go one at a time, at most
 * `requestsPerSecond` per second; answers 429 and 503 (and network errors and timeouts) are
 * retried with exponential backoff, waiting what Retry-After asks for when the server says;
 * id lists are split into 25 per path; every page is followed through the answer's next-page
 * URL; answers can be cached on disk by URL (kolada-cache.ts). Node's built-in fetch.
 */
import type { KoladaCache } from './kolada-cache.ts';
import {
  dataUrls,
  KOLADA_DEFAULT_BASE_URL,
  MAX_PER_PAGE,
  metadataUrls,
  parseDataRows,
  parseEnvelope,
  parseGroups,
  parseKpis,
  parseMunicipalities,
  resolveNextUrl,
  retryAfterMs,
  titleSearchUrl,
  type KoladaGroup,
  type KoladaKpi,
  type KoladaMunicipality,
  type KoladaValue,
} from './kolada-format.ts';

export interface KoladaClientOptions {
  /** Default https://api.kolada.se/v3 (KOLADA_BASE_URL). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** At most this many requests start per second (default 5). */
  requestsPerSecond?: number;
  /** Retries after the first attempt on 429/502/503/504, network errors and timeouts (default 4). */
  maxRetries?: number;
  /** First backoff without Retry-After, doubled per retry (default 1000 ms). */
  backoffMs?: number;
  /** Longest wait accepted from Retry-After or backoff (default 60 s). */
  maxWaitMs?: number;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Items per page, at most 5000 (default 5000). */
  perPage?: number;
  /** Safety stop for next-page chains (default 1000). */
  maxPages?: number;
  cache?: KoladaCache | null;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class KoladaRequestError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export interface KoladaClient {
  readonly baseUrl: string;
  fetchKpis(ids: readonly string[]): Promise<KoladaKpi[]>;
  fetchMunicipalities(ids: readonly string[]): Promise<KoladaMunicipality[]>;
  fetchMunicipalityGroups(query: { ids: readonly string[] } | { title: string }): Promise<KoladaGroup[]>;
  fetchValues(
    kpiIds: readonly string[],
    municipalityIds: readonly string[],
    years: readonly number[],
  ): Promise<KoladaValue[]>;
  /** Requests sent over the network so far (cache hits not counted). */
  readonly requestCount: number;
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createKoladaClient(options: KoladaClientOptions = {}): KoladaClient {
  const baseUrl = (options.baseUrl ?? KOLADA_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const minIntervalMs = 1000 / Math.max(options.requestsPerSecond ?? 5, 0.001);
  const maxRetries = options.maxRetries ?? 4;
  const backoffMs = options.backoffMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const perPage = Math.min(options.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE);
  const maxPages = options.maxPages ?? 1000;
  const cache = options.cache ?? null;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  let nextSlot = 0;
  let requestCount = 0;

  async function politeSlot(): Promise<void> {
    const wait = nextSlot - now();
    if (wait > 0) await sleep(wait);
    nextSlot = Math.max(now(), nextSlot) + minIntervalMs;
  }

  async function getJson(url: string): Promise<unknown> {
    const cached = cache ? await cache.get(url) : undefined;
    if (cached !== undefined) return cached;
    for (let attempt = 0; ; attempt++) {
      await politeSlot();
      requestCount++;
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (attempt >= maxRetries)
          throw new KoladaRequestError(
            `Kolada did not answer ${url}: ${(error as Error).message}`,
            url,
            null,
          );
        await sleep(Math.min(backoffMs * 2 ** attempt, maxWaitMs));
        continue;
      }
      if (response.ok) {
        let body: unknown;
        try {
          body = await response.json();
        } catch {
          throw new KoladaRequestError(`Kolada answered ${url} with something other than JSON`, url, 200);
        }
        parseEnvelope(body);
        if (cache) await cache.set(url, body);
        return body;
      }
      await response.body?.cancel();
      if (!RETRY_STATUS.has(response.status) || attempt >= maxRetries)
        throw new KoladaRequestError(
          `Kolada answered ${url} with HTTP ${response.status}`,
          url,
          response.status,
        );
      const asked = retryAfterMs(response.headers.get('retry-after'), now());
      await sleep(Math.min(asked ?? backoffMs * 2 ** attempt, maxWaitMs));
    }
  }

  /** All pages from `url` on, following the next-page URL. */
  async function getAll(url: string): Promise<unknown[]> {
    const values: unknown[] = [];
    const seen = new Set<string>();
    for (let next: string | null = url; next !== null;) {
      if (seen.has(next)) throw new KoladaRequestError(`Kolada's pages loop back to ${next}`, next, null);
      if (seen.size >= maxPages) throw new KoladaRequestError(`More than ${maxPages} pages`, next, null);
      seen.add(next);
      const page = parseEnvelope(await getJson(next));
      values.push(...page.values);
      next = page.nextUrl && page.values.length > 0 ? resolveNextUrl(page.nextUrl, baseUrl) : null;
    }
    return values;
  }

  async function getAllOf(urls: string[]): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const url of urls) out.push(...(await getAll(url)));
    return out;
  }

  return {
    baseUrl,
    get requestCount() {
      return requestCount;
    },
    async fetchKpis(ids) {
      if (ids.length === 0) return [];
      return parseKpis(await getAllOf(metadataUrls(baseUrl, 'kpi', ids, perPage)));
    },
    async fetchMunicipalities(ids) {
      if (ids.length === 0) return [];
      return parseMunicipalities(await getAllOf(metadataUrls(baseUrl, 'municipality', ids, perPage)));
    },
    async fetchMunicipalityGroups(query) {
      if ('title' in query)
        return parseGroups(
          await getAll(titleSearchUrl(baseUrl, 'municipality_groups', query.title, perPage)),
        );
      if (query.ids.length === 0) return [];
      return parseGroups(await getAllOf(metadataUrls(baseUrl, 'municipality_groups', query.ids, perPage)));
    },
    async fetchValues(kpiIds, municipalityIds, years) {
      return parseDataRows(await getAllOf(dataUrls(baseUrl, kpiIds, municipalityIds, years, perPage)));
    },
  };
}
