/**
 * The person's whole-chain timeline (assistance and the labour-market unit side by side, each
 * part only to users allowed to see it), and the notices from the unit waiting for the assistance
 * caseworker.
 */
import type { FastifyInstance } from 'fastify';
import { reasonCodeIn } from '../../assistance/domain/reason-codes/reason-code-list.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues, interpolate, type Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { loadChainTimeline } from '../db/chain-timeline.ts';
import { listOpenNotices, type NoticeListRow } from '../db/notice-list.ts';
import { jsonSerializerWithItems } from '../../http/serialized-json.ts';
import {
  chainAccess,
  putWords,
  type ChainEventKind,
  type ChainPart,
  type PartAccess,
} from '../domain/chain-timeline.ts';
import { ChainQuery, ChainResponse, NoticeListResponse, PersonParams } from './chain-schemas.ts';

const tags = ['Arbetsmarknadsenheten'];

/** The timeline's response around its events as read (JSON texts, with their words put in). */
const chainJson = jsonSerializerWithItems(ChainResponse, 'events');

function label<T extends Record<string, string>>(labels: T, code: string | null): string | null {
  if (code === null) return null;
  return (labels as Record<string, string>)[code] ?? code;
}

/** The words of an event's code, in the user's language (a reason code's as of its month). */
function codeLabel(kind: ChainEventKind, code: string, month: string | null, locale: Locale): string | null {
  const c = catalogues[locale];
  switch (kind) {
    case 'case_closed':
      return label(c.assistanceUi.exitReasons, code);
    case 'application':
      return label(c.assistanceUi.applicationKind, code);
    case 'reason_code':
      return month ? (reasonCodeIn(code, month)?.text[locale] ?? code) : null;
    case 'referral':
      return label(c.labour.initiators, code);
    case 'placement':
      return label(c.labour.interventionKinds, code);
    case 'employment':
      return label(c.labour.employmentForms, code);
    case 'exit':
      return label(c.labour.exitResults, code);
    default:
      return null;
  }
}

/** The JSON members an event's words add: `codeLabel`, and for a reason code also its `text`. */
function wordFields(kind: ChainEventKind, code: string, month: string | null, locale: Locale): string {
  const words = codeLabel(kind, code, month, locale);
  if (words === null) return '';
  const quoted = JSON.stringify(words);
  return kind === 'reason_code' ? `"codeLabel":${quoted},"text":${quoted},` : `"codeLabel":${quoted},`;
}

function presentPart(part: ChainPart, access: PartAccess, locale: Locale) {
  return {
    shown: access.shown,
    because: access.because,
    withheld: access.withheld,
    message: access.withheld ? catalogues[locale].chainUi.chain.withheld[part][access.withheld] : null,
  };
}

/** The codes of a notice's detail in words ("Resultat: Arbete utan stöd", "4 av 20 timmar"). */
function noticeDetailText(
  row: NoticeListRow,
  detail: Record<string, unknown>,
  locale: Locale,
): string | null {
  const c = catalogues[locale];
  const texts = c.chainUi.notices.details;
  const str = (...keys: string[]) => {
    for (const key of keys) if (typeof detail[key] === 'string') return detail[key];
    return null;
  };
  const num = (...keys: string[]) => {
    for (const key of keys) if (typeof detail[key] === 'number') return detail[key];
    return null;
  };
  const parts: string[] = [];
  const result = str('result', 'exitResult');
  if (result) parts.push(interpolate(texts.result, { result: label(c.labour.exitResults, result)! }));
  const form = str('form', 'employmentForm');
  if (form) parts.push(interpolate(texts.form, { form: label(c.labour.employmentForms, form)! }));
  const attended = num('attendedHours', 'attended');
  const planned = num('plannedHours', 'planned');
  if (attended !== null && planned !== null) parts.push(interpolate(texts.hours, { attended, planned }));
  const reason = str('absenceReason', 'reason');
  if (reason && row.kind !== 'exit')
    parts.push(interpolate(texts.reason, { reason: label(c.labour.absenceReasons, reason)! }));
  return parts.length > 0 ? parts.join(', ') : null;
}

function parseDetail(value: unknown): Record<string, string | number | boolean> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const out: Record<string, string | number | boolean> = {};
  if (parsed && typeof parsed === 'object')
    for (const [key, v] of Object.entries(parsed))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
  return out;
}

export function registerChainRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/people/:personId/chain',
    action: 'chain.read',
    permission: 'person:read',
    summary:
      "The person's way through the chain on one timeline, newest first: the assistance part and the labour-market unit's part, each only to users allowed to see it",
    tags,
    params: PersonParams,
    query: ChainQuery,
    response: ChainResponse,
    personalData: true,
    handler: async ({ db, principal, params, query, audit, locale, now }) => {
      const today = swedishToday({ now: () => now });
      audit.personIds.add(params.personId);
      const timeline = await loadChainTimeline(db, principal, params.personId, today, {
        before: query.before ?? null,
        limit: query.limit,
      });
      const access = chainAccess(timeline.facts);
      // The statement already left out what the user may not see; the rule is checked again here.
      for (const part of ['assistance', 'labour'] as const)
        if (timeline.counts[part] > 0 && !access[part].shown)
          throw new Error(`chain timeline: events of the withheld part ${part}`);
      for (const caseId of timeline.caseIds) audit.caseIds.add(caseId);
      const response = {
        personId: params.personId,
        today,
        separateAuthority: timeline.facts.separateAuthority,
        parts: {
          assistance: presentPart('assistance', access.assistance, locale),
          labour: presentPart('labour', access.labour, locale),
        },
        hasMore: timeline.nextBefore !== null,
        nextBefore: timeline.nextBefore,
      };
      const events = putWords(timeline.events, (kind, code, month) => wordFields(kind, code, month, locale));
      return chainJson(response, events);
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/labour-notices',
    action: 'labournotice.list',
    permission: 'assistance:read',
    summary:
      "Notices from the labour-market unit not yet acknowledged, of the cases where the user is the caseworker or the unit's manager",
    tags: ['Ekonomiskt bistånd'],
    response: NoticeListResponse,
    personalData: true,
    handler: async ({ db, principal, audit, locale }) => {
      const rows = await listOpenNotices(db, principal);
      const kinds = catalogues[locale].labour.noticeKinds;
      return {
        items: rows.map((row) => {
          audit.personIds.add(row.person_id);
          audit.caseIds.add(row.case_id);
          const detail = parseDetail(row.detail);
          const result = detail.result ?? detail.exitResult;
          return {
            id: row.id,
            caseId: row.case_id,
            personId: row.person_id,
            name: row.protected_identity ? null : `${row.first_name} ${row.last_name}`,
            protectedIdentity: row.protected_identity,
            kind: row.kind,
            kindLabel: kinds[row.kind],
            week: row.week,
            detail,
            detailText: noticeDetailText(row, detail, locale),
            lowerPaymentExpected: row.kind === 'exit' && (result === 'work' || result === 'work_subsidised'),
            createdAt: new Date(row.created_at).toISOString(),
          };
        }),
      };
    },
  });
}
