import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { REFERRAL_INITIATORS } from '../../../../src/labour/domain/terms.ts';
import type { ReferralInitiator } from '../../api/labour-referral-types.ts';
import { labourReferralApi, labourReferralKeys, useReferrals } from '../../api/labour-referrals.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useFormat, useT } from '../../i18n.ts';
import { labourPaths, useLabourLabels, useLabourT } from '../../labour-i18n.ts';
import { Link } from '../../router.tsx';
import { useHasPermission } from '../../session.tsx';
import { DateField, SelectField, TextAreaField, TextField } from './LabourFields.tsx';

/** /jobb/deltagare — the unit's participants, with a form for a new referral. */
export function ParticipantsPage() {
  const l = useLabourT();
  const canWrite = useHasPermission('labour:write');
  return (
    <Page title={l.participants.title} intro={l.participants.intro}>
      <ParticipantList />
      {canWrite ? <NewReferralForm /> : null}
    </Page>
  );
}

function ParticipantList() {
  const l = useLabourT();
  const t = useT();
  const format = useFormat();
  const texts = l.participants;
  const headingId = useId();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState<{ status: 'open' | 'closed'; q?: string }>({ status: 'open' });
  const list = useReferrals(query);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts.caption}</h2>
      <form
        className="inline-form"
        aria-label={texts.filters}
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ status, ...(q.trim() ? { q: q.trim() } : {}) });
        }}
      >
        <SelectField label={texts.status} value={status} onChange={(v) => setStatus(v as 'open' | 'closed')}>
          <option value="open">{texts.statusOpen}</option>
          <option value="closed">{texts.statusClosed}</option>
        </SelectField>
        <TextField label={texts.search} value={q} onChange={setQ} />
        <p className="button-row">
          <button type="submit">{texts.apply}</button>
        </p>
      </form>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-scroll" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{texts.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.name}</th>
                <th scope="col">{texts.initiator}</th>
                <th scope="col">{texts.referredOn}</th>
                <th scope="col">{texts.introDay}</th>
                <th scope="col" className="cell-number">
                  {texts.capacity}
                </th>
                <th scope="col">{texts.plan}</th>
                <th scope="col">{texts.statusColumn}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link
                      to={labourPaths.referral(item.id)}
                      aria-label={fill(texts.toReferral, { name: item.person.name ?? t.protectedIdentity })}
                    >
                      <PersonName name={item.person.name} protectedIdentity={item.person.protectedIdentity} />
                    </Link>
                  </td>
                  <td>{item.initiatorLabel}</td>
                  <td className="cell-date">{format.date(item.referredOn)}</td>
                  <td className="cell-date">{item.introDay ? format.date(item.introDay) : t.common.none}</td>
                  <td className="cell-number">
                    {item.capacityHours === null
                      ? t.common.none
                      : fill(l.mapping.capacityValue, { hours: item.capacityHours })}
                  </td>
                  <td>
                    {item.activePlan
                      ? `${item.activePlan.goal} (${format.date(item.activePlan.startsOn)}–${format.date(item.activePlan.endsOn)})`
                      : t.common.none}
                  </td>
                  <td>
                    {item.status === 'open'
                      ? texts.open
                      : fill(texts.closed, { result: item.exitResultLabel ?? '' })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** A referral from outside (Arbetsförmedlingen, Försäkringskassan, the individual…) by personnummer. */
function NewReferralForm() {
  const l = useLabourT();
  const labels = useLabourLabels();
  const format = useFormat();
  const texts = l.participants.newReferral;
  const headingId = useId();
  const queryClient = useQueryClient();
  const [personalNumber, setPersonalNumber] = useState('');
  const [initiator, setInitiator] = useState<ReferralInitiator | ''>('');
  const [ownerName, setOwnerName] = useState('');
  const [referredOn, setReferredOn] = useState(swedishToday());
  const [reason, setReason] = useState('');
  const create = useMutation({
    mutationFn: () =>
      labourReferralApi.createReferral({
        personalNumber: personalNumber.trim(),
        initiator: initiator as ReferralInitiator,
        ownerName: ownerName.trim(),
        referredOn,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    onSuccess: async () => {
      setPersonalNumber('');
      setOwnerName('');
      setReason('');
      setInitiator('');
      await queryClient.invalidateQueries({ queryKey: labourReferralKeys.all });
    },
  });
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts.title}</h2>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {create.isSuccess ? (
        <SuccessMessage>
          {fill(texts.done, { date: create.data.introDay ? format.date(create.data.introDay) : '–' })}{' '}
          <Link to={labourPaths.referral(create.data.id)}>{l.referral.loadingTitle}</Link>
        </SuccessMessage>
      ) : null}
      <form
        className="form-panel"
        aria-label={texts.title}
        onSubmit={(event) => {
          event.preventDefault();
          if (initiator === '') return;
          create.mutate();
        }}
      >
        <div className="form-grid">
          <TextField
            label={texts.personalNumber}
            value={personalNumber}
            onChange={setPersonalNumber}
            required
            hint={texts.personalNumberHint}
          />
          <SelectField
            label={texts.initiator}
            value={initiator}
            onChange={(v) => setInitiator(v as ReferralInitiator | '')}
            required
          >
            <option value="">{texts.choose}</option>
            {REFERRAL_INITIATORS.map((code) => (
              <option key={code} value={code}>
                {labels.initiators[code]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={texts.ownerName}
            value={ownerName}
            onChange={setOwnerName}
            required
            maxLength={200}
          />
          <DateField label={texts.referredOn} value={referredOn} onChange={setReferredOn} required />
        </div>
        <TextAreaField label={texts.reason} value={reason} onChange={setReason} />
        <p className="button-row">
          <button type="submit" disabled={create.isPending || initiator === ''}>
            {texts.submit}
          </button>
        </p>
      </form>
    </section>
  );
}
