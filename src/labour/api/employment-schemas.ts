/** Request and response schemas of the subsidised employments and "växla bidrag mot lön". */
import { z } from 'zod';
import { EMPLOYMENT_FORM_CODES } from '../domain/employment-forms.ts';

const isoDate = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const ore = z.number().int().min(0).max(20_000_000);

export const ReferralIdParams = z.strictObject({ id: z.uuid() });
export const EmploymentIdParams = z.strictObject({ id: z.uuid() });

export const NewEmploymentBody = z.strictObject({
  form: z
    .string()
    .min(1)
    .max(60)
    .describe(`One of ${EMPLOYMENT_FORM_CODES.join(', ')}`),
  employer: z.string().trim().min(1).max(200),
  workplace: z.string().trim().max(200).nullish(),
  startsOn: isoDate,
  endsOn: isoDate,
  hoursPerWeek: z.number().int().min(1).max(40),
  monthlySalaryCostOre: ore,
  monthlySupportOre: ore,
  extendsId: z.uuid().nullish().describe('The employment this one extends (one year, extendable one more)'),
});

export const UnionReviewBody = z
  .strictObject({
    decision: z.enum(['approved', 'refused']),
    reason: z.string().trim().max(2000).nullish(),
    reviewedOn: isoDate,
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'refused' && !value.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required when refused' });
  });

export const EndEmploymentBody = z.strictObject({ endedOn: isoDate });

export const OverviewQuery = z.strictObject({ month: month.optional().describe('Defaults to this month') });

const Warning = z
  .object({
    employmentId: z.uuid(),
    form: z.string(),
    formLabel: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    qualifyingForms: z.array(z.object({ code: z.string(), label: z.string() })),
    message: z.string().describe("The warning in the user's language"),
  })
  .nullable()
  .describe("The person's last planned employment does not qualify for a-kassa");

const Figures = z.object({
  salaryCostOre: z.number().int(),
  supportOre: z.number().int(),
  netCostOre: z.number().int(),
  monthsEmployed: z.number(),
  assistancePaidOre: z.number().int().nullable(),
  assistanceAvoidedOre: z.number().int().nullable(),
});

const Totals = z.object({
  persons: z.number().int(),
  salaryCostOre: z.number().int(),
  supportOre: z.number().int(),
  netCostOre: z.number().int(),
  assistanceAvoidedOre: z.number().int(),
  personsWithoutAssistanceData: z.number().int(),
});

export const Employment = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  form: z.string(),
  formLabel: z.string(),
  qualifiesForUnemploymentInsurance: z.boolean(),
  employer: z.string(),
  workplace: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  hoursPerWeek: z.number().int(),
  monthlySalaryCostOre: z.number().int(),
  monthlySupportOre: z.number().int(),
  extendsId: z.uuid().nullable(),
  extendedBy: z.uuid().nullable(),
  unionReview: z.enum(['pending', 'approved', 'refused']),
  unionReason: z.string().nullable(),
  unionReviewedOn: z.string().nullable(),
  status: z.enum(['planned', 'started', 'ended', 'cancelled']),
  statusLabel: z.string(),
  endedOn: z.string().nullable(),
});

export const CreatedEmploymentResponse = z.object({ id: z.uuid(), warning: Warning });

export const EmploymentListResponse = z.object({
  referralId: z.uuid(),
  personId: z.uuid(),
  closed: z.boolean(),
  employments: z.array(Employment),
  warning: Warning,
  exchange: z
    .object({ month: z.string(), thisMonth: Figures, yearToDate: Figures, assistanceAllowed: z.boolean() })
    .nullable()
    .describe('Växla bidrag mot lön for the person this month and the year to date'),
});

export const EmploymentChangedResponse = z.object({ id: z.uuid(), status: z.string(), warning: Warning });

export const StartedResponse = EmploymentChangedResponse.extend({
  assistanceNotified: z.boolean().describe('Whether a notice went to the assistance caseworker'),
});

export const OverviewResponse = z.object({
  month: z.string(),
  today: z.string(),
  byForm: z.array(
    z.object({ form: z.string(), label: z.string(), qualifies: z.boolean(), count: z.number().int() }),
  ),
  totalEmployed: z.number().int(),
  ending: z.array(
    z.object({
      id: z.uuid(),
      referralId: z.uuid(),
      personId: z.uuid(),
      name: z.string().nullable().describe('null for a protected identity'),
      protectedIdentity: z.boolean(),
      form: z.string(),
      formLabel: z.string(),
      employer: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      daysLeft: z.number().int(),
      status: z.enum(['planned', 'started', 'ended', 'cancelled']),
    }),
  ),
  exchange: z.object({
    month: Totals,
    yearToDate: Totals,
    persons: z.array(
      z.object({
        personId: z.uuid(),
        referralId: z.uuid(),
        name: z.string().nullable(),
        protectedIdentity: z.boolean(),
        assistanceAllowed: z.boolean(),
        thisMonth: Figures,
        yearToDate: Figures,
      }),
    ),
  }),
});
