/**
 * The monthly delivery to Socialstyrelsen (HSLF-FS 2015:30): the validation report (counts and
 * problems by case, never a personal identity number) for those who follow up, and the file
 * itself for managers, audited with every person in it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { loadNationalStatisticsRecords } from '../db/national-statistics-records.ts';
import {
  buildDelivery,
  findingMessage,
  validateDelivery,
  type FindingRule,
} from '../domain/national-statistics/delivery.ts';
import {
  deliveryFileName,
  FILE_LAYOUT_VERSION,
  recordsToFile,
} from '../domain/national-statistics/format.ts';

const MonthParams = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe('The month the assistance was for, YYYY-MM'),
});

const RULES = [
  'missing_reason_code',
  'unknown_reason_code',
  'payment_without_decision',
  'closed_without_exit_reason',
  'unknown_exit_reason',
  'no_applicant',
  'invalid_personal_number',
  'protected_identity',
] as const satisfies readonly FindingRule[];

const CheckResponse = z.object({
  month: z.string(),
  dueOn: z.string(),
  layout: z.string(),
  fileName: z.string(),
  counts: z.object({
    households: z.number().int(),
    adults: z.number().int(),
    children: z.number().int(),
    paidOre: z.number().int(),
    adultsInMeasure: z.number().int(),
    closedCases: z.number().int(),
    rows: z.number().int(),
  }),
  errors: z.number().int(),
  warnings: z.number().int(),
  problems: z.array(
    z.object({
      rule: z.enum(RULES),
      severity: z.enum(['error', 'warning']),
      caseId: z.uuid(),
      caseRef: z.string(),
      message: z.string(),
    }),
  ),
});

export function registerNationalStatisticsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/national-statistics/:month/check',
    action: 'followup.national-statistics-check',
    permission: 'followup:read',
    summary: "Validation report of the month's delivery to Socialstyrelsen (HSLF-FS 2015:30)",
    tags: ['Uppföljning'],
    params: MonthParams,
    response: CheckResponse,
    handler: async ({ db, principal, params, locale, audit }) => {
      const records = await loadNationalStatisticsRecords(db, principal.municipalityId, params.month);
      const delivery = buildDelivery(records);
      const findings = validateDelivery(records);
      for (const f of findings) audit.caseIds.add(f.caseId);
      const errors = findings.filter((f) => f.severity === 'error').length;
      return {
        month: params.month,
        dueOn: delivery.summary.dueOn,
        layout: FILE_LAYOUT_VERSION,
        fileName: deliveryFileName(principal.municipalityId, params.month),
        counts: {
          households: delivery.summary.households,
          adults: delivery.summary.adults,
          children: delivery.summary.children,
          paidOre: delivery.summary.paidOre,
          adultsInMeasure: delivery.summary.adultsInMeasure,
          closedCases: delivery.summary.closedCases,
          rows: delivery.summary.rows,
        },
        errors,
        warnings: findings.length - errors,
        problems: findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          caseId: f.caseId,
          caseRef: f.caseRef,
          message: findingMessage(f, locale),
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/national-statistics/:month/file',
    action: 'followup.national-statistics-file',
    permission: 'followup:write',
    summary:
      "The month's file for Socialstyrelsen (semicolon-separated, UTF-8); holds personal identity numbers",
    tags: ['Uppföljning'],
    params: MonthParams,
    file: true,
    personalData: true,
    handler: async ({ db, principal, params, audit }) => {
      const records = await loadNationalStatisticsRecords(db, principal.municipalityId, params.month);
      const delivery = buildDelivery(records);
      for (const id of delivery.personIds) audit.personIds.add(id);
      for (const id of delivery.caseIds) audit.caseIds.add(id);
      return {
        body: recordsToFile(delivery.records),
        contentType: 'text/csv; charset=utf-8',
        fileName: deliveryFileName(principal.municipalityId, params.month),
      };
    },
  });
}
