import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { usePerson, usePurposes } from '../api/queries.ts';
import type { Person } from '../api/types.ts';
import { ApiErrorPage } from '../components/ApiErrorPage.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Page } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { fill, useFormat, useT } from '../i18n.ts';
import { assistancePaths } from '../paths.ts';
import { Link } from '../router.tsx';
import { useHasPermission } from '../session.tsx';
import { ChainTimelineSection } from '../sections/ChainTimelineSection.tsx';
import { InformationFlowSection } from '../sections/InformationFlowSection.tsx';

const PURPOSE_REQUIRED = 'PROTECTED_IDENTITY_PURPOSE_REQUIRED';

/**
 * /personer/:id. A person with protected identity is only shown after the user states a
 * purpose; the opened record is kept in this component only (not in the query cache).
 */
export function PersonPage({ id }: { id: string }) {
  const t = useT();
  const person = usePerson(id);
  const [opened, setOpened] = useState<Person | null>(null);

  if (opened) return <PersonView person={opened} />;
  if (person.isPending) {
    return (
      <Page title={t.person.title}>
        <Loading />
      </Page>
    );
  }
  if (person.isError) {
    if (person.error instanceof ApiError && person.error.code === PURPOSE_REQUIRED) {
      return <ProtectedAccessForm id={id} detail={person.error.detail} onOpened={setOpened} />;
    }
    return <ApiErrorPage error={person.error} title={t.person.title} onRetry={() => void person.refetch()} />;
  }
  return <PersonView person={person.data} />;
}

function ProtectedAccessForm({
  id,
  detail,
  onOpened,
}: {
  id: string;
  detail: string;
  onOpened: (person: Person) => void;
}) {
  const t = useT();
  const purposes = usePurposes();
  const canSearch = useHasPermission('person:search');
  const [purpose, setPurpose] = useState('');
  const [missing, setMissing] = useState(false);
  const selectId = useId();
  const errorId = useId();
  const noticeId = useId();
  const open = useMutation({
    mutationFn: (code: string) => api.openProtectedPerson(id, code),
    onSuccess: onOpened,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (purpose === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    open.mutate(purpose);
  };

  return (
    <Page title={t.protectedAccess.title}>
      <div className="notice notice-warning">
        <p>{detail}</p>
      </div>
      {purposes.isPending ? <Loading /> : null}
      {purposes.isError ? (
        <ErrorMessage error={purposes.error} onRetry={() => void purposes.refetch()} />
      ) : null}
      {purposes.data ? (
        <form className="form-panel form-narrow" onSubmit={onSubmit} noValidate>
          {open.isError ? <ErrorMessage error={open.error} /> : null}
          <div className="field">
            <label htmlFor={selectId}>{t.protectedAccess.purpose}</label>
            <select
              id={selectId}
              value={purpose}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${noticeId} ${errorId}` : noticeId}
              onChange={(event) => setPurpose(event.target.value)}
            >
              <option value="">{t.protectedAccess.choose}</option>
              {purposes.data.items.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.label}
                </option>
              ))}
            </select>
            {missing ? (
              <span className="field-error" id={errorId}>
                {t.protectedAccess.purposeRequired}
              </span>
            ) : null}
          </div>
          <p className="hint" id={noticeId}>
            {t.protectedAccess.notice}
          </p>
          <p className="button-row">
            <button type="submit" className="button-primary" disabled={open.isPending}>
              {open.isPending ? t.protectedAccess.submitting : t.protectedAccess.submit}
            </button>
            <Link to={canSearch ? '/personer' : '/'}>{t.protectedAccess.cancel}</Link>
          </p>
        </form>
      ) : null}
    </Page>
  );
}

function PersonView({ person }: { person: Person }) {
  const t = useT();
  const format = useFormat();
  const canSearch = useHasPermission('person:search');
  const canAudit = useHasPermission('audit:search');
  const canReadAssistance = useHasPermission('assistance:read');
  const name = `${person.firstName} ${person.lastName}`;

  return (
    <Page title={name}>
      {person.protectedIdentity ? (
        <div className="notice notice-warning">
          <p>
            <span className="badge badge-protected">{t.person.protectedBadge}</span>{' '}
            {t.person.protectedOpened}
          </p>
        </div>
      ) : null}
      <p className="page-links">
        {canSearch ? <Link to="/personer">{t.person.backToSearch}</Link> : null}
        {canAudit ? (
          <Link to={`/logg?personId=${encodeURIComponent(person.id)}`}>{t.person.auditLink}</Link>
        ) : null}
      </p>

      <section className="panel" aria-labelledby="person-details">
        <h2 id="person-details">{t.person.details}</h2>
        <dl className="details">
          <div>
            <dt>{t.person.personalNumber}</dt>
            <dd className="nowrap">{person.personalNumber}</dd>
          </div>
          <div>
            <dt>{t.person.numberKind}</dt>
            <dd>{t.person.numberKinds[person.numberKind] ?? person.numberKind}</dd>
          </div>
          <div>
            <dt>{t.person.birthDate}</dt>
            <dd>{format.date(person.birthDate)}</dd>
          </div>
          <div>
            <dt>{t.person.sex}</dt>
            <dd>{t.person.sexes[person.sex] ?? person.sex}</dd>
          </div>
          <div className="details-wide">
            <dt>{t.person.address}</dt>
            <dd>
              {person.address
                ? `${person.address.street}, ${person.address.postalCode} ${person.address.city}`
                : t.person.noAddress}
            </dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="person-households">
        <h2 id="person-households">{t.person.households}</h2>
        {person.households.length === 0 ? <Empty>{t.person.noHouseholds}</Empty> : null}
        {person.households.map((household, index) => {
          const headingId = `household-${household.id}`;
          const members = [...household.members].sort(
            (a, b) => a.validFrom.localeCompare(b.validFrom) || a.role.localeCompare(b.role),
          );
          return (
            <div className="subsection" key={household.id}>
              <h3 id={headingId}>{fill(t.person.household, { n: index + 1 })}</h3>
              <table className="table" aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{t.person.member}</th>
                    <th scope="col">{t.person.memberRole}</th>
                    <th scope="col">{t.person.validFrom}</th>
                    <th scope="col">{t.person.validTo}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((member) => (
                    <tr
                      key={`${member.personId}:${member.validFrom}`}
                      className={member.validTo ? 'row-muted' : undefined}
                    >
                      <td>
                        {member.personId === person.id ? (
                          <strong>{name}</strong>
                        ) : (
                          <Link to={`/personer/${encodeURIComponent(member.personId)}`}>
                            <PersonName name={member.name} />
                          </Link>
                        )}
                      </td>
                      <td>{t.person.memberRoles[member.role] ?? member.role}</td>
                      <td className="cell-date">{format.date(member.validFrom)}</td>
                      <td className="cell-date">
                        {member.validTo ? format.date(member.validTo) : t.person.ongoing}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>

      <section className="panel" aria-labelledby="person-cases">
        <h2 id="person-cases">{t.person.cases}</h2>
        {person.cases.length === 0 ? (
          <Empty>{t.person.noCases}</Empty>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t.person.casesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.person.kind}</th>
                <th scope="col">{t.person.unit}</th>
                <th scope="col">{t.person.openedOn}</th>
                <th scope="col">{t.person.closedOn}</th>
              </tr>
            </thead>
            <tbody>
              {person.cases.map((item) => (
                <tr key={item.id} className={item.closedOn ? 'row-muted' : undefined}>
                  <td>
                    {item.kind === 'assistance' && canReadAssistance ? (
                      <Link to={assistancePaths.case(item.id)}>{t.caseKind[item.kind]}</Link>
                    ) : (
                      (t.caseKind[item.kind] ?? item.kind)
                    )}
                  </td>
                  <td>{item.unitName}</td>
                  <td className="cell-date">{format.date(item.openedOn)}</td>
                  <td className="cell-date">{item.closedOn ? format.date(item.closedOn) : t.common.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <InformationFlowSection personId={person.id} />
      <ChainTimelineSection personId={person.id} />
    </Page>
  );
}
