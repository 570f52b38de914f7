import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { queryKeys } from '../api/queries.ts';
import type { AssistanceCase, NewBankAccount } from '../api/types.ts';
import { Empty, ErrorMessage, SuccessMessage } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { fill, useCaseworkT, useT } from '../i18n.ts';

type Account = AssistanceCase['bankAccounts'][number];

const STATUS_ORDER: Record<Account['status'], number> = { pending: 0, approved: 1, rejected: 2, replaced: 3 };

/** Spaces, dashes and dots are how account numbers are often written; the number is the digits. */
const digits = (value: string) => value.replace(/[\s.-]/g, '');

/**
 * "Bankkonto": the accounts of the household's adults (masked), newest request first. A new account
 * applies only once someone other than the one who registered it has approved it (four eyes).
 */
export function BankAccountSection({ data, canWrite }: { data: AssistanceCase; canWrite: boolean }) {
  const w = useCaseworkT();
  const texts = w.bankAccounts;
  const queryClient = useQueryClient();
  const [approved, setApproved] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.assistanceCase(data.id), exact: true });
  const approve = useMutation({
    mutationFn: (account: Account) => api.approveBankAccount(account.id),
    onMutate: () => setApproved(null),
    onSuccess: (_result, account) => {
      setApproved(fill(texts.approved, { account: account.account }));
      void refresh();
    },
  });
  const accounts = [...data.bankAccounts].sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status]);
  const holder = (personId: string) => data.members.find((member) => member.personId === personId);
  const showActions =
    canWrite && accounts.some((account) => account.status === 'pending' && !account.requestedByMe);

  return (
    <section className="panel" aria-labelledby="case-bank-accounts">
      <h2 id="case-bank-accounts">{texts.title}</h2>
      <p className="section-intro">{texts.intro}</p>
      {approved ? <SuccessMessage>{approved}</SuccessMessage> : null}
      {approve.isError ? <ErrorMessage error={approve.error} /> : null}
      {accounts.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.holder}</th>
              <th scope="col">{texts.account}</th>
              <th scope="col">{texts.status}</th>
              {showActions ? (
                <th scope="col" className="cell-action">
                  {texts.actions}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const person = holder(account.personId);
              return (
                <tr key={account.id} className={account.status === 'replaced' ? 'row-muted' : undefined}>
                  <td>
                    <PersonName name={person?.name ?? null} protectedIdentity={person?.protectedIdentity} />
                  </td>
                  <td className="nowrap">{account.account}</td>
                  <td>
                    {account.status === 'pending' ? (
                      <span className="badge badge-draft">{texts.statuses.pending}</span>
                    ) : account.status === 'approved' ? (
                      <span className="badge badge-signed">{texts.statuses.approved}</span>
                    ) : (
                      texts.statuses[account.status]
                    )}
                    {account.status === 'pending' && account.requestedByMe ? (
                      <span className="cell-note">{texts.requestedByYou}</span>
                    ) : null}
                  </td>
                  {showActions ? (
                    <td className="cell-action">
                      {account.status === 'pending' && !account.requestedByMe ? (
                        <button
                          type="button"
                          className="button-small"
                          aria-label={fill(texts.approveLabel, { account: account.account })}
                          disabled={approve.isPending}
                          onClick={() => approve.mutate(account)}
                        >
                          {approve.isPending && approve.variables?.id === account.id
                            ? texts.approving
                            : texts.approve}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canWrite && data.closedOn === null ? <NewAccountForm data={data} onCreated={refresh} /> : null}
    </section>
  );
}

function NewAccountForm({ data, onCreated }: { data: AssistanceCase; onCreated: () => Promise<void> }) {
  const t = useT();
  const w = useCaseworkT();
  const texts = w.bankAccounts.form;
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  const adults = data.members.filter(
    (member) => member.role === 'applicant' || member.role === 'co_applicant',
  );
  const [personId, setPersonId] = useState(adults[0]?.personId ?? '');
  const [clearing, setClearing] = useState('');
  const [number, setNumber] = useState('');
  const [local, setLocal] = useState<{ clearing?: string; number?: string }>({});
  const [created, setCreated] = useState(false);
  const create = useMutation({
    mutationFn: (account: NewBankAccount) => api.requestBankAccount(account),
    onMutate: () => setCreated(false),
    onSuccess: () => {
      setCreated(true);
      setClearing('');
      setNumber('');
      void onCreated();
    },
  });
  const server = serverFieldErrors(create.error);
  const clearingMessages = [
    ...(local.clearing ? [local.clearing] : []),
    ...(server.get('clearingNumber') ?? []),
  ];
  const numberMessages = [...(local.number ? [local.number] : []), ...(server.get('accountNumber') ?? [])];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clearingNumber = digits(clearing);
    const accountNumber = digits(number);
    const errors = {
      ...(/^\d{4,5}$/.test(clearingNumber) ? {} : { clearing: texts.clearingInvalid }),
      ...(/^\d{1,12}$/.test(accountNumber) ? {} : { number: texts.numberInvalid }),
    };
    setLocal(errors);
    if (errors.clearing || errors.number || personId === '') return;
    create.mutate({ personId, clearingNumber, accountNumber });
  };

  if (adults.length === 0) return null;
  return (
    <form className="form-panel" aria-labelledby={id('heading')} onSubmit={onSubmit} noValidate>
      <h3 id={id('heading')}>{texts.title}</h3>
      {created ? <SuccessMessage>{texts.created}</SuccessMessage> : null}
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <div className="inline-form">
        {adults.length > 1 ? (
          <div className="field">
            <label htmlFor={id('holder')}>{texts.holder}</label>
            <select id={id('holder')} value={personId} onChange={(event) => setPersonId(event.target.value)}>
              {adults.map((adult) => (
                <option key={adult.personId} value={adult.personId}>
                  {adult.name ?? t.protectedIdentity}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={id('clearing')}>{texts.clearing}</label>
          <span className="hint" id={id('clearing-hint')}>
            {texts.clearingHint}
          </span>
          <input
            id={id('clearing')}
            inputMode="numeric"
            autoComplete="off"
            size={6}
            value={clearing}
            aria-invalid={clearingMessages.length > 0 || undefined}
            aria-describedby={describedBy(
              id('clearing-hint'),
              clearingMessages.length > 0 && id('clearing-error'),
            )}
            onChange={(event) => setClearing(event.target.value)}
          />
          <FieldMessage id={id('clearing-error')} messages={clearingMessages} />
        </div>
        <div className="field">
          <label htmlFor={id('number')}>{texts.number}</label>
          <span className="hint" id={id('number-hint')}>
            {texts.numberHint}
          </span>
          <input
            id={id('number')}
            inputMode="numeric"
            autoComplete="off"
            value={number}
            aria-invalid={numberMessages.length > 0 || undefined}
            aria-describedby={describedBy(id('number-hint'), numberMessages.length > 0 && id('number-error'))}
            onChange={(event) => setNumber(event.target.value)}
          />
          <FieldMessage id={id('number-error')} messages={numberMessages} />
        </div>
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? texts.submitting : texts.submit}
        </button>
      </div>
    </form>
  );
}
