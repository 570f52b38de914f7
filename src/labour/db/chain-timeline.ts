/**
 * The queries behind one person's whole-chain timeline: who may see what, and one page of the
 * events of the parts the user may see, in one statement (one round trip) over the events kept
 * per person (chain-events.ts) whatever the length of the history. Each event comes as the JSON
 * the API sends, written when the events were kept, so a read builds no event of its own.
 */
import { sql } from 'kysely';
import { personAssignedTo, personVisibleTo } from '../../access/db/person-scope.ts';
import { hasPermission } from '../../access/domain/permissions.ts';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import { STEP_ORDER, type ChainAccessFacts, type ChainPart } from '../domain/chain-timeline.ts';
import { rebuildChainEvents } from './chain-events.ts';
import { flowStandsSql } from './flows.ts';

export interface ChainPersonFacts extends ChainAccessFacts {
  protectedIdentity: boolean;
}

interface FactsRow {
  protected_identity: boolean;
  visible: boolean;
  assigned: boolean;
  assistance_case: boolean;
  labour_case: boolean;
  separate_authority: boolean;
  assistance_to_labour: boolean;
  labour_to_assistance: boolean;
}

/** Cases of a kind, of a household the person is or was a member of, that the user may open. */
function seesCaseOf(principal: Principal, kind: 'assistance' | 'labour') {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM household_member chm
    JOIN client_case c ON c.municipality_id = chm.municipality_id AND c.household_id = chm.household_id
    WHERE chm.municipality_id = p.municipality_id AND chm.person_id = p.id AND c.kind = ${kind}
      AND ${caseVisibleTo(principal, 'c')})`;
}

/** The person's access facts as SQL: one row, none when the person is not in the municipality. */
function factsSql(principal: Principal, personId: string, today: string) {
  return sql<FactsRow>`
    SELECT p.protected_identity, v.visible,
           ${personAssignedTo(principal)} AS assigned,
           ${seesCaseOf(principal, 'assistance')} AS assistance_case,
           ${seesCaseOf(principal, 'labour')} AS labour_case,
           COALESCE((SELECT s.separate_authority FROM labour_setting s
                     WHERE s.municipality_id = p.municipality_id), true) AS separate_authority,
           ${flowStandsSql('assistance_to_labour', 'p', today, 'id')} AS assistance_to_labour,
           ${flowStandsSql('labour_to_assistance', 'p', today, 'id')} AS labour_to_assistance
    FROM person p
    CROSS JOIN LATERAL (SELECT ${personVisibleTo(principal)} AS visible OFFSET 0) v
    WHERE p.municipality_id = ${principal.municipalityId} AND p.id = ${personId}`;
}

/** 403 for a person the user may not see; else what decides which parts of the chain are shown. */
export function checkFacts(principal: Principal, row: FactsRow): ChainPersonFacts {
  if (!row.visible) throw new AppError('FORBIDDEN');
  if (row.protected_identity && !principal.protectedIdentityClearance && !row.assigned)
    throw new AppError('FORBIDDEN');
  return {
    protectedIdentity: row.protected_identity,
    assistanceUser: row.assistance_case && hasPermission(principal.roles, 'assistance:read'),
    labourUser: row.labour_case && hasPermission(principal.roles, 'labour:read'),
    separateAuthority: row.separate_authority,
    flows: {
      assistance_to_labour: row.assistance_to_labour,
      labour_to_assistance: row.labour_to_assistance,
    },
  };
}

/**
 * The person as the user may see them: 404 when not in the user's municipality, 403 when outside
 * the user's units, or a protected identity the user is neither cleared for nor assigned to.
 * Returns what decides which parts of the chain the user sees.
 */
export async function loadChainFacts(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
): Promise<ChainPersonFacts> {
  const row = (await factsSql(principal, personId, today).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return checkFacts(principal, row);
}

/** The page of kept events, put together in the statement (see `ChainTimeline`). */
interface PageRow {
  events: string | null;
  case_ids: string | null;
  assistance_events: number;
  labour_events: number;
  oldest: string | null;
}

/**
 * Which events: those before a day (exclusive; none = all), the newest `limit` of them — and all
 * others on the oldest day taken, so that a day is never split between pages.
 */
export interface ChainWindow {
  before: string | null;
  limit: number;
}

export interface ChainTimeline {
  facts: ChainPersonFacts;
  /**
   * The page's events of the parts shown, newest first: the newest `limit` and the rest of the
   * oldest day, as JSON objects joined by commas, with the marks of their words (`putWords`).
   */
  events: string;
  /** How many of the page's events are of each part. */
  counts: Record<ChainPart, number>;
  /** The cases of the page's events, each once. */
  caseIds: string[];
  /** The day to read before for the next, older page; null when the parts shown hold nothing older. */
  nextBefore: string | null;
}

export interface TimelineRow extends FactsRow {
  any_shown: boolean;
  /** The person's kept events are out of date: rebuild, then read again. */
  stale: boolean;
  more: boolean;
}

/**
 * The CTEs `facts` (the access facts of `factsSql`) and `x`: which parts they let the user see —
 * the same rule as `chainAccess` (domain/chain-timeline.ts), which the caller applies again to the
 * facts returned. A part comes from the user's own unit (`a_own`, `l_own`: then only the events
 * of cases the user may open) or, through the same authority or a standing information flow,
 * from the other unit (all the person's events of that part).
 */
export function shownSql(principal: Principal, personId: string, today: string) {
  return sql`facts AS MATERIALIZED (${factsSql(principal, personId, today)}),
    x AS MATERIALIZED (
      SELECT f.*,
             f.allowed AND (f.a_own OR (f.l_own AND (NOT f.separate_authority OR f.assistance_to_labour))) AS a_shown,
             f.allowed AND (f.l_own OR (f.a_own AND (NOT f.separate_authority OR f.labour_to_assistance))) AS l_shown
      FROM (
        SELECT facts.*,
               facts.visible AND (NOT facts.protected_identity OR ${principal.protectedIdentityClearance}
                                  OR facts.assigned) AS allowed,
               facts.assistance_case AND ${hasPermission(principal.roles, 'assistance:read')} AS a_own,
               facts.labour_case AND ${hasPermission(principal.roles, 'labour:read')} AS l_own
        FROM facts) f
    )`;
}

/**
 * One page of the person's kept events in one statement: the access facts (`shownSql`); for a part
 * of the user's own unit, the cases the user may open (the assistance cases of households the
 * person was a member of while they were open; the labour cases of the person's referrals);
 * whether the kept events are stale (then the caller rebuilds and asks again); and the page: the
 * newest `limit` events shown before `before` and the rest of the oldest day, each found by
 * reading the person's events newest first; `more` says older events exist. The page comes as
 * one row: its events' stored JSON joined in the timeline's order (`compareNewestFirst`) with the
 * marks of their words (`markedEvent`), their cases, and the count of each part's events. Nothing
 * is read for a person the user may not see.
 */
async function readPage(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
  window: ChainWindow,
) {
  const m = principal.municipalityId;
  const before = window.before ?? 'infinity';
  return await sql<TimelineRow & PageRow>`
    WITH ${shownSql(principal, personId, today)},
    y AS MATERIALIZED (
      SELECT x.*,
             CASE WHEN x.a_own THEN ARRAY(
               SELECT c.id
               FROM household_member hm
               JOIN client_case c ON c.municipality_id = hm.municipality_id AND c.household_id = hm.household_id
               WHERE hm.municipality_id = ${m} AND hm.person_id = ${personId} AND c.kind = 'assistance'
                 AND hm.valid_from <= COALESCE(c.closed_on, 'infinity'::date)
                 AND COALESCE(hm.valid_to, 'infinity'::date) > c.opened_on
                 AND ${caseVisibleTo(principal, 'c')}) END AS a_cases,
             CASE WHEN x.l_own THEN ARRAY(
               SELECT c.id
               FROM referral r
               JOIN client_case c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
               WHERE r.municipality_id = ${m} AND r.person_id = ${personId}
                 AND ${caseVisibleTo(principal, 'c')}) END AS l_cases,
             EXISTS (SELECT 1 FROM chain_stale_person s
                     WHERE s.municipality_id = ${m} AND s.person_id = ${personId}) AS stale
      FROM x
    ),
    shown AS NOT MATERIALIZED (
      SELECT e.* FROM y, chain_event e
      WHERE e.municipality_id = ${m} AND e.person_id = ${personId} AND e.on_date < ${before}::date
        AND (y.a_shown OR y.l_shown) AND NOT y.stale
        AND CASE WHEN e.part = 'assistance' THEN y.a_shown AND (NOT y.a_own OR e.scope_case_id = ANY (y.a_cases))
                 ELSE y.l_shown AND (NOT y.l_own OR e.scope_case_id = ANY (y.l_cases)) END
    ),
    cut AS (
      SELECT COALESCE((SELECT on_date FROM shown ORDER BY on_date DESC OFFSET ${window.limit - 1} LIMIT 1),
                      '-infinity'::date) AS d
    ),
    -- The day as a value, not a join, so that it bounds the index range (whatever the statistics).
    flags AS (SELECT EXISTS (SELECT 1 FROM shown WHERE shown.on_date < (SELECT d FROM cut)) AS more),
    page AS (SELECT shown.* FROM shown WHERE shown.on_date >= (SELECT d FROM cut))
    SELECT y.protected_identity, y.visible, y.assigned, y.assistance_case, y.labour_case,
           y.separate_authority, y.assistance_to_labour, y.labour_to_assistance,
           y.a_shown OR y.l_shown AS any_shown, y.stale, flags.more,
           p.events, p.case_ids, p.assistance_events, p.labour_events, p.oldest
    FROM y CROSS JOIN flags
    CROSS JOIN (
      SELECT string_agg(
               CASE WHEN page.code IS NULL THEN page.body
                    ELSE '{' || chr(1) || page.kind || chr(1) || page.code || chr(1)
                         || COALESCE(to_char(page.month, 'YYYY-MM'), '') || chr(2) || substr(page.body, 2) END,
               ',' ORDER BY page.on_date DESC, array_position(${STEP_ORDER}::text[], page.kind) DESC,
                            page.id COLLATE "C") AS events,
             string_agg(page.case_id::text, ',') AS case_ids,
             count(*) FILTER (WHERE page.part = 'assistance') AS assistance_events,
             count(*) FILTER (WHERE page.part = 'labour') AS labour_events,
             min(page.on_date) AS oldest
      FROM page) p`.execute(db);
}

/**
 * The person's timeline, one page, from the events kept per person: one statement, and when the
 * person's kept events are stale, their rebuild and the statement again.
 */
export async function loadChainTimeline(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
  window: ChainWindow,
): Promise<ChainTimeline> {
  let result = await readPage(db, principal, personId, today, window);
  let first = result.rows[0];
  if (!first) throw new AppError('NOT_FOUND');
  const facts = checkFacts(principal, first);
  if (first.stale && first.any_shown) {
    await rebuildChainEvents(db, principal.municipalityId, personId);
    result = await readPage(db, principal, personId, today, window);
    first = result.rows[0];
    if (!first) throw new AppError('NOT_FOUND');
  }
  return {
    facts,
    events: first.events ?? '',
    counts: { assistance: first.assistance_events, labour: first.labour_events },
    // Each once: a set here is cheaper than a second sort in the statement.
    caseIds: first.case_ids ? [...new Set(first.case_ids.split(','))] : [],
    nextBefore: first.more ? first.oldest : null,
  };
}
