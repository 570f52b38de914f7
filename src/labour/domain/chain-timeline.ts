/**
 * One person's way through the chain — financial assistance and the labour-market unit — as one
 * timeline, and which of its two parts a user may see. Pure: the facts come from the database,
 * the rules are here.
 *
 * A part is shown to a user of its own unit (the role says what, the unit says whom). To a user of
 * the other unit it is shown only while the person's information may flow that way: always where
 * the two units are one authority, otherwise only with the person's recorded consent or a legal
 * basis (OSL 26 kap 1 § with 8 kap 2 §).
 */
import type { FlowDirection } from './terms.ts';

export type ChainPart = 'assistance' | 'labour';

/** Why a part is shown: the user's own unit, the same authority, or a standing information flow. */
export type ShownBecause = 'own_unit' | 'same_authority' | 'flow';
/** Why a part is withheld: no standing consent/legal basis, or the user works in neither unit. */
export type WithheldBecause = 'no_flow' | 'no_access';

export type PartAccess =
  | { shown: true; because: ShownBecause; withheld: null }
  | { shown: false; because: null; withheld: WithheldBecause };

export interface ChainAccessFacts {
  /** The user holds assistance:read and sees an assistance case of the person's household. */
  assistanceUser: boolean;
  /** The user holds labour:read and sees a labour case of the person's household. */
  labourUser: boolean;
  separateAuthority: boolean;
  /** Flows standing today, per direction. */
  flows: Readonly<Record<FlowDirection, boolean>>;
}

function partAccess(own: boolean, other: boolean, separate: boolean, flow: boolean): PartAccess {
  if (own) return { shown: true, because: 'own_unit', withheld: null };
  if (!other) return { shown: false, because: null, withheld: 'no_access' };
  if (!separate) return { shown: true, because: 'same_authority', withheld: null };
  if (flow) return { shown: true, because: 'flow', withheld: null };
  return { shown: false, because: null, withheld: 'no_flow' };
}

export function chainAccess(facts: ChainAccessFacts): Record<ChainPart, PartAccess> {
  return {
    assistance: partAccess(
      facts.assistanceUser,
      facts.labourUser,
      facts.separateAuthority,
      facts.flows.assistance_to_labour,
    ),
    labour: partAccess(
      facts.labourUser,
      facts.assistanceUser,
      facts.separateAuthority,
      facts.flows.labour_to_assistance,
    ),
  };
}

export const ASSISTANCE_EVENT_KINDS = [
  'case_opened',
  'application',
  'decision',
  'payment',
  'reason_code',
  'case_closed',
] as const;
export const LABOUR_EVENT_KINDS = [
  'referral',
  'intro_day',
  'mapping',
  'plan',
  'follow_up',
  'placement',
  'employment',
  'exit',
] as const;
export type AssistanceEventKind = (typeof ASSISTANCE_EVENT_KINDS)[number];
export type LabourEventKind = (typeof LABOUR_EVENT_KINDS)[number];
export type ChainEventKind = AssistanceEventKind | LabourEventKind;

/**
 * One event. The fields used depend on the kind (the rest are null):
 * - case_opened: caseId · case_closed: caseId, code = exit reason
 * - application: caseId, month, code = first/recurring, status
 * - decision: caseId, month, amountOre = granted · payment: caseId, month, amountOre = paid
 * - reason_code: caseId, month, code, text
 * - referral: referralId, code = initiator · intro_day: attended
 * - mapping: hours = capacity per week · plan: version, from, to, status · follow_up: version
 * - placement: name = intervention, code = intervention kind, status, from, to, hours
 * - employment: code = form, name = employer, status, review = union review, from, to, hours
 * - exit: code = exit result
 */
export interface ChainEvent {
  part: ChainPart;
  kind: ChainEventKind;
  date: string;
  id: string;
  caseId: string | null;
  referralId: string | null;
  month: string | null;
  code: string | null;
  status: string | null;
  review: string | null;
  name: string | null;
  text: string | null;
  amountOre: number | null;
  hours: number | null;
  version: number | null;
  attended: boolean | null;
  from: string | null;
  to: string | null;
}

/** The order of kinds on one day, earliest step first (a case opens before its first application). */
export const STEP_ORDER: readonly ChainEventKind[] = [
  'case_opened',
  'referral',
  'intro_day',
  'application',
  'mapping',
  'reason_code',
  'plan',
  'decision',
  'follow_up',
  'placement',
  'employment',
  'payment',
  'exit',
  'case_closed',
];

const STEP = Object.fromEntries(STEP_ORDER.map((kind, step) => [kind, step])) as Record<
  ChainEventKind,
  number
>;

/** Newest first; on the same day the later step first, then by id so the order is stable. */
export function compareNewestFirst(a: ChainEvent, b: ChainEvent): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const step = STEP[b.kind] - STEP[a.kind];
  if (step !== 0) return step;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The fields of an event its kind uses, as the API names them: those not null. */
export function eventFields(event: ChainEvent): Partial<ChainEvent> {
  const out: Partial<Record<keyof ChainEvent, unknown>> = {};
  for (const key in event) {
    const value = event[key as keyof ChainEvent];
    if (value !== null) out[key as keyof ChainEvent] = value;
  }
  return out as Partial<ChainEvent>;
}

/**
 * Events as the timeline sends them are JSON objects of their fields (`eventFields`) joined by
 * commas, newest first. The words of an event's code depend on the user's language, so an event
 * with a code carries, right after its opening brace, a mark that says which words go there:
 * U+0001 kind U+0001 code U+0001 month (yyyy-mm or nothing) U+0002. JSON never holds these
 * characters unescaped, so a mark cannot be confused with the data. The kept events are written
 * so by the database (chain-timeline.ts); `markedEvent` writes one from its fields.
 */
// eslint-disable-next-line no-control-regex -- control characters on purpose: JSON escapes them
const WORDS_MARK = /\u0001([^\u0001\u0002]*)\u0001([^\u0001\u0002]*)\u0001([^\u0001\u0002]*)\u0002/g;

export function markedEvent(event: ChainEvent): string {
  const body = JSON.stringify(eventFields(event));
  if (event.code === null) return body;
  return `{\u0001${event.kind}\u0001${event.code}\u0001${event.month ?? ''}\u0002${body.slice(1)}`;
}

/**
 * The events with each mark replaced by `fields` of its kind, code and month: JSON members
 * ending in a comma ("codeLabel":"…",), or nothing.
 */
export function putWords(
  events: string,
  fields: (kind: ChainEventKind, code: string, month: string | null) => string,
): string {
  return events.replace(WORDS_MARK, (_mark, kind: string, code: string, month: string) =>
    fields(kind as ChainEventKind, code, month === '' ? null : month),
  );
}

/** Merges the parts the user may see into one timeline, newest first; withheld parts add nothing. */
export function mergeTimeline(
  access: Record<ChainPart, PartAccess>,
  parts: Partial<Record<ChainPart, readonly ChainEvent[]>>,
): ChainEvent[] {
  const events: ChainEvent[] = [];
  for (const part of ['assistance', 'labour'] as const) {
    if (!access[part].shown) continue;
    for (const event of parts[part] ?? []) if (event.part === part) events.push(event);
  }
  return events.sort(compareNewestFirst);
}

/**
 * One page of the merged timeline (newest first): the newest `limit` events and every other event
 * of the oldest day taken, so that a day is never split; `nextBefore` is the day to ask before
 * for the next page, null when nothing is older than the page: neither the rest of `events` nor,
 * per `olderExist`, events beyond them.
 */
export function pageOf(
  events: readonly ChainEvent[],
  limit: number,
  olderExist: boolean,
): { events: ChainEvent[]; nextBefore: string | null } {
  if (events.length === 0) return { events: [], nextBefore: null };
  let end = Math.min(limit, events.length);
  const lastDay = events[end - 1]!.date;
  while (end < events.length && events[end]!.date === lastDay) end++;
  const page = events.slice(0, end);
  return { events: page, nextBefore: end < events.length || olderExist ? lastDay : null };
}
