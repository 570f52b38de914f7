import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { COST_TYPES, INCOME_TYPES } from '../../../src/assistance/domain/norm/items.ts';
import type { EApplication, EApplicationReceipt } from '../api/control-types.ts';
import { publicApi } from '../api/endpoints.ts';
import { useAuthConfig } from '../api/queries.ts';
import type { CostType, IncomeType } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Page } from '../components/Page.tsx';
import { nextMonth, swedishToday } from '../dates.ts';
import { fill, useAssistanceLabels, useFormat, usePublicT, useT } from '../i18n.ts';
import { parseKronor } from '../money.ts';
import { Link } from '../router.tsx';

/**
 * /e-ansokan — the citizen's application for financial assistance, without login: big, plain and
 * one column. In demo mode the applicant identifies with the personnummer (e-identification comes
 * later); otherwise the page only says that the e-application is not open yet.
 */
export function EApplicationPage() {
  const t = useT();
  const p = usePublicT();
  const config = useAuthConfig();
  const [receipt, setReceipt] = useState<EApplicationReceipt | null>(null);

  // The receipt replaces the form: start reading (and the screen reader) at its heading.
  useEffect(() => {
    if (!receipt) return;
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus();
  }, [receipt]);

  return (
    <div className="app app-public">
      <a className="skip-link" href="#main">
        {t.app.skipLink}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t.app.name}</span>
          <span className="brand-municipality">{t.app.tagline}</span>
        </div>
        <div className="header-actions">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        {receipt ? (
          <Receipt receipt={receipt} onAnother={() => setReceipt(null)} />
        ) : (
          <Page title={p.form.title} intro={p.form.intro}>
            {config.isPending ? <Loading /> : null}
            {config.isError ? (
              <ErrorMessage error={config.error} onRetry={() => void config.refetch()} />
            ) : null}
            {config.data && !config.data.demoMode ? (
              <div className="notice notice-warning">
                <p>{p.form.unavailable}</p>
              </div>
            ) : null}
            {config.data?.demoMode ? <ApplicationForm onReceived={setReceipt} /> : null}
          </Page>
        )}
        <p className="public-footer">
          <Link to="/login">{p.staffLogin}</Link>
        </p>
      </main>
    </div>
  );
}

function Receipt({ receipt, onAnother }: { receipt: EApplicationReceipt; onAnother: () => void }) {
  const p = usePublicT();
  const format = useFormat();
  return (
    <Page title={p.receipt.title}>
      <div className="notice notice-success public-receipt">
        <p>{p.receipt.intro}</p>
        <dl className="details">
          <div>
            <dt>{p.receipt.number}</dt>
            <dd className="receipt-number">{receipt.applicationNumber}</dd>
          </div>
          <div>
            <dt>{p.receipt.month}</dt>
            <dd>{format.month(receipt.month)}</dd>
          </div>
          <div>
            <dt>{p.receipt.receivedOn}</dt>
            <dd>{format.date(receipt.receivedOn)}</dd>
          </div>
        </dl>
      </div>
      <p>
        <button type="button" className="button-secondary button-large" onClick={onAnother}>
          {p.receipt.another}
        </button>
      </p>
    </Page>
  );
}

interface Row<T extends string> {
  key: number;
  type: T | '';
  amount: string;
}

const isBlank = (row: Row<string>) => row.type === '' && row.amount.trim() === '';

function ApplicationForm({ onReceived }: { onReceived: (receipt: EApplicationReceipt) => void }) {
  const p = usePublicT();
  const texts = p.form;
  const id = useId();
  const [personalNumber, setPersonalNumber] = useState('');
  const [month, setMonth] = useState(() => nextMonth(swedishToday()));
  const [address, setAddress] = useState('');
  const [apartment, setApartment] = useState('');
  const [costs, setCosts] = useState<Row<CostType>[]>([{ key: 0, type: '', amount: '' }]);
  const [incomes, setIncomes] = useState<Row<IncomeType>[]>([{ key: 1, type: '', amount: '' }]);
  const [nextKey, setNextKey] = useState(2);
  const [unemployed, setUnemployed] = useState(false);
  const [childrenLunch, setChildrenLunch] = useState(false);
  const [consent, setConsent] = useState(false);
  const [local, setLocal] = useState<Map<string, string>>(new Map());
  /** Which row each sent cost and income was, so that the server's "costs.0.amount" finds its row. */
  const [sent, setSent] = useState<{ costs: number[]; incomes: number[] }>({ costs: [], incomes: [] });

  const submit = useMutation({ mutationFn: publicApi.submitEApplication, onSuccess: onReceived });
  const server = serverFieldErrors(submit.error);

  const messagesOf = (name: string): string[] => {
    const row = /^(costs|incomes)\.(\d+)\.(type|amount)$/.exec(name);
    const serverKey = row
      ? `${row[1]}.${sent[row[1] as 'costs' | 'incomes'].indexOf(Number(row[2]))}.${row[3]}`
      : name;
    return [...(local.has(name) ? [local.get(name) ?? ''] : []), ...(server.get(serverKey) ?? [])];
  };
  const field = (name: string) => {
    const fieldId = `${id}-${name.replace(/\./g, '-')}`;
    const messages = messagesOf(name);
    const errorId = `${fieldId}-error`;
    return {
      id: fieldId,
      invalid: messages.length > 0 || undefined,
      errorId: messages.length > 0 ? errorId : undefined,
      error: <FieldMessage id={errorId} messages={messages} />,
    };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = new Map<string, string>();
    if (personalNumber.trim() === '') errors.set('personalNumber', texts.missing.personalNumber);
    if (!/^\d{4}-\d{2}$/.test(month)) errors.set('month', texts.missing.month);
    const costRows = costs.filter((row) => !isBlank(row));
    const incomeRows = incomes.filter((row) => !isBlank(row));
    for (const [kind, rows] of [
      ['costs', costRows],
      ['incomes', incomeRows],
    ] as const) {
      for (const row of rows) {
        if (row.type === '') errors.set(`${kind}.${row.key}.type`, texts.missing.type);
        if (parseKronor(row.amount) === null) errors.set(`${kind}.${row.key}.amount`, texts.missing.amount);
      }
    }
    if (!consent) errors.set('consent', texts.missing.consent);
    setLocal(errors);
    if (errors.size > 0) {
      submit.reset();
      return;
    }
    setSent({ costs: costRows.map((row) => row.key), incomes: incomeRows.map((row) => row.key) });
    const application: EApplication = {
      personalNumber: personalNumber.trim(),
      month,
      selfAssessedUnemployed: unemployed,
      housing: {
        ...(address.trim() ? { address: address.trim() } : {}),
        ...(apartment.trim() ? { apartment: apartment.trim() } : {}),
      },
      childrenLunchAway: childrenLunch,
      costs: costRows.map((row) => ({
        type: row.type as CostType,
        amount: (parseKronor(row.amount) ?? 0) / 100,
      })),
      incomes: incomeRows.map((row) => ({
        type: row.type as IncomeType,
        amount: (parseKronor(row.amount) ?? 0) / 100,
      })),
      consent,
    };
    submit.mutate(application);
  };

  const takeKey = () => {
    setNextKey((key) => key + 1);
    return nextKey;
  };

  const numberField = field('personalNumber');
  const monthField = field('month');
  const consentField = field('consent');
  const numberHint = `${id}-number-hint`;
  const monthHint = `${id}-month-hint`;

  return (
    <form className="public-form" aria-label={texts.title} onSubmit={onSubmit} noValidate>
      <div className="notice notice-warning">
        <p>{texts.demoNotice}</p>
      </div>
      <p>{texts.required}</p>

      <fieldset>
        <legend>{texts.you}</legend>
        <div className="field">
          <label htmlFor={numberField.id}>{texts.personalNumber}</label>
          <span className="hint" id={numberHint}>
            {texts.personalNumberHint}
          </span>
          <input
            id={numberField.id}
            className="input-personal-number"
            inputMode="numeric"
            autoComplete="off"
            value={personalNumber}
            aria-required="true"
            aria-invalid={numberField.invalid}
            aria-describedby={describedBy(numberHint, numberField.errorId)}
            onChange={(event) => setPersonalNumber(event.target.value)}
          />
          {numberField.error}
        </div>
        <div className="field">
          <label htmlFor={monthField.id}>{texts.month}</label>
          <span className="hint" id={monthHint}>
            {texts.monthHint}
          </span>
          <input
            id={monthField.id}
            type="month"
            value={month}
            aria-required="true"
            aria-invalid={monthField.invalid}
            aria-describedby={describedBy(monthHint, monthField.errorId)}
            onChange={(event) => setMonth(event.target.value)}
          />
          {monthField.error}
        </div>
      </fieldset>

      <fieldset>
        <legend>{texts.housing}</legend>
        <div className="field">
          <label htmlFor={`${id}-address`}>{texts.address}</label>
          <input
            id={`${id}-address`}
            autoComplete="street-address"
            value={address}
            onChange={(event) => setAddress(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-apartment`}>{texts.apartment}</label>
          <input
            id={`${id}-apartment`}
            className="input-short"
            autoComplete="off"
            value={apartment}
            onChange={(event) => setApartment(event.target.value)}
          />
        </div>
      </fieldset>

      <ItemRows
        kind="costs"
        legend={texts.costs}
        hint={texts.costsHint}
        rowLabel={texts.cost}
        addLabel={texts.addCost}
        removeLabel={texts.removeCost}
        types={COST_TYPES}
        rows={costs}
        setRows={setCosts}
        field={field}
        onAdd={() => {
          const key = takeKey();
          setCosts((current) => [...current, { key, type: '', amount: '' }]);
        }}
      />
      <ItemRows
        kind="incomes"
        legend={texts.incomes}
        hint={texts.incomesHint}
        rowLabel={texts.income}
        addLabel={texts.addIncome}
        removeLabel={texts.removeIncome}
        types={INCOME_TYPES}
        rows={incomes}
        setRows={setIncomes}
        field={field}
        onAdd={() => {
          const key = takeKey();
          setIncomes((current) => [...current, { key, type: '', amount: '' }]);
        }}
      />

      <fieldset>
        <legend>{texts.situation}</legend>
        <div className="check">
          <input
            id={`${id}-unemployed`}
            type="checkbox"
            checked={unemployed}
            onChange={(event) => setUnemployed(event.target.checked)}
          />
          <label htmlFor={`${id}-unemployed`}>{texts.unemployed}</label>
        </div>
        <div className="check">
          <input
            id={`${id}-lunch`}
            type="checkbox"
            checked={childrenLunch}
            onChange={(event) => setChildrenLunch(event.target.checked)}
          />
          <label htmlFor={`${id}-lunch`}>{texts.childrenLunch}</label>
        </div>
      </fieldset>

      <fieldset>
        <legend>{texts.consentTitle}</legend>
        <div className="check">
          <input
            id={consentField.id}
            type="checkbox"
            checked={consent}
            aria-required="true"
            aria-invalid={consentField.invalid}
            aria-describedby={consentField.errorId}
            onChange={(event) => setConsent(event.target.checked)}
          />
          <label htmlFor={consentField.id}>{texts.consent}</label>
        </div>
        {consentField.error}
      </fieldset>

      {local.size > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{texts.checkFields}</p>
        </div>
      ) : null}
      {submit.isError ? <ErrorMessage error={submit.error} /> : null}
      <p className="button-row">
        <button type="submit" className="button-large" disabled={submit.isPending}>
          {submit.isPending ? texts.submitting : texts.submit}
        </button>
      </p>
    </form>
  );
}

interface FieldProps {
  id: string;
  invalid: true | undefined;
  errorId: string | undefined;
  error: ReactNode;
}

function ItemRows<T extends string>({
  kind,
  legend,
  hint,
  rowLabel,
  addLabel,
  removeLabel,
  types,
  rows,
  setRows,
  field,
  onAdd,
}: {
  kind: 'costs' | 'incomes';
  legend: string;
  hint: string;
  rowLabel: string;
  addLabel: string;
  removeLabel: string;
  types: readonly T[];
  rows: Row<T>[];
  setRows: (update: (current: Row<T>[]) => Row<T>[]) => void;
  field: (name: string) => FieldProps;
  onAdd: () => void;
}) {
  const p = usePublicT();
  const labels = useAssistanceLabels();
  const hintId = useId();
  const labelOf = (type: T) =>
    kind === 'costs' ? labels.costTypes[type as CostType] : labels.incomeTypes[type as IncomeType];
  const change = (key: number, patch: Partial<Row<T>>) =>
    setRows((current) => current.map((other) => (other.key === key ? { ...other, ...patch } : other)));

  return (
    <fieldset aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p className="hint" id={hintId}>
        {hint}
      </p>
      {rows.map((row, index) => {
        const n = index + 1;
        const typeField = field(`${kind}.${row.key}.type`);
        const amountField = field(`${kind}.${row.key}.amount`);
        return (
          <div className="item-row" key={row.key} role="group" aria-label={fill(rowLabel, { n })}>
            <div className="field">
              <label htmlFor={typeField.id}>{p.form.type}</label>
              <select
                id={typeField.id}
                value={row.type}
                aria-invalid={typeField.invalid}
                aria-describedby={typeField.errorId}
                onChange={(event) => change(row.key, { type: event.target.value as T | '' })}
              >
                <option value="">{p.form.chooseType}</option>
                {types.map((type) => (
                  <option key={type} value={type}>
                    {labelOf(type)}
                  </option>
                ))}
              </select>
              {typeField.error}
            </div>
            <div className="field">
              <label htmlFor={amountField.id}>{p.form.amount}</label>
              <input
                id={amountField.id}
                className="input-amount"
                inputMode="decimal"
                autoComplete="off"
                value={row.amount}
                aria-invalid={amountField.invalid}
                aria-describedby={amountField.errorId}
                onChange={(event) => change(row.key, { amount: event.target.value })}
              />
              {amountField.error}
            </div>
            {rows.length > 1 ? (
              <button
                type="button"
                className="button-secondary item-row-remove"
                onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
              >
                {fill(removeLabel, { n })}
              </button>
            ) : null}
          </div>
        );
      })}
      <button type="button" className="button-secondary" onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}
