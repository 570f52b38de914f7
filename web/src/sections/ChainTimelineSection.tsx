import { useChain, type Chain, type ChainEvent, type ChainPart } from '../api/chain.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { useCatalogue, useChainT } from '../chain-i18n.ts';
import { fill, useFormat, type Formatters } from '../i18n.ts';
import { labourPaths } from '../labour-i18n.ts';
import { oreToKronor } from '../money.ts';
import { assistancePaths } from '../paths.ts';
import { Link } from '../router.tsx';

const PARTS: readonly ChainPart[] = ['assistance', 'labour'];

/**
 * "Hela kedjan" on the person page: the person's way through financial assistance and the
 * labour-market unit on one timeline, newest first, the two parts side by side (a column each).
 * A part the user may not see is left empty, and the section says why.
 */
export function ChainTimelineSection({ personId }: { personId: string }) {
  const c = useChainT();
  const chain = useChain(personId);
  return (
    <section className="panel" aria-labelledby="person-chain">
      <h2 id="person-chain">{c.chain.title}</h2>
      <p className="section-intro">{c.chain.intro}</p>
      {chain.isPending ? <Loading /> : null}
      {chain.isError ? <ErrorMessage error={chain.error} onRetry={() => void chain.refetch()} /> : null}
      {chain.data ? (
        <ChainTable
          data={chain.data.pages[0]!}
          events={chain.data.pages.flatMap((page) => page.events)}
          more={chain.hasNextPage ? () => void chain.fetchNextPage() : null}
          loadingMore={chain.isFetchingNextPage}
        />
      ) : null}
    </section>
  );
}

function ChainTable({
  data,
  events,
  more,
  loadingMore,
}: {
  data: Chain;
  events: ChainEvent[];
  more: (() => void) | null;
  loadingMore: boolean;
}) {
  const c = useChainT();
  const format = useFormat();
  const withheld = PARTS.filter((part) => data.parts[part].message);
  const viaFlow = PARTS.some((part) => data.parts[part].because === 'flow');

  return (
    <>
      {withheld.map((part) => (
        <div className="notice notice-warning" key={part}>
          <p>{data.parts[part].message}</p>
        </div>
      ))}
      {viaFlow ? <p className="hint">{c.chain.viaFlow}</p> : null}
      {events.length === 0 ? (
        <Empty>{c.chain.empty}</Empty>
      ) : (
        <>
          <table className="table chain-table">
            <caption className="visually-hidden">{c.chain.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.chain.date}</th>
                <th scope="col">{c.chain.assistance}</th>
                <th scope="col">{c.chain.labour}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={`${event.part}:${event.kind}:${event.id}`} className={`chain-${event.part}`}>
                  <td className="cell-date">{format.date(event.date)}</td>
                  {PARTS.map((part) => (
                    <td key={part}>
                      {event.part === part ? (
                        <EventCell event={event} linked={data.parts[part].because === 'own_unit'} />
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="button-row">
            <span className="hint" role="status">
              {fill(more ? c.chain.shownNewest : c.chain.shownAll, { shown: events.length })}
            </span>
            {more ? (
              <button type="button" className="button-secondary" onClick={more} disabled={loadingMore}>
                {loadingMore ? c.chain.loadingOlder : c.chain.showOlder}
              </button>
            ) : null}
          </p>
        </>
      )}
    </>
  );
}

function EventCell({ event, linked }: { event: ChainEvent; linked: boolean }) {
  const c = useChainT();
  const catalogue = useCatalogue();
  const format = useFormat();
  const title = c.chain.kinds[event.kind] ?? event.kind;
  const target = !linked
    ? null
    : event.part === 'assistance' && event.caseId
      ? assistancePaths.case(event.caseId)
      : event.part === 'labour' && event.referralId
        ? labourPaths.referral(event.referralId)
        : null;
  const detail = describe(event, c, catalogue, format);
  return (
    <>
      {target ? <Link to={target}>{title}</Link> : <strong>{title}</strong>}
      {detail.map((line) => (
        <span className="cell-note" key={line}>
          {line}
        </span>
      ))}
    </>
  );
}

type Catalogue = ReturnType<typeof useCatalogue>;

function describe(
  event: ChainEvent,
  c: ReturnType<typeof useChainT>,
  catalogue: Catalogue,
  format: Formatters,
): string[] {
  const d = c.chain.details;
  const kronor = (ore: number | undefined) => format.kronor(oreToKronor(ore ?? 0));
  const month = event.month ? format.month(event.month) : '';
  const date = (value: string | undefined) => (value ? format.date(value) : '');
  const label = (labels: Record<string, string>, code: string | undefined) =>
    code === undefined ? null : (labels[code] ?? code);
  const labour = catalogue.labour;
  switch (event.kind) {
    case 'case_closed':
      return event.codeLabel ? [fill(d.exitReason, { reason: event.codeLabel })] : [];
    case 'application':
      return [fill(d.applicationMonth, { kind: event.codeLabel ?? '', month })];
    case 'decision':
      return [fill(d.decisionMonth, { amount: kronor(event.amountOre), month })];
    case 'payment':
      return [fill(d.paymentMonth, { amount: kronor(event.amountOre), month })];
    case 'reason_code':
      return [fill(d.reasonCode, { month, text: event.codeLabel ?? event.code ?? '' })];
    case 'referral':
      return [fill(d.initiator, { initiator: event.codeLabel ?? '' })];
    case 'intro_day':
      return [event.attended === undefined ? d.booked : event.attended ? d.attended : d.notAttended];
    case 'mapping':
      return [fill(d.capacity, { hours: event.hours ?? 0 })];
    case 'plan':
      return [
        fill((event.version ?? 1) > 1 ? d.planRevised : d.plan, {
          version: event.version ?? 1,
          from: date(event.from),
          to: date(event.to),
        }),
      ];
    case 'follow_up':
      return [fill(d.followUp, { version: event.version ?? 1 })];
    case 'placement':
      return [
        fill(d.placement, {
          name: event.name ?? '',
          kind: event.codeLabel ?? '',
          from: date(event.from),
          to: date(event.to),
          hours: event.hours ?? 0,
        }),
        label(labour.placementStatuses, event.status),
      ].filter((line): line is string => Boolean(line));
    case 'employment':
      return [
        fill(d.employment, {
          form: event.codeLabel ?? '',
          employer: event.name ?? '',
          from: date(event.from),
          to: date(event.to),
          hours: event.hours ?? 0,
        }),
        label(labour.employmentStatuses, event.status),
        label(labour.unionReviews, event.review),
      ].filter((line): line is string => Boolean(line));
    case 'exit':
      return [fill(d.result, { result: event.codeLabel ?? '' })];
    default:
      return [];
  }
}
