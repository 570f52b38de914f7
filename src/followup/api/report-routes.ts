/**
 * The four-month and annual report (tertialrapport / årsbokslut): the report as JSON for the
 * screen, as a PDF and as an Excel workbook (followup:read — counts only, small counts
 * suppressed, no persons), and the records it is built from: budget lines with outcome and
 * forecast, assignments and internal-control risks with their follow-ups (followup:write).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import type { Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import type { Database } from '../../db/connection.ts';
import type { Principal } from '../../access/domain/principal.ts';
import {
  createAssignment,
  createBudgetLine,
  createRisk,
  setAssignmentFollowUp,
  setBudgetFollowUp,
  setRiskFollowUp,
  updateAssignment,
  updateBudgetLine,
  updateRisk,
} from '../db/report-commands.ts';
import { loadBudgetLines, loadReportInput } from '../db/report-data.ts';
import { loadFollowedUpLineIds, removeReportLine, type ReportLineKind } from '../db/report-removal.ts';
import { renderReportPdf } from '../documents/report-pdf.ts';
import { renderReportXlsx } from '../documents/report-xlsx.ts';
import { ASSIGNMENT_STATUSES, REPORT_PERIODS, type ReportPeriod } from '../domain/report/periods.ts';
import { reportTexts } from '../domain/report/report-text.ts';
import { assembleReport, REPORT_SECTIONS, type Report } from '../domain/report/structure.ts';

const TAGS = ['Uppföljning'];
const Year = z.coerce.number().int().min(2000).max(2100);
const Period = z.enum(REPORT_PERIODS);
const ReportParams = z.strictObject({ year: Year, period: Period });
const YearParams = z.strictObject({ year: Year });
const IdParams = z.strictObject({ id: z.uuid() });
const FollowUpParams = z.strictObject({ id: z.uuid(), period: Period });
const Tkr = z.number().int().min(0).max(100_000_000);
const Text = (max: number) => z.string().trim().min(1).max(max);

const Figures = z.object({
  previousOutcome: z.number().nullable(),
  outcome: z.number().nullable(),
  budget: z.number(),
  forecast: z.number().nullable(),
  deviation: z.number().nullable(),
});
const ReportSchema = z.object({
  municipalityName: z.string(),
  year: z.number().int(),
  period: Period,
  generatedOn: z.string(),
  sections: z.array(z.enum(REPORT_SECTIONS)),
  summary: z.object({
    forecastDeviation: z.number().nullable(),
    deviations: z.array(z.object({ activity: z.string(), deviation: z.number() })),
    assistanceCostChange: z.number(),
    assistanceCostToDate: z.number(),
    assignments: z.object({
      done: z.number().int(),
      in_progress: z.number().int(),
      not_done: z.number().int(),
      unreported: z.number().int(),
    }),
    risksToBoard: z.number().int(),
  }),
  indicators: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      unit: z.enum(['percent', 'count', 'kr_per_inhabitant', 'kr_per_household', 'kr', 'fte']),
      koladaId: z.string().nullable(),
      previousYear: z.number().nullable(),
      target: z.number().nullable(),
      t1: z.number().nullable(),
      t2: z.number().nullable(),
      year: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
  budget: z.object({
    activities: z.array(z.object({ activity: z.string(), income: Figures, cost: Figures, net: Figures })),
    total: z.object({ income: Figures, cost: Figures, net: Figures }),
  }),
  resultAfterAllocation: Figures.nullable(),
  allocation: Figures.omit({ deviation: true }).nullable(),
  monthlyCost: z.object({
    years: z.array(z.number().int()),
    rows: z.array(z.object({ month: z.number().int(), amounts: z.array(z.number()) })),
    toDate: z.array(z.number()),
    fullYear: z.array(z.number().nullable()),
    changeFromPreviousYear: z.number(),
  }),
  volumes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      previous: z.number().nullable(),
      budget: z.number().nullable(),
      current: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
  assignments: z.array(
    z.object({
      id: z.string(),
      givenBy: z.enum(['council', 'board']),
      text: z.string(),
      status: z.enum(ASSIGNMENT_STATUSES).nullable(),
      comment: z.string(),
    }),
  ),
  risks: z.array(
    z.object({
      id: z.string(),
      process: z.string(),
      risk: z.string(),
      likelihood: z.number().int(),
      consequence: z.number().int(),
      controlActivity: z.string(),
      followUp: z.string().nullable(),
      score: z.number().int(),
      level: z.enum(['low', 'medium', 'high']),
      reportToBoard: z.boolean(),
    }),
  ),
});

const BudgetLineBody = z.strictObject({
  activity: Text(200),
  budgetIncome: Tkr,
  budgetCost: Tkr,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
const BudgetFollowUpBody = z.strictObject({
  outcomeIncome: Tkr,
  outcomeCost: Tkr,
  forecastIncome: Tkr,
  forecastCost: Tkr,
});
const AssignmentBody = z.strictObject({ givenBy: z.enum(['council', 'board']), text: Text(2000) });
const AssignmentFollowUpBody = z.strictObject({
  status: z.enum(ASSIGNMENT_STATUSES),
  comment: z.string().trim().max(4000).default(''),
});
const Grade = z.number().int().min(1).max(4);
const RiskBody = z.strictObject({
  process: Text(200),
  risk: Text(1000),
  likelihood: Grade,
  consequence: Grade,
  controlActivity: Text(2000),
});
const RiskFollowUpBody = z.strictObject({ comment: Text(4000) });
const Created = z.object({ id: z.uuid() });
const REMOVAL_RULE =
  'Only a line that has not been followed up in any period can be removed (409 REPORT_LINE_FOLLOWED_UP otherwise).';

async function buildReport(
  db: Database,
  principal: Principal,
  year: number,
  period: ReportPeriod,
  locale: Locale,
  now: Date,
): Promise<Report> {
  const t = reportTexts(locale);
  const input = await loadReportInput(db, {
    municipalityId: principal.municipalityId,
    municipalityName: principal.municipalityName,
    year,
    period,
    locale,
    today: swedishToday({ now: () => now }),
    volumeTitles: t.volumes.titles,
  });
  return assembleReport(input);
}

/** The report as JSON (its section list copied, the schema wants a mutable array). */
const presentReport = (report: Report) => ({ ...report, sections: [...report.sections] });

const fileName = (year: number, period: ReportPeriod, extension: string) =>
  `${period === 'year' ? 'arsbokslut' : `tertialrapport-${period}`}-${year}.${extension}`;

export function registerReportRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/reports/:year/:period',
    action: 'followup.report-read',
    permission: 'followup:read',
    summary: 'The four-month or annual report (tertialrapport, årsbokslut) with the budget lines behind it',
    tags: TAGS,
    params: ReportParams,
    response: z.object({
      report: ReportSchema,
      budgetLines: z.array(
        z.object({
          id: z.uuid(),
          activity: z.string(),
          sortOrder: z.number().int(),
          budgetIncome: z.number().int(),
          budgetCost: z.number().int(),
          followUp: BudgetFollowUpBody.nullable(),
        }),
      ),
      followedUp: z
        .object({ budgetLines: z.array(z.uuid()), assignments: z.array(z.uuid()), risks: z.array(z.uuid()) })
        .describe('The lines of the year followed up in some period: they can no longer be removed'),
    }),
    handler: async ({ db, principal, params, locale, now }) => ({
      report: presentReport(await buildReport(db, principal, params.year, params.period, locale, now)),
      budgetLines: await loadBudgetLines(db, principal.municipalityId, params.year, params.period),
      followedUp: await loadFollowedUpLineIds(db, principal.municipalityId, params.year),
    }),
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/reports/:year/:period.pdf',
    action: 'followup.report-pdf',
    permission: 'followup:read',
    summary: 'The report as a PDF in the order of a tertialrapport',
    tags: TAGS,
    params: ReportParams,
    file: true,
    handler: async ({ db, principal, params, locale, now }) => {
      const report = await buildReport(db, principal, params.year, params.period, locale, now);
      return {
        body: await renderReportPdf(report, locale),
        contentType: 'application/pdf',
        fileName: fileName(params.year, params.period, 'pdf'),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/reports/:year/:period.xlsx',
    action: 'followup.report-xlsx',
    permission: 'followup:read',
    summary: 'The report as an Excel workbook, one sheet per section',
    tags: TAGS,
    params: ReportParams,
    file: true,
    handler: async ({ db, principal, params, locale, now }) => {
      const report = await buildReport(db, principal, params.year, params.period, locale, now);
      return {
        body: await renderReportXlsx(report, locale),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: fileName(params.year, params.period, 'xlsx'),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/followup/reports/:year/budget-lines',
    action: 'followup.budget-line-create',
    permission: 'followup:write',
    summary: 'Adds a budget line (activity, budgeted income and cost in tkr) to the year',
    tags: TAGS,
    params: YearParams,
    body: BudgetLineBody,
    response: Created,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body }) => ({
      id: await createBudgetLine(db, principal.municipalityId, params.year, body),
    }),
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/followup/budget-lines/:id',
    action: 'followup.budget-line-update',
    permission: 'followup:write',
    summary: 'Changes a budget line',
    tags: TAGS,
    params: IdParams,
    body: BudgetLineBody,
    write: true,
    handler: async ({ db, principal, params, body, now }) => {
      await updateBudgetLine(db, principal.municipalityId, params.id, body, now);
      return undefined;
    },
  });

  registerRemoval(app, deps, 'budget-line', '/api/v1/followup/budget-lines/:id', 'Removes a budget line');

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/followup/budget-lines/:id/follow-ups/:period',
    action: 'followup.budget-line-follow-up',
    permission: 'followup:write',
    summary:
      'Records the outcome to date and the forecast for the year of a budget line at T1, T2 or year end',
    tags: TAGS,
    params: FollowUpParams,
    body: BudgetFollowUpBody,
    write: true,
    handler: async ({ db, principal, params, body, now }) => {
      await setBudgetFollowUp(db, principal.municipalityId, params.id, params.period, body, now);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/followup/reports/:year/assignments',
    action: 'followup.assignment-create',
    permission: 'followup:write',
    summary: 'Adds an assignment (uppdrag) of the year',
    tags: TAGS,
    params: YearParams,
    body: AssignmentBody,
    response: Created,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body }) => ({
      id: await createAssignment(db, principal.municipalityId, params.year, body),
    }),
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/followup/assignments/:id',
    action: 'followup.assignment-update',
    permission: 'followup:write',
    summary: 'Changes an assignment (who gave it and its text)',
    tags: TAGS,
    params: IdParams,
    body: AssignmentBody,
    write: true,
    handler: async ({ db, principal, params, body }) => {
      await updateAssignment(db, principal.municipalityId, params.id, body);
      return undefined;
    },
  });

  registerRemoval(app, deps, 'assignment', '/api/v1/followup/assignments/:id', 'Removes an assignment');

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/followup/assignments/:id/follow-ups/:period',
    action: 'followup.assignment-follow-up',
    permission: 'followup:write',
    summary: 'Records the status and comment of an assignment at T1, T2 or year end',
    tags: TAGS,
    params: FollowUpParams,
    body: AssignmentFollowUpBody,
    write: true,
    handler: async ({ db, principal, params, body, now }) => {
      await setAssignmentFollowUp(db, principal.municipalityId, params.id, params.period, body, now);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/followup/reports/:year/risks',
    action: 'followup.risk-create',
    permission: 'followup:write',
    summary: 'Adds an internal-control risk (likelihood and consequence 1–4) to the year',
    tags: TAGS,
    params: YearParams,
    body: RiskBody,
    response: Created,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body }) => ({
      id: await createRisk(db, principal.municipalityId, params.year, body),
    }),
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/followup/risks/:id',
    action: 'followup.risk-update',
    permission: 'followup:write',
    summary: 'Changes an internal-control risk and its grading',
    tags: TAGS,
    params: IdParams,
    body: RiskBody,
    write: true,
    handler: async ({ db, principal, params, body }) => {
      await updateRisk(db, principal.municipalityId, params.id, body);
      return undefined;
    },
  });

  registerRemoval(app, deps, 'risk', '/api/v1/followup/risks/:id', 'Removes an internal-control risk');

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/followup/risks/:id/follow-ups/:period',
    action: 'followup.risk-follow-up',
    permission: 'followup:write',
    summary: 'Records the follow-up of a risk’s control at T1, T2 or year end',
    tags: TAGS,
    params: FollowUpParams,
    body: RiskFollowUpBody,
    write: true,
    handler: async ({ db, principal, params, body, now }) => {
      await setRiskFollowUp(db, principal.municipalityId, params.id, params.period, body.comment, now);
      return undefined;
    },
  });
}

/** DELETE of a line, with the same permission as adding one. */
function registerRemoval(
  app: FastifyInstance,
  deps: ServerDeps,
  kind: ReportLineKind,
  url: string,
  summary: string,
): void {
  registerEndpoint(app, deps, {
    method: 'DELETE',
    url,
    action: `followup.${kind}-delete`,
    permission: 'followup:write',
    summary: `${summary}. ${REMOVAL_RULE}`,
    tags: TAGS,
    params: IdParams,
    write: true,
    handler: async ({ db, principal, params }) => {
      await removeReportLine(db, kind, principal.municipalityId, params.id);
      return undefined;
    },
  });
}
