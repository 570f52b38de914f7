/**
 * The person's timeline read straight from the records, with no kept events: the definition the
 * kept timeline (chain-events.ts, read by loadChainTimeline) must always equal. The server reads
 * the kept events; this read is what tests compare them with.
 */
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import { eventsSql } from './chain-event-sources.ts';
import {
  chainAccess,
  mergeTimeline,
  pageOf,
  markedEvent,
  type ChainEvent,
  type ChainEventKind,
  type ChainPart,
} from '../domain/chain-timeline.ts';
import {
  checkFacts,
  shownSql,
  type ChainTimeline,
  type ChainWindow,
  type TimelineRow,
} from './chain-timeline.ts';

interface EventRow {
  part: ChainPart | null;
  kind: ChainEventKind;
  on_date: string;
  id: string;
  case_id: string | null;
  referral_id: string | null;
  month: string | null;
  code: string | null;
  status: string | null;
  review: string | null;
  name: string | null;
  amount: number | null;
  hours: number | null;
  version: number | null;
  attended: boolean | null;
  from_date: string | null;
  to_date: string | null;
}

function toEvent(part: ChainPart, row: EventRow): ChainEvent {
  return {
    part,
    kind: row.kind,
    date: row.on_date,
    id: row.id,
    caseId: row.case_id,
    referralId: row.referral_id,
    month: row.month ? row.month.slice(0, 7) : null,
    code: row.code,
    status: row.status,
    review: row.review,
    name: row.name,
    text: null,
    amountOre: row.amount === null ? null : Number(row.amount),
    hours: row.hours,
    version: row.version,
    attended: row.attended,
    from: row.from_date,
    to: row.to_date,
  };
}

/**
 * How far back the first read of a page looks: about two pages of a monthly assistance history
 * (an application, a decision, a payment and a reason code a month). When it holds no event older
 * than the page, the page is read again without a bound (to know whether older events exist).
 */
const FIRST_READ = sql`interval '2 years'`;

/**
 * One page in one statement: the access facts and which parts they let the user see
 * (`shownSql`), and those parts' events of the page. A part comes from the user's own unit (only
 * the cases the user may open) or, through the same authority or a standing information flow,
 * from the other unit (all the person's cases of that part). Nothing is read for a person the
 * user may not see.
 *
 * The page is cut from the events in the range read (`bounded`: the two years before `before`,
 * else all before it): the newest `limit` and the rest of the oldest day. `more` says the range
 * holds events older than the page.
 */
async function loadPage(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
  window: ChainWindow,
  bounded: boolean,
) {
  const m = principal.municipalityId;
  const before = window.before ?? '9999-12-31';
  const anchor = window.before ?? today;
  const lower = bounded ? sql`(${anchor}::date - ${FIRST_READ})::date` : sql`'-infinity'::date`;
  return await sql<TimelineRow & EventRow>`
    WITH ${shownSql(principal, personId, today)},
    cases AS MATERIALIZED (
      SELECT DISTINCT c.id, c.opened_on, c.closed_on, c.exit_reason
      FROM x
      JOIN household_member hm ON hm.municipality_id = ${m} AND hm.person_id = ${personId}
      JOIN client_case c ON c.municipality_id = hm.municipality_id AND c.household_id = hm.household_id
      WHERE x.a_shown AND c.kind = 'assistance'
        AND hm.valid_from <= COALESCE(c.closed_on, 'infinity'::date)
        AND COALESCE(hm.valid_to, 'infinity'::date) > c.opened_on
        AND (NOT x.a_own OR ${caseVisibleTo(principal, 'c')})
    ),
    k AS MATERIALIZED (
      SELECT ${m}::text AS m, ${personId}::uuid AS person, ${before}::date AS before, ${lower} AS from_date,
             COALESCE((SELECT array_agg(id) FROM cases), '{}')::uuid[] AS ids
    ),
    refs AS MATERIALIZED (
      SELECT r.municipality_id, r.id, r.case_id, r.initiator, r.referred_on, r.intro_day, r.intro_attended,
             r.exit_on, r.exit_result
      FROM x
      JOIN referral r ON r.municipality_id = ${m} AND r.person_id = ${personId}
      JOIN client_case c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
      WHERE x.l_shown AND (NOT x.l_own OR ${caseVisibleTo(principal, 'c')})
    ),
    plans AS MATERIALIZED (
      SELECT pl.municipality_id, pl.id, pl.referral_id, pl.version, pl.starts_on, pl.ends_on, pl.status
      FROM refs r JOIN personal_plan pl ON pl.municipality_id = r.municipality_id AND pl.referral_id = r.id
    ),
    recent AS MATERIALIZED (${eventsSql()}),
    cut AS (SELECT min(t.on_date) AS d
            FROM (SELECT on_date FROM recent ORDER BY on_date DESC LIMIT ${window.limit}) t),
    flags AS (SELECT EXISTS (SELECT 1 FROM recent, cut WHERE recent.on_date < cut.d) AS more),
    page AS (SELECT recent.* FROM recent, cut WHERE recent.on_date >= cut.d)
    SELECT x.protected_identity, x.visible, x.assigned, x.assistance_case, x.labour_case,
           x.separate_authority, x.assistance_to_labour, x.labour_to_assistance,
           x.a_shown OR x.l_shown AS any_shown, false AS stale, flags.more, page.*
    FROM x CROSS JOIN flags LEFT JOIN page ON true`.execute(db);
}

/**
 * One page of the person's timeline straight from the records, cut and ordered by the domain's
 * rules (`mergeTimeline`, `pageOf`): usually one statement reading the
 * two years before the page; a second, unbounded one when those years hold no event older than
 * the page (a sparse recent history, or the last page), so that `hasMore` is exact.
 */
export async function loadChainTimelineDirect(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
  window: ChainWindow,
): Promise<ChainTimeline> {
  let result = await loadPage(db, principal, personId, today, window, true);
  let first = result.rows[0];
  if (!first) throw new AppError('NOT_FOUND');
  const facts = checkFacts(principal, first);
  if (first.any_shown && !first.more) {
    result = await loadPage(db, principal, personId, today, window, false);
    first = result.rows[0];
    if (!first) throw new AppError('NOT_FOUND');
  }
  const events = result.rows.flatMap((row) => (row.part === null ? [] : [toEvent(row.part, row)]));
  const parts = { assistance: events, labour: events };
  const page = pageOf(mergeTimeline(chainAccess(facts), parts), window.limit, first.more);
  const caseIds = new Set(page.events.flatMap((event) => (event.caseId ? [event.caseId] : [])));
  const count = (part: ChainPart) => page.events.filter((event) => event.part === part).length;
  return {
    facts,
    events: page.events.map(markedEvent).join(','),
    counts: { assistance: count('assistance'), labour: count('labour') },
    caseIds: [...caseIds],
    nextBefore: page.nextBefore,
  };
}
