/** The manager's payment run: prepare, preview, approve (four eyes), the bank file, stops and reversals. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { AppError } from '../../shared/errors.ts';
import { personNames } from '../db/names.ts';
import {
  approvePaymentRun,
  changePayment,
  preparePaymentRun,
  recordBankFile,
  withheldPayments,
} from '../db/payment-runs.ts';
import { loadSettings } from '../db/settings.ts';
import { bankFileOf, listPaymentRuns, loadPaymentRun } from './payment-run-presenter.ts';
import {
  IdParams,
  PaymentChangeBody,
  PaymentRunBody,
  PaymentRunListResponse,
  PaymentRunResponse,
} from './schemas.ts';

const tags = ['Utbetalningar'];

export function registerPaymentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/payment-runs',
    action: 'payment.run-prepare',
    permission: 'payment:prepare',
    summary: "Prepare the month's payment run from the signed decisions due (one run per month)",
    tags,
    body: PaymentRunBody,
    response: PaymentRunResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, body, audit }) => {
      const month = `${body.month}-01`;
      const settings = await loadSettings(db, principal.municipalityId);
      const payOn = body.payOn ?? lastWeekdayBefore(month);
      if (payOn.slice(0, 7) > body.month)
        throw new AppError('DATE_OUTSIDE_MONTH', { field: payOn, month: body.month });
      const run = await preparePaymentRun(db, {
        municipalityId: principal.municipalityId,
        month,
        payOn,
        preparedBy: principal.userId,
        visitRequired: settings.visitRequiredForPayment,
      });
      audit.criteria = { month: body.month, count: String(run.count) };
      return presentRun(db, principal.municipalityId, run.id, settings.visitRequiredForPayment, audit);
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/payment-runs',
    action: 'payment.run-list',
    permission: 'payment:prepare',
    summary: 'Payment runs, newest first',
    tags,
    response: PaymentRunListResponse,
    handler: async ({ db, principal }) => ({ items: await listPaymentRuns(db, principal.municipalityId) }),
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/payment-runs/:id',
    action: 'payment.run-read',
    permission: 'payment:prepare',
    summary: 'A payment run: totals, payments and what was withheld and why',
    tags,
    params: IdParams,
    response: PaymentRunResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit }) => {
      const settings = await loadSettings(db, principal.municipalityId);
      return presentRun(db, principal.municipalityId, params.id, settings.visitRequiredForPayment, audit);
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/payment-runs/:id/approve',
    action: 'payment.run-approve',
    permission: 'payment:approve',
    summary: 'Approve a prepared run (not by the one who prepared it); the bank file is made and checked',
    tags,
    params: IdParams,
    response: PaymentRunResponse,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, audit, now }) => {
      const settings = await loadSettings(db, principal.municipalityId);
      if (!settings.debtor) throw new AppError('DEBTOR_ACCOUNT_MISSING');
      await approvePaymentRun(db, principal.municipalityId, params.id, principal.userId, now);
      const file = await bankFileOf(db, principal.municipalityId, params.id, settings.debtor);
      await recordBankFile(db, principal.municipalityId, params.id, file.sha256);
      return presentRun(db, principal.municipalityId, params.id, settings.visitRequiredForPayment, audit);
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/payment-runs/:id/pain001.xml',
    action: 'payment.bank-file',
    permission: 'payment:approve',
    summary: 'The bank file (ISO 20022 pain.001.001.03) of an approved run; the same bytes every time',
    tags,
    params: IdParams,
    file: true,
    personalData: true,
    handler: async ({ db, principal, params, audit }) => {
      const settings = await loadSettings(db, principal.municipalityId);
      if (!settings.debtor) throw new AppError('DEBTOR_ACCOUNT_MISSING');
      const file = await bankFileOf(db, principal.municipalityId, params.id, settings.debtor);
      audit.criteria = { sha256: file.sha256 };
      return {
        body: file.xml,
        contentType: 'application/xml; charset=utf-8',
        fileName: `${file.messageId}.xml`,
      };
    },
  });

  for (const to of ['stopped', 'reversed'] as const) {
    registerEndpoint(app, deps, {
      method: 'POST',
      url: `/api/v1/assistance/payments/:id/${to === 'stopped' ? 'stop' : 'reverse'}`,
      action: to === 'stopped' ? 'payment.stop' : 'payment.reverse',
      permission: 'payment:approve',
      summary:
        to === 'stopped'
          ? 'Stop a planned payment before its run is approved, with a reason'
          : 'Record that a sent payment was reversed, with a reason',
      tags,
      params: IdParams,
      body: PaymentChangeBody,
      write: true,
      handler: async ({ db, principal, params, body, audit, now }) => {
        const changed = await changePayment(db, {
          municipalityId: principal.municipalityId,
          paymentId: params.id,
          to,
          reason: body.reason,
          userId: principal.userId,
          now,
        });
        audit.caseIds.add(changed.caseId);
        audit.personIds.add(changed.personId);
        return undefined;
      },
    });
  }
}

async function presentRun(
  db: Parameters<typeof loadPaymentRun>[0],
  municipalityId: string,
  runId: string,
  visitRequired: boolean,
  audit: { personIds: Set<string>; caseIds: Set<string> },
) {
  const run = await loadPaymentRun(db, municipalityId, runId);
  if (!run) throw new AppError('NOT_FOUND');
  const withheld =
    run.status === 'prepared' ? await withheldPayments(db, municipalityId, run.month, visitRequired) : [];
  const names = await personNames(db, municipalityId, [
    ...run.payments.map((p) => p.personId),
    ...withheld.map((w) => w.personId),
  ]);
  for (const p of run.payments) audit.personIds.add(p.personId);
  for (const w of withheld) audit.personIds.add(w.personId);
  return {
    ...run,
    month: run.month.slice(0, 7),
    payments: run.payments.map(({ personId, ...p }) => ({ ...p, payee: names.get(personId) ?? null })),
    withheld: withheld.map((w) => ({
      decisionId: w.decisionId,
      caseId: w.caseId,
      payee: names.get(w.personId) ?? null,
      amountOre: w.amountOre,
      reason: w.reason,
    })),
  };
}

/** The last weekday before the month starts: assistance for a month is paid before it begins. */
export function lastWeekdayBefore(month: string): string {
  const day = new Date(`${month}T12:00:00Z`);
  do day.setUTCDate(day.getUTCDate() - 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}
