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
const STEP: Record<ChainEventKind, number> = {
  case_opened: 0,
  referral: 1,
  intro_day: 2,
  application: 3,
  mapping: 4,
  reason_code: 5,
  plan: 6,
  decision: 7,
  follow_up: 8,
  placement: 9,
  employment: 10,
  payment: 11,
  exit: 12,
  case_closed: 13,
};

/** Newest first; on the same day the later step first, then by id so the order is stable. */
export function compareNewestFirst(a: ChainEvent, b: ChainEvent): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const step = STEP[b.kind] - STEP[a.kind];
  if (step !== 0) return step;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
