import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, documentUrls } from '../api/endpoints.ts';
import { queryKeys, useApplicationNorm, useAssistanceCase, useDecision } from '../api/queries.ts';
import type { ApplicationNorm, Decision, NormReceipt } from '../api/types.ts';
import { ApiErrorPage } from '../components/ApiErrorPage.tsx';
import { ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { Page } from '../components/Page.tsx';
import { fill, useAssistanceLabels, useAssistanceT, useFormat, useT } from '../i18n.ts';
import { oreToKronor } from '../money.ts';
import { assistancePaths } from '../paths.ts';
import { Link, useLocation } from '../router.tsx';
import { DecisionSection } from '../sections/DecisionSection.tsx';
import { useHasPermission } from '../session.tsx';

/**
 * /ekonomiskt-bistand/ansokningar/:id(?arende=caseId) — the application's norm calculation as a
 * receipt, then its decision: the form while none is taken, the draft to sign, the signed letter.
 */
export function ApplicationPage({ id }: { id: string }) {
  const a = useAssistanceT();
  const { search } = useLocation();
  const caseParam = search.get('arende');
  const norm = useApplicationNorm(id);
  const overview = useAssistanceCase(caseParam);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const existing = overview.data?.decisions.find((decision) => decision.applicationId === id);
  const decisionId = createdId ?? existing?.id ?? null;
  const decision = useDecision(decisionId);

  if (norm.isPending) {
    return (
      <Page title={a.applicationPage.loadingTitle}>
        <Loading />
      </Page>
    );
  }
  if (norm.isError) {
    return (
      <ApiErrorPage
        error={norm.error}
        title={a.applicationPage.loadingTitle}
        onRetry={() => void norm.refetch()}
      />
    );
  }

  const caseId = caseParam ?? decision.data?.caseId ?? null;
  const application = overview.data?.applications.find((item) => item.id === id);
  const waitingForCase = caseParam !== null && overview.isPending;

  return (
    <ApplicationView norm={norm.data} caseId={caseId}>
      {waitingForCase || (decisionId !== null && decision.isPending) ? <Loading /> : null}
      {overview.isError ? (
        <ErrorMessage error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {decision.isError ? (
        <ErrorMessage error={decision.error} onRetry={() => void decision.refetch()} />
      ) : null}
      {decision.data ? <DecisionView decision={decision.data} /> : null}
      {!waitingForCase && decisionId === null ? (
        application && application.status !== 'received' ? (
          <p className="notice">{a.applicationPage.decision.notOpen}</p>
        ) : (
          <DecisionSection norm={norm.data} caseId={caseId} onCreated={setCreatedId} />
        )
      ) : null}
    </ApplicationView>
  );
}

function ApplicationView({
  norm,
  caseId,
  children,
}: {
  norm: ApplicationNorm;
  caseId: string | null;
  children: ReactNode;
}) {
  const t = useT();
  const a = useAssistanceT();
  const labels = useAssistanceLabels();
  const format = useFormat();
  const texts = a.applicationPage;
  const month = format.month(norm.month);
  const members = norm.members
    .map((member) =>
      fill(texts.memberAge, {
        name: member.name ?? t.protectedIdentity,
        role: (labels.memberRoles[member.role] ?? member.role).toLowerCase(),
        age: member.age,
      }),
    )
    .join(', ');

  return (
    <Page
      title={fill(texts.title, { month })}
      intro={fill(texts.household, { size: norm.members.length, members })}
    >
      {caseId ? (
        <p className="page-links">
          <Link to={assistancePaths.case(caseId)}>{texts.backToCase}</Link>
        </p>
      ) : null}
      <Receipt receipt={norm.receipt} month={month} />
      {children}
    </Page>
  );
}

/** The norm calculation: every line with its rule and source, subtotals and what is to be paid. */
function Receipt({ receipt, month }: { receipt: NormReceipt; month: string }) {
  const a = useAssistanceT();
  const format = useFormat();
  const texts = a.applicationPage.receipt;
  const sections = [
    { section: 'riksnorm', subtotal: texts.riksnorm, amount: receipt.riksnorm },
    { section: 'cost', subtotal: texts.costs, amount: receipt.reasonableCosts },
    { section: 'income', subtotal: texts.incomes, amount: -receipt.incomes },
  ] as const;

  return (
    <section className="panel" aria-labelledby="application-receipt">
      <h2 id="application-receipt">{texts.title}</h2>
      <table className="table receipt">
        <caption>{fill(texts.caption, { month, year: receipt.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.item}</th>
            <th scope="col">{texts.rule}</th>
            <th scope="col" className="cell-number">
              {texts.amount}
            </th>
          </tr>
        </thead>
        {sections.map(({ section, subtotal, amount }) => (
          <tbody key={section}>
            {receipt.lines
              .filter((line) => line.section === section)
              .map((line, index) => (
                <tr key={`${line.code}:${index}`}>
                  <td>{line.label}</td>
                  <td className="receipt-rule">{line.rule}</td>
                  <td className="cell-number">{format.kronor(line.amount)}</td>
                </tr>
              ))}
            <tr className="receipt-subtotal">
              <th scope="row" colSpan={2}>
                {subtotal}
              </th>
              <td className="cell-number">{format.kronor(amount)}</td>
            </tr>
          </tbody>
        ))}
        <tfoot>
          <tr className="receipt-total">
            <th scope="row" colSpan={2}>
              {texts.total}
            </th>
            <td className="cell-number">{format.kronor(receipt.total)}</td>
          </tr>
          {receipt.balance < 0 ? (
            <tr className="receipt-subtotal">
              <th scope="row" colSpan={2}>
                {texts.surplus}
              </th>
              <td className="cell-number">{format.kronor(-receipt.balance)}</td>
            </tr>
          ) : null}
        </tfoot>
      </table>
    </section>
  );
}

/** A saved decision: the draft to check and sign, or the signed decision with its letter. */
function DecisionView({ decision }: { decision: Decision }) {
  const a = useAssistanceT();
  const labels = useAssistanceLabels();
  const format = useFormat();
  const canWrite = useHasPermission('assistance:write');
  const queryClient = useQueryClient();
  const texts = a.applicationPage.draft;
  const itemTexts = a.applicationPage.decision;
  const month = format.month(decision.month);
  const sign = useMutation({
    mutationFn: () => api.signDecision(decision.id),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.decision(decision.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.assistanceCase(decision.caseId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myDay }),
      ]),
  });
  const signed = decision.status === 'signed';

  return (
    <section className="panel" aria-labelledby="application-decision">
      <div className="panel-head">
        <h2 id="application-decision">{fill(texts.title, { month })}</h2>
        <span className={`badge badge-${decision.status}`}>{a.decisionStatus[decision.status]}</span>
      </div>
      {signed ? (
        <SuccessMessage>
          {fill(texts.signedNotice, { time: format.dateTime(decision.signedAt ?? '') })}
        </SuccessMessage>
      ) : (
        <div className="notice notice-warning">
          <p>{texts.draftNotice}</p>
        </div>
      )}
      <dl className="details">
        <div>
          <dt>{texts.decidedOn}</dt>
          <dd className="cell-date">{format.date(decision.decidedOn)}</dd>
        </div>
        <div>
          <dt>{texts.decidedBy}</dt>
          <dd>{decision.decidedBy}</dd>
        </div>
        <div>
          <dt>{texts.payOn}</dt>
          <dd className="cell-date">{format.date(decision.payOn)}</dd>
        </div>
        <div>
          <dt>{texts.granted}</dt>
          <dd className="amount-strong">{format.kronor(oreToKronor(decision.grantedOre))}</dd>
        </div>
        {decision.reductionOre > 0 ? (
          <div className="details-wide">
            <dt>{texts.reduction}</dt>
            <dd>
              {format.kronor(oreToKronor(decision.reductionOre))}
              {decision.reductionReason ? ` – ${decision.reductionReason}` : ''}
            </dd>
          </div>
        ) : null}
        {decision.condition ? (
          <div className="details-wide">
            <dt>{texts.condition}</dt>
            <dd>
              {labels.conditions[decision.condition]}
              {decision.conditionDetail ? `: ${decision.conditionDetail}` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      <table className="table decision-items">
        <caption className="visually-hidden">{itemTexts.itemsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{itemTexts.item}</th>
            <th scope="col" className="cell-number">
              {itemTexts.applied}
            </th>
            <th scope="col" className="cell-number">
              {a.casePage.decisions.granted}
            </th>
            <th scope="col">{itemTexts.outcome}</th>
            <th scope="col">{itemTexts.reason}</th>
            <th scope="col">{itemTexts.provision}</th>
          </tr>
        </thead>
        <tbody>
          {decision.items.map((item) => (
            <tr key={item.lineNo}>
              <th scope="row">{item.label}</th>
              <td className="cell-number">{format.kronor(oreToKronor(item.appliedOre))}</td>
              <td className="cell-number">{format.kronor(oreToKronor(item.grantedOre))}</td>
              <td>
                <span className={`badge badge-outcome-${item.outcome}`}>{a.outcome[item.outcome]}</span>
              </td>
              <td>{item.reason ?? ''}</td>
              <td className="receipt-rule">{item.provision}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {decision.reasons ? (
        <div className="subsection">
          <h3>{texts.reasons}</h3>
          <p className="prewrap">{decision.reasons}</p>
        </div>
      ) : null}
      {sign.isError ? <ErrorMessage error={sign.error} /> : null}
      <p className="button-row">
        {!signed && canWrite ? (
          <button
            type="button"
            className="button-primary"
            disabled={sign.isPending}
            onClick={() => sign.mutate()}
          >
            {sign.isPending ? texts.signing : texts.sign}
          </button>
        ) : null}
        {signed ? <a href={documentUrls.decisionLetter(decision.id)}>{texts.letter}</a> : null}
        <Link to={assistancePaths.case(decision.caseId)}>{a.applicationPage.backToCase}</Link>
      </p>
    </section>
  );
}
