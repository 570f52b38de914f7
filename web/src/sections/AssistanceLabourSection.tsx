import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CaseLabour } from '../api/labour-referral-types.ts';
import { labourReferralApi, labourReferralKeys, useCaseLabour } from '../api/labour-referrals.ts';
import type { AssistanceCase } from '../api/types.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { fill, useFormat, useT } from '../i18n.ts';
import { useLabourLabels, useLabourT } from '../labour-i18n.ts';
import { SelectField, TextAreaField } from '../pages/labour/LabourFields.tsx';
import { useHasPermission } from '../session.tsx';

/**
 * "Arbetsmarknadsenheten" on the assistance case: the household members' referrals with the
 * introduction day (progress only where the person's consent or a legal basis lets the unit tell),
 * the unit's notices to acknowledge, registration with Arbetsförmedlingen, and referring an adult.
 */
export function AssistanceLabourSection({ data, canWrite }: { data: AssistanceCase; canWrite: boolean }) {
  const l = useLabourT();
  const labour = useCaseLabour(data.id);
  const headingId = useId();
  const canRefer = useHasPermission('labour:refer');
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{l.caseSection.title}</h2>
      {labour.isPending ? <Loading /> : null}
      {labour.isError ? <ErrorMessage error={labour.error} onRetry={() => void labour.refetch()} /> : null}
      {labour.data ? (
        <>
          <Notices caseId={data.id} labour={labour.data} canWrite={canWrite} />
          <Referrals labour={labour.data} />
          <Registration labour={labour.data} />
          {canRefer && data.closedOn === null ? <ReferForm caseId={data.id} labour={labour.data} /> : null}
        </>
      ) : null}
    </section>
  );
}

function Referrals({ labour }: { labour: CaseLabour }) {
  const l = useLabourT();
  const t = useT();
  const format = useFormat();
  const texts = l.caseSection;
  if (labour.referrals.length === 0) return <Empty>{texts.empty}</Empty>;
  return (
    <table className="table">
      <caption>{texts.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{texts.person}</th>
          <th scope="col">{texts.initiator}</th>
          <th scope="col">{texts.referredOn}</th>
          <th scope="col">{texts.introDay}</th>
          <th scope="col">{texts.status}</th>
          <th scope="col">{texts.progress}</th>
        </tr>
      </thead>
      <tbody>
        {labour.referrals.map((referral) => (
          <tr key={referral.id}>
            <td>
              <PersonName name={referral.person.name} protectedIdentity={referral.person.protectedIdentity} />
            </td>
            <td>{referral.initiatorLabel}</td>
            <td className="cell-date">{format.date(referral.referredOn)}</td>
            <td className="cell-date">
              {referral.introDay ? format.date(referral.introDay) : t.common.none}
            </td>
            <td>{referral.status === 'open' ? texts.open : texts.closed}</td>
            <td>
              {referral.progress === null ? (
                <span className="cell-note">{texts.noProgress}</span>
              ) : (
                <ul className="plain-list">
                  {referral.progress.capacityHours !== null ? (
                    <li>{fill(texts.capacity, { hours: referral.progress.capacityHours })}</li>
                  ) : null}
                  {referral.progress.plan ? (
                    <li>
                      {fill(texts.plan, {
                        goal: referral.progress.plan.goal,
                        from: format.date(referral.progress.plan.startsOn),
                        to: format.date(referral.progress.plan.endsOn),
                      })}
                    </li>
                  ) : null}
                  {referral.progress.exitResultLabel ? (
                    <li>{fill(texts.exitResult, { result: referral.progress.exitResultLabel })}</li>
                  ) : null}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Notices({ caseId, labour, canWrite }: { caseId: string; labour: CaseLabour; canWrite: boolean }) {
  const l = useLabourT();
  const labels = useLabourLabels();
  const t = useT();
  const format = useFormat();
  const texts = l.caseSection;
  const headingId = useId();
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: (id: string) => labourReferralApi.acknowledgeNotice(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labourReferralKeys.caseLabour(caseId) }),
  });
  return (
    <div className="subsection" role="region" aria-labelledby={headingId}>
      <h3 id={headingId}>{texts.notices}</h3>
      {acknowledge.isError ? <ErrorMessage error={acknowledge.error} /> : null}
      {acknowledge.isSuccess ? <SuccessMessage>{texts.acknowledged}</SuccessMessage> : null}
      {labour.notices.length === 0 ? (
        <Empty>{texts.noNotices}</Empty>
      ) : (
        <ul className="plain-list">
          {labour.notices.map((notice) => {
            const person = notice.person.name ?? t.protectedIdentity;
            const result =
              notice.kind === 'exit' && typeof notice.detail.result === 'string'
                ? ((labels.exitResults as Record<string, string>)[notice.detail.result] ??
                  notice.detail.result)
                : null;
            return (
              <li key={notice.id}>
                {fill(texts.notice, { kind: notice.kindLabel, person, date: format.date(notice.createdAt) })}
                {result ? <> · {result}</> : null}{' '}
                {canWrite ? (
                  <button
                    type="button"
                    className="button-small button-secondary"
                    aria-label={fill(texts.acknowledgeLabel, { kind: notice.kindLabel, person })}
                    disabled={acknowledge.isPending}
                    onClick={() => acknowledge.mutate(notice.id)}
                  >
                    {texts.acknowledge}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Registration({ labour }: { labour: CaseLabour }) {
  const l = useLabourT();
  const t = useT();
  const texts = l.caseSection;
  const headingId = useId();
  if (labour.adults.length === 0) return null;
  return (
    <div className="subsection" role="region" aria-labelledby={headingId}>
      <h3 id={headingId}>{texts.flags}</h3>
      <ul className="plain-list">
        {labour.adults.map((adult) => {
          const person = adult.person.name ?? t.protectedIdentity;
          return adult.flagged ? (
            <li key={adult.person.id} className="notice notice-warning">
              {fill(texts.flagged, { person })}
            </li>
          ) : adult.registered ? (
            <li key={adult.person.id}>{fill(texts.registered, { person })}</li>
          ) : null;
        })}
      </ul>
    </div>
  );
}

function ReferForm({ caseId, labour }: { caseId: string; labour: CaseLabour }) {
  const l = useLabourT();
  const t = useT();
  const format = useFormat();
  const texts = l.caseSection.refer;
  const queryClient = useQueryClient();
  const candidates = labour.adults.filter((adult) => !adult.openReferral);
  const [personId, setPersonId] = useState('');
  const [reason, setReason] = useState('');
  const refer = useMutation({
    mutationFn: () =>
      labourReferralApi.referFromCase(caseId, {
        personId,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    onSuccess: async () => {
      setPersonId('');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: labourReferralKeys.caseLabour(caseId) });
    },
  });
  if (candidates.length === 0 && !refer.isSuccess) return null;
  return (
    <form
      className="form-panel"
      aria-label={texts.title}
      onSubmit={(event) => {
        event.preventDefault();
        if (personId !== '') refer.mutate();
      }}
    >
      <h3>{texts.title}</h3>
      {refer.isError ? <ErrorMessage error={refer.error} /> : null}
      {refer.isSuccess ? (
        <SuccessMessage>
          {fill(texts.done, { date: refer.data.introDay ? format.date(refer.data.introDay) : t.common.none })}
        </SuccessMessage>
      ) : null}
      {candidates.length > 0 ? (
        <>
          <SelectField label={texts.person} value={personId} onChange={setPersonId} required>
            <option value="">{texts.choose}</option>
            {candidates.map((adult) => (
              <option key={adult.person.id} value={adult.person.id}>
                {adult.person.name ?? t.protectedIdentity}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={texts.reason} value={reason} onChange={setReason} />
          <p className="button-row">
            <button type="submit" disabled={refer.isPending || personId === ''}>
              {texts.submit}
            </button>
          </p>
        </>
      ) : null}
    </form>
  );
}
