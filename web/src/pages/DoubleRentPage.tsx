import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { DoubleRentClaim, DoubleRentGroup } from '../api/control-types.ts';
import { controlApi } from '../api/endpoints.ts';
import { controlKeys, useDoubleRent } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { describedBy, FieldMessage } from '../components/FieldError.tsx';
import { Page } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { swedishToday } from '../dates.ts';
import { fill, useControlT, useFormat, useT, type ControlTexts } from '../i18n.ts';
import { oreToKronor } from '../money.ts';
import { assistancePaths, controlPaths } from '../paths.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useHasPermission } from '../session.tsx';

/**
 * /kontroll/dubbla-hyror(?manad=YYYY-MM) — households claiming rent for the same flat in the same
 * month. A household with protected identity is never named, and its address never shown; the
 * investigator can open an investigation of double rent on a case from here.
 */
export function DoubleRentPage() {
  const c = useControlT();
  const { search } = useLocation();
  const param = search.get('manad');
  const month = param && /^\d{4}-(0[1-9]|1[0-2])$/.test(param) ? param : swedishToday().slice(0, 7);

  return (
    <Page title={c.doubleRent.title} intro={c.doubleRent.intro}>
      <MonthForm key={month} month={month} />
      <Groups month={month} />
    </Page>
  );
}

function MonthForm({ month }: { month: string }) {
  const c = useControlT();
  const texts = c.doubleRent;
  const ids = { month: useId(), error: useId() };
  const [value, setValue] = useState(month);
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = /^\d{4}-\d{2}$/.test(value);
    setMissing(!valid);
    if (valid) navigate(controlPaths.doubleRentMonth(value));
  };
  return (
    <form className="form-panel" aria-label={texts.title} onSubmit={onSubmit} noValidate>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={ids.month}>{texts.month}</label>
          <input
            id={ids.month}
            type="month"
            value={value}
            aria-invalid={missing || undefined}
            aria-describedby={describedBy(missing && ids.error)}
            onChange={(event) => setValue(event.target.value)}
          />
          <FieldMessage id={ids.error} messages={missing ? [texts.monthRequired] : []} />
        </div>
        <button type="submit">{texts.show}</button>
      </div>
    </form>
  );
}

function Groups({ month }: { month: string }) {
  const c = useControlT();
  const format = useFormat();
  const texts = c.doubleRent;
  const check = useDoubleRent(month);
  const monthText = format.month(month);

  if (check.isPending) return <Loading />;
  if (check.isError) return <ErrorMessage error={check.error} onRetry={() => void check.refetch()} />;
  const { groups } = check.data;
  if (groups.length === 0) return <Empty>{fill(texts.none, { month: monthText })}</Empty>;
  return (
    <>
      <p>{fill(texts.count, { month: monthText, count: groups.length })}</p>
      {groups.map((group, index) => (
        <GroupPanel key={groupKey(group, index)} group={group} month={month} />
      ))}
    </>
  );
}

const groupKey = (group: DoubleRentGroup, index: number) =>
  [group.address, group.apartment, group.contract, index].join('|');

function placeOf(group: DoubleRentGroup, texts: ControlTexts['doubleRent']): string {
  const parts: string[] = [];
  if (group.address) {
    parts.push(
      group.apartment
        ? fill(texts.place, { address: group.address, apartment: group.apartment })
        : group.address,
    );
  }
  if (group.contract) parts.push(fill(texts.contract, { contract: group.contract }));
  return parts.length > 0 ? parts.join(' · ') : texts.hiddenPlace;
}

function GroupPanel({ group, month }: { group: DoubleRentGroup; month: string }) {
  const c = useControlT();
  const format = useFormat();
  const texts = c.doubleRent;
  const headingId = useId();
  const place = placeOf(group, texts);
  const keys = group.matchedBy.map((key) => texts.keys[key]).join(', ');

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{place}</h2>
        <span className="panel-meta">{fill(texts.matchedBy, { keys })}</span>
      </div>
      <table className="table">
        <caption className="visually-hidden">{fill(texts.caption, { place })}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.applicant}</th>
            <th scope="col">{texts.unit}</th>
            <th scope="col" className="cell-number">
              {texts.rent}
            </th>
            <th scope="col">{texts.action}</th>
          </tr>
        </thead>
        <tbody>
          {group.claims.map((claim, index) => (
            <tr key={claim.applicationId ?? `hidden-${index}`}>
              <td>
                <ClaimName claim={claim} />
              </td>
              <td>{claim.unitName ?? texts.hidden}</td>
              <td className="cell-number">{format.kronor(oreToKronor(claim.rentOre))}</td>
              <td className="cell-action">
                <ClaimActions claim={claim} month={month} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ClaimName({ claim }: { claim: DoubleRentClaim }) {
  const c = useControlT();
  if (claim.protectedIdentity || claim.applicantName !== null) {
    return <PersonName name={claim.protectedIdentity ? null : claim.applicantName} />;
  }
  return <span className="cell-note">{c.doubleRent.otherUnit}</span>;
}

function ClaimActions({ claim, month }: { claim: DoubleRentClaim; month: string }) {
  const t = useT();
  const c = useControlT();
  const texts = c.doubleRent;
  const canInvestigate = useHasPermission('investigation:manage');
  const canRead = useHasPermission('assistance:read');
  const queryClient = useQueryClient();
  const caseId = claim.caseId;
  const open = useMutation({
    mutationFn: (id: string) => {
      // The period starts with the month when it has begun; otherwise the server takes it from the
      // day the case opened. It ends today (the server's day).
      const monthStart = `${month}-01`;
      return controlApi.openInvestigation(id, {
        suspicion: 'double_rent',
        ...(monthStart <= swedishToday() ? { periodFrom: monthStart } : {}),
      });
    },
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: controlKeys.all });
      navigate(controlPaths.investigation(id));
    },
  });
  if (!caseId || !claim.inMyUnits) return null;
  const who = claim.applicantName ?? (claim.protectedIdentity ? texts.protectedWho : t.protectedIdentity);

  return (
    <div className="button-group">
      {canRead ? (
        <Link to={assistancePaths.case(caseId)} aria-label={fill(texts.toCaseLabel, { who })}>
          {texts.toCase}
        </Link>
      ) : null}
      {canInvestigate ? (
        <button
          type="button"
          className="button-secondary button-small"
          aria-label={fill(texts.openInvestigationLabel, { who })}
          disabled={open.isPending}
          onClick={() => open.mutate(caseId)}
        >
          {open.isPending ? texts.opening : texts.openInvestigation}
        </button>
      ) : null}
      {open.isError ? <ErrorMessage error={open.error} /> : null}
    </div>
  );
}
