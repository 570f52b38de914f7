import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints.ts';
import { queryKeys, useAlerts } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Heading, type HeadingLevel } from '../components/Page.tsx';
import { fill, useFormat, useT } from '../i18n.ts';
import { Link } from '../router.tsx';

/** The unit manager's notifications about opened protected identities, with acknowledgement. */
export function AlertsSection({ level }: { level: HeadingLevel }) {
  const t = useT();
  const format = useFormat();
  const alerts = useAlerts();
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: api.acknowledgeAlert,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.alerts }),
  });

  const items = [...(alerts.data?.items ?? [])].sort(
    (a, b) =>
      Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
      b.createdAt.localeCompare(a.createdAt),
  );
  const waiting = items.filter((item) => item.acknowledgedAt === null).length;

  return (
    <section className="panel" aria-labelledby="section-alerts">
      <div className="panel-head">
        <Heading level={level} id="section-alerts">
          {t.alerts.title}
        </Heading>
        {alerts.data ? (
          <span className={waiting > 0 ? 'panel-meta panel-meta-attention' : 'panel-meta'}>
            {fill(t.alerts.unacknowledgedCount, { count: waiting })}
          </span>
        ) : null}
      </div>
      <p className="section-intro">{t.alerts.intro}</p>
      {alerts.isPending ? <Loading /> : null}
      {alerts.isError ? <ErrorMessage error={alerts.error} onRetry={() => void alerts.refetch()} /> : null}
      {acknowledge.isError ? <ErrorMessage error={acknowledge.error} /> : null}
      {alerts.data && items.length === 0 ? <Empty>{t.alerts.empty}</Empty> : null}
      {items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t.alerts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.alerts.when}</th>
              <th scope="col">{t.alerts.actor}</th>
              <th scope="col">{t.alerts.purpose}</th>
              <th scope="col">{t.alerts.person}</th>
              <th scope="col">{t.alerts.status}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((alert) => {
              const time = format.dateTime(alert.createdAt);
              return (
                <tr key={alert.id} className={alert.acknowledgedAt ? 'row-muted' : undefined}>
                  <td className="cell-date">{time}</td>
                  <td>{alert.actorName}</td>
                  <td>{alert.purposeLabel}</td>
                  <td>
                    <Link to={`/logg?personId=${encodeURIComponent(alert.personId)}`}>
                      {t.alerts.personLog}
                    </Link>
                  </td>
                  <td className="cell-action">
                    {alert.acknowledgedAt ? (
                      fill(t.alerts.acknowledged, { time: format.dateTime(alert.acknowledgedAt) })
                    ) : (
                      <button
                        type="button"
                        aria-label={fill(t.alerts.acknowledgeLabel, { actor: alert.actorName, time })}
                        disabled={acknowledge.isPending && acknowledge.variables === alert.id}
                        onClick={() => acknowledge.mutate(alert.id)}
                      >
                        {t.alerts.acknowledge}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <p>
        <Link to="/logg">{t.alerts.auditLink}</Link>
      </p>
    </section>
  );
}
