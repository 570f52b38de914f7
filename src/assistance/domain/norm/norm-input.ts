/**
 * The household as JSON (the `npx kedjan norm` input and the API's preview body), amounts in kronor
 * per month, validated into the calculation's plain data in öre. Every refusal names the field;
 * custom refusals carry a key of the catalogue's `validation` messages.
 */
import { z } from 'zod';
import type { NormGuidelines, NormHousehold } from './calculate-norm.ts';
import { RIKSNORM_YEARS } from './riksnorm-data.ts';
import { COST_TYPES, INCOME_TYPES, MEMBER_ROLES, type CostType } from './items.ts';

const MAX_MONTHLY_KRONOR = 1_000_000;

const kronor = z
  .number()
  .finite()
  .min(0)
  .max(MAX_MONTHLY_KRONOR)
  .refine((value) => Number.isInteger(Math.round(value * 100 * 1e6) / 1e6), 'at_most_two_decimals');

export const NormInputSchema = z
  .object({
    year: z
      .number()
      .int()
      .refine((year) => RIKSNORM_YEARS.includes(year), 'riksnorm_year_missing'),
    /** YYYY-MM: which month (decides the statute cited); defaults to January. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    members: z
      .array(
        z
          .object({
            role: z.enum(MEMBER_ROLES),
            age: z.number().int().min(0).max(120),
            lunchAway: z.boolean().optional(),
            included: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(30),
    costs: z
      .array(
        z
          .object({ type: z.enum(COST_TYPES), amount: kronor, description: z.string().max(200).optional() })
          .strict(),
      )
      .max(100)
      .default([]),
    incomes: z
      .array(
        z
          .object({
            type: z.enum(INCOME_TYPES),
            amount: kronor,
            jobStimulus: z.boolean().optional(),
            description: z.string().max(200).optional(),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    guidelines: z
      .object({ costLimits: z.partialRecord(z.enum(COST_TYPES), kronor).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const count = (role: string) => input.members.filter((m) => m.role === role).length;
    if (count('applicant') !== 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'exactly_one_applicant' });
    if (count('partner') > 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'at_most_one_partner' });
    input.members.forEach((member, index) => {
      if (member.role === 'child' && member.age > 20)
        ctx.addIssue({ code: 'custom', path: ['members', index, 'age'], message: 'child_too_old' });
      if (member.role !== 'child' && member.age < 18)
        ctx.addIssue({ code: 'custom', path: ['members', index, 'age'], message: 'adult_too_young' });
      if ((member.role === 'applicant' || member.role === 'partner') && member.included === false)
        ctx.addIssue({
          code: 'custom',
          path: ['members', index, 'included'],
          message: 'applicant_always_included',
        });
    });
    if (input.month && !input.month.startsWith(String(input.year)))
      ctx.addIssue({ code: 'custom', path: ['month'], message: 'month_outside_year' });
    input.incomes.forEach((income, index) => {
      if (income.jobStimulus && income.type !== 'salary')
        ctx.addIssue({
          code: 'custom',
          path: ['incomes', index, 'jobStimulus'],
          message: 'job_stimulus_salary_only',
        });
    });
  });

export type NormInput = z.infer<typeof NormInputSchema>;

export const toOre = (kronor: number): number => Math.round(kronor * 100);

export function toNormHousehold(input: NormInput): { household: NormHousehold; guidelines: NormGuidelines } {
  const costLimits: Partial<Record<CostType, number>> = {};
  for (const [type, limit] of Object.entries(input.guidelines?.costLimits ?? {}))
    if (limit !== undefined) costLimits[type as CostType] = toOre(limit);
  return {
    household: {
      members: input.members,
      costs: input.costs.map((cost) => ({ type: cost.type, amount: toOre(cost.amount) })),
      incomes: input.incomes.map((income) => ({
        type: income.type,
        amount: toOre(income.amount),
        ...(income.jobStimulus ? { jobStimulus: true } : {}),
      })),
    },
    guidelines: { costLimits },
  };
}
