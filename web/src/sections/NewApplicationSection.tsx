import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { COST_TYPES, INCOME_TYPES } from '../../../src/assistance/domain/norm/items.ts';
import { api } from '../api/endpoints.ts';
import { queryKeys } from '../api/queries.ts';
import type { AssistanceCase, CostType, IncomeType, NewApplication } from '../api/types.ts';
import { ErrorMessage } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { Heading, type HeadingLevel } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { nextMonth, swedishToday } from '../dates.ts';
import { fill, useAssistanceLabels, useAssistanceT } from '../i18n.ts';
import { parseKronor } from '../money.ts';
import { assistancePaths } from '../paths.ts';
import { navigate } from '../router.tsx';

interface CostRow {
  key: number;
  type: CostType | '';
  amount: string;
}

interface IncomeRow {
  key: number;
  type: IncomeType | '';
  amount: string;
  jobStimulus: boolean;
}

const isBlank = (row: { type: string; amount: string }) => row.type === '' && row.amount.trim() === '';

/**
 * "Ny ansökan": an application for a month, with the household's costs and incomes in kronor.
 * Fully empty rows are left out; the new application opens with its norm calculation.
 */
export function NewApplicationSection({ data, level }: { data: AssistanceCase; level: HeadingLevel }) {
  const a = useAssistanceT();
  const labels = useAssistanceLabels();
  const texts = a.newApplication;
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const headingId = `${idPrefix}-heading`;
  const [month, setMonth] = useState(() => nextMonth(swedishToday()));
  const [receivedOn, setReceivedOn] = useState(() => swedishToday());
  const [completeOn, setCompleteOn] = useState(() => swedishToday());
  const [unemployed, setUnemployed] = useState(false);
  const [lunchAway, setLunchAway] = useState<Record<string, boolean>>({});
  const [costs, setCosts] = useState<CostRow[]>([{ key: 0, type: '', amount: '' }]);
  const [incomes, setIncomes] = useState<IncomeRow[]>([{ key: 1, type: '', amount: '', jobStimulus: false }]);
  const [nextKey, setNextKey] = useState(2);
  const [address, setAddress] = useState('');
  const [apartment, setApartment] = useState('');
  const [local, setLocal] = useState<Map<string, string>>(new Map());
  /** Which row each sent cost and income was, so the server's "costs.0.type" finds its row. */
  const [sent, setSent] = useState<{ costs: number[]; incomes: number[] }>({ costs: [], incomes: [] });
  const children = data.members.filter((member) => member.role === 'child');

  const create = useMutation({
    mutationFn: (application: NewApplication) => api.createApplication(data.id, application),
    onSuccess: async ({ id }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.assistanceCase(data.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myDay }),
      ]);
      navigate(assistancePaths.application(id, data.id));
    },
  });

  const server = serverFieldErrors(create.error);
  /** The form's field names: "month", "costs.<key>.type", "incomes.<key>.amount"… */
  const serverKey = (field: string): string => {
    const row = /^(costs|incomes)\.(\d+)\.(\w+)$/.exec(field);
    if (!row) return field;
    const index = sent[row[1] as 'costs' | 'incomes'].indexOf(Number(row[2]));
    const name = row[3] === 'amount' ? 'amountOre' : row[3];
    return `${row[1]}.${index}.${name}`;
  };
  const field = (name: string) => {
    const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
    const messages = [
      ...(local.has(name) ? [local.get(name) ?? ''] : []),
      ...(server.get(serverKey(name)) ?? []),
    ];
    const errorId = `${id}-error`;
    return {
      id,
      invalid: messages.length > 0 || undefined,
      describedBy: messages.length > 0 ? errorId : undefined,
      error: <FieldMessage id={errorId} messages={messages} />,
    };
  };

  const labelOf = (path: string): string | undefined => {
    const simple: Record<string, string> = {
      month: texts.month,
      receivedOn: texts.receivedOn,
      completeOn: texts.completeOn,
      'housing.address': texts.address,
      'housing.apartment': texts.apartment,
    };
    if (simple[path]) return simple[path];
    const row = /^(costs|incomes)\.(\d+)\.(\w+)$/.exec(path);
    if (!row) return undefined;
    const kind = row[1] as 'costs' | 'incomes';
    const position = (kind === 'costs' ? costs : incomes).findIndex(
      (item) => item.key === sent[kind][Number(row[2])],
    );
    const rowLabel = fill(kind === 'costs' ? texts.cost : texts.income, { n: position + 1 });
    return `${rowLabel}, ${(row[3] === 'type' ? a.common.type : a.common.amountKronor).toLowerCase()}`;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = new Map<string, string>();
    if (!/^\d{4}-\d{2}$/.test(month)) errors.set('month', a.common.monthRequired);
    if (receivedOn === '') errors.set('receivedOn', a.common.dateRequired);
    const costRows = costs.filter((row) => !isBlank(row));
    const incomeRows = incomes.filter((row) => !isBlank(row));
    for (const [kind, rows] of [
      ['costs', costRows],
      ['incomes', incomeRows],
    ] as const) {
      for (const row of rows) {
        if (row.type === '') errors.set(`${kind}.${row.key}.type`, a.common.typeRequired);
        if (parseKronor(row.amount) === null) errors.set(`${kind}.${row.key}.amount`, a.common.invalidAmount);
      }
    }
    setLocal(errors);
    if (errors.size > 0) {
      create.reset();
      return;
    }
    setSent({ costs: costRows.map((row) => row.key), incomes: incomeRows.map((row) => row.key) });
    create.mutate({
      month,
      receivedOn,
      completeOn: completeOn === '' ? null : completeOn,
      selfAssessedUnemployed: unemployed,
      housing: {
        ...(address.trim() ? { address: address.trim() } : {}),
        ...(apartment.trim() ? { apartment: apartment.trim() } : {}),
      },
      members: children
        .filter((child) => lunchAway[child.personId])
        .map((child) => ({ personId: child.personId, lunchAway: true })),
      costs: costRows.map((row) => ({ type: row.type as CostType, amountOre: parseKronor(row.amount) ?? 0 })),
      incomes: incomeRows.map((row) => ({
        type: row.type as IncomeType,
        amountOre: parseKronor(row.amount) ?? 0,
        ...(row.type === 'salary' ? { jobStimulus: row.jobStimulus } : {}),
      })),
    });
  };

  const takeKey = () => {
    setNextKey((key) => key + 1);
    return nextKey;
  };

  const monthField = field('month');
  const receivedField = field('receivedOn');
  const completeField = field('completeOn');
  const addressField = field('housing.address');
  const apartmentField = field('housing.apartment');
  const completeHintId = `${idPrefix}-complete-hint`;

  return (
    <form className="form-panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <Heading level={level} id={headingId}>
        {texts.title}
      </Heading>
      {local.size > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{a.common.checkFields}</p>
        </div>
      ) : null}
      {create.isError ? <ErrorMessage error={create.error} fieldLabel={labelOf} /> : null}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={monthField.id}>{texts.month}</label>
          <input
            id={monthField.id}
            type="month"
            value={month}
            aria-invalid={monthField.invalid}
            aria-describedby={monthField.describedBy}
            onChange={(event) => setMonth(event.target.value)}
          />
          {monthField.error}
        </div>
        <div className="field">
          <label htmlFor={receivedField.id}>{texts.receivedOn}</label>
          <input
            id={receivedField.id}
            type="date"
            value={receivedOn}
            aria-invalid={receivedField.invalid}
            aria-describedby={receivedField.describedBy}
            onChange={(event) => setReceivedOn(event.target.value)}
          />
          {receivedField.error}
        </div>
        <div className="field">
          <label htmlFor={completeField.id}>{texts.completeOn}</label>
          <input
            id={completeField.id}
            type="date"
            value={completeOn}
            aria-invalid={completeField.invalid}
            aria-describedby={describedBy(completeHintId, completeField.describedBy)}
            onChange={(event) => setCompleteOn(event.target.value)}
          />
          <span className="hint" id={completeHintId}>
            {texts.completeHint}
          </span>
          {completeField.error}
        </div>
      </div>
      <div className="check">
        <input
          id={`${idPrefix}-unemployed`}
          type="checkbox"
          checked={unemployed}
          onChange={(event) => setUnemployed(event.target.checked)}
        />
        <label htmlFor={`${idPrefix}-unemployed`}>{texts.unemployed}</label>
      </div>

      {children.length > 0 ? (
        <fieldset>
          <legend>{texts.children}</legend>
          {children.map((child) => {
            const id = `${idPrefix}-lunch-${child.personId}`;
            return (
              <div className="check" key={child.personId}>
                <input
                  id={id}
                  type="checkbox"
                  checked={lunchAway[child.personId] ?? false}
                  onChange={(event) =>
                    setLunchAway((current) => ({ ...current, [child.personId]: event.target.checked }))
                  }
                />
                <label htmlFor={id}>
                  <PersonName name={child.name} protectedIdentity={child.protectedIdentity} /> (
                  {fill(a.common.born, { year: child.birthYear })}): {texts.lunchAway}
                </label>
              </div>
            );
          })}
        </fieldset>
      ) : null}

      <fieldset>
        <legend>{texts.costs}</legend>
        {costs.map((row, index) => {
          const n = index + 1;
          const typeField = field(`costs.${row.key}.type`);
          const amountField = field(`costs.${row.key}.amount`);
          return (
            <div className="item-row" key={row.key} role="group" aria-label={fill(texts.cost, { n })}>
              <div className="field">
                <label htmlFor={typeField.id}>{a.common.type}</label>
                <select
                  id={typeField.id}
                  value={row.type}
                  aria-invalid={typeField.invalid}
                  aria-describedby={typeField.describedBy}
                  onChange={(event) =>
                    setCosts((current) =>
                      current.map((other) =>
                        other.key === row.key
                          ? { ...other, type: event.target.value as CostType | '' }
                          : other,
                      ),
                    )
                  }
                >
                  <option value="">{a.common.chooseType}</option>
                  {COST_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {labels.costTypes[type]}
                    </option>
                  ))}
                </select>
                {typeField.error}
              </div>
              <div className="field">
                <label htmlFor={amountField.id}>{a.common.amountKronor}</label>
                <input
                  id={amountField.id}
                  className="input-amount"
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.amount}
                  aria-invalid={amountField.invalid}
                  aria-describedby={amountField.describedBy}
                  onChange={(event) =>
                    setCosts((current) =>
                      current.map((other) =>
                        other.key === row.key ? { ...other, amount: event.target.value } : other,
                      ),
                    )
                  }
                />
                {amountField.error}
              </div>
              {costs.length > 1 ? (
                <button
                  type="button"
                  className="button-secondary button-small item-row-remove"
                  onClick={() => setCosts((current) => current.filter((other) => other.key !== row.key))}
                >
                  {fill(texts.removeCost, { n })}
                </button>
              ) : null}
            </div>
          );
        })}
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => {
            const key = takeKey();
            setCosts((current) => [...current, { key, type: '', amount: '' }]);
          }}
        >
          {texts.addCost}
        </button>
      </fieldset>

      <fieldset>
        <legend>{texts.incomes}</legend>
        {incomes.map((row, index) => {
          const n = index + 1;
          const typeField = field(`incomes.${row.key}.type`);
          const amountField = field(`incomes.${row.key}.amount`);
          const stimulusId = `${idPrefix}-stimulus-${row.key}`;
          return (
            <div className="item-row" key={row.key} role="group" aria-label={fill(texts.income, { n })}>
              <div className="field">
                <label htmlFor={typeField.id}>{a.common.type}</label>
                <select
                  id={typeField.id}
                  value={row.type}
                  aria-invalid={typeField.invalid}
                  aria-describedby={typeField.describedBy}
                  onChange={(event) =>
                    setIncomes((current) =>
                      current.map((other) =>
                        other.key === row.key
                          ? { ...other, type: event.target.value as IncomeType | '' }
                          : other,
                      ),
                    )
                  }
                >
                  <option value="">{a.common.chooseType}</option>
                  {INCOME_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {labels.incomeTypes[type]}
                    </option>
                  ))}
                </select>
                {typeField.error}
              </div>
              <div className="field">
                <label htmlFor={amountField.id}>{a.common.amountKronor}</label>
                <input
                  id={amountField.id}
                  className="input-amount"
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.amount}
                  aria-invalid={amountField.invalid}
                  aria-describedby={amountField.describedBy}
                  onChange={(event) =>
                    setIncomes((current) =>
                      current.map((other) =>
                        other.key === row.key ? { ...other, amount: event.target.value } : other,
                      ),
                    )
                  }
                />
                {amountField.error}
              </div>
              {row.type === 'salary' ? (
                <div className="check item-row-check">
                  <input
                    id={stimulusId}
                    type="checkbox"
                    checked={row.jobStimulus}
                    onChange={(event) =>
                      setIncomes((current) =>
                        current.map((other) =>
                          other.key === row.key ? { ...other, jobStimulus: event.target.checked } : other,
                        ),
                      )
                    }
                  />
                  <label htmlFor={stimulusId}>{texts.jobStimulus}</label>
                </div>
              ) : null}
              {incomes.length > 1 ? (
                <button
                  type="button"
                  className="button-secondary button-small item-row-remove"
                  onClick={() => setIncomes((current) => current.filter((other) => other.key !== row.key))}
                >
                  {fill(texts.removeIncome, { n })}
                </button>
              ) : null}
            </div>
          );
        })}
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => {
            const key = takeKey();
            setIncomes((current) => [...current, { key, type: '', amount: '', jobStimulus: false }]);
          }}
        >
          {texts.addIncome}
        </button>
      </fieldset>

      <fieldset>
        <legend>{texts.housing}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={addressField.id}>{texts.address}</label>
            <input
              id={addressField.id}
              value={address}
              autoComplete="off"
              aria-invalid={addressField.invalid}
              aria-describedby={addressField.describedBy}
              onChange={(event) => setAddress(event.target.value)}
            />
            {addressField.error}
          </div>
          <div className="field">
            <label htmlFor={apartmentField.id}>{texts.apartment}</label>
            <input
              id={apartmentField.id}
              value={apartment}
              autoComplete="off"
              aria-invalid={apartmentField.invalid}
              aria-describedby={apartmentField.describedBy}
              onChange={(event) => setApartment(event.target.value)}
            />
            {apartmentField.error}
          </div>
        </div>
      </fieldset>

      <p className="button-row">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? texts.submitting : texts.submit}
        </button>
      </p>
    </form>
  );
}
