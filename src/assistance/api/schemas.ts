/** Request and response schemas of the financial-assistance endpoints. Money in the API is öre. */
import { z } from 'zod';
import { EXIT_REASONS } from '../domain/exit-reasons.ts';
import { COST_TYPES, INCOME_TYPES, MEMBER_ROLES } from '../domain/norm/items.ts';

const isoDate = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
/** At most 1 000 000 kr a month: anything above is a typing error, not a need. */
const ore = z.number().int().min(0).max(100_000_000);
const text = (max: number) => z.string().trim().max(max);

export const CaseIdParams = z.strictObject({ caseId: z.uuid() });
export const IdParams = z.strictObject({ id: z.uuid() });

export const NewApplicationBody = z.strictObject({
  month,
  channel: z.enum(['paper', 'e_application']).default('paper'),
  receivedOn: isoDate,
  completeOn: isoDate.nullable().default(null),
  selfAssessedUnemployed: z.boolean().default(false),
  housing: z
    .strictObject({
      address: text(200).optional(),
      apartment: text(40).optional(),
      contract: text(80).optional(),
    })
    .default({}),
  members: z
    .array(
      z.strictObject({
        personId: z.uuid(),
        lunchAway: z.boolean().optional(),
        included: z.boolean().optional(),
      }),
    )
    .max(30)
    .default([]),
  costs: z
    .array(z.strictObject({ type: z.enum(COST_TYPES), amountOre: ore, description: text(200).optional() }))
    .max(50)
    .default([]),
  incomes: z
    .array(
      z.strictObject({
        type: z.enum(INCOME_TYPES),
        amountOre: ore,
        jobStimulus: z.boolean().optional(),
        description: text(200).optional(),
      }),
    )
    .max(50)
    .default([]),
});

export const CreatedResponse = z.object({ id: z.uuid() });

const ReceiptLineSchema = z.object({
  section: z.enum(['riksnorm', 'cost', 'income']),
  code: z.string(),
  label: z.string(),
  rule: z.string(),
  amount: z.number().describe('kronor, signed'),
});

export const NormReceiptSchema = z.object({
  year: z.number().int(),
  date: z.string(),
  householdSize: z.number().int(),
  currency: z.literal('SEK'),
  riksnorm: z.number(),
  reasonableCosts: z.number(),
  incomes: z.number(),
  balance: z.number(),
  total: z.number(),
  lines: z.array(ReceiptLineSchema),
  sources: z.object({ riksnorm: z.string(), incomeSupport: z.string() }),
});

export const NormPreviewBody = z
  .object({})
  .passthrough()
  .describe('A household as JSON: the same input as `npx kedjan norm` (docs/norm.md)');

export const ApplicationNormResponse = z.object({
  applicationId: z.uuid(),
  caseId: z.uuid(),
  status: z.enum(['received', 'decided', 'withdrawn']),
  month: z.string(),
  receipt: NormReceiptSchema,
  proposal: z.array(
    z.object({
      lineNo: z.number().int(),
      itemType: z.string(),
      label: z.string(),
      appliedOre: z.number().int(),
      acceptedOre: z.number().int(),
      provision: z.string(),
    }),
  ),
  incomesOre: z.number().int(),
  members: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string().nullable(),
      role: z.enum(MEMBER_ROLES),
      age: z.number().int(),
    }),
  ),
});

export const NewDecisionBody = z.strictObject({
  items: z
    .array(
      z.strictObject({ lineNo: z.number().int().min(1), grantedOre: ore, reason: text(2000).optional() }),
    )
    .max(60)
    .default([]),
  reasons: text(10000).default(''),
  reduction: z
    .strictObject({ amountOre: ore.min(1), reason: text(2000).min(1) })
    .nullable()
    .default(null),
  condition: z
    .strictObject({ kind: z.enum(['practice', 'skills_activity']), detail: text(500).min(1) })
    .nullable()
    .default(null),
  payOn: isoDate,
  payeePersonId: z.uuid().optional().describe('Defaults to the applicant'),
  supersedesId: z.uuid().nullable().default(null),
});

export const DecisionResponse = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  applicationId: z.uuid(),
  month: z.string(),
  status: z.enum(['draft', 'signed']),
  decidedOn: z.string(),
  decidedBy: z.string(),
  signedAt: z.string().nullable(),
  grantedOre: z.number().int(),
  reductionOre: z.number().int(),
  reductionReason: z.string().nullable(),
  condition: z.enum(['practice', 'skills_activity']).nullable(),
  conditionDetail: z.string().nullable(),
  reasons: z.string(),
  payOn: z.string(),
  supersedesId: z.uuid().nullable(),
  items: z.array(
    z.object({
      lineNo: z.number().int(),
      itemType: z.string(),
      label: z.string(),
      appliedOre: z.number().int(),
      grantedOre: z.number().int(),
      outcome: z.enum(['granted', 'partly_granted', 'refused']),
      provision: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});

export const NewVisitBody = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }),
  caseworkerId: z.uuid().optional().describe("Defaults to the case's caseworker"),
});
export const VisitStatusBody = z.strictObject({ status: z.enum(['held', 'cancelled', 'no_show']) });

export const ExitBody = z.strictObject({ exitOn: isoDate, reason: z.enum(EXIT_REASONS) });

export const NewBankAccountBody = z.strictObject({
  personId: z.uuid(),
  clearingNumber: z.string().regex(/^[0-9]{4,5}$/),
  accountNumber: z.string().regex(/^[0-9]{1,12}$/),
});

export const PaymentRunBody = z.strictObject({ month, payOn: isoDate.optional() });
export const PaymentChangeBody = z.strictObject({ reason: text(500).min(3) });

export const PaymentRunResponse = z.object({
  id: z.uuid(),
  month: z.string(),
  payOn: z.string(),
  status: z.enum(['prepared', 'approved', 'cancelled']),
  preparedBy: z.string(),
  preparedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  messageId: z.string().nullable(),
  fileSha256: z.string().nullable(),
  count: z.number().int(),
  totalOre: z.number().int(),
  payments: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      decisionId: z.uuid(),
      payee: z.string().nullable(),
      amountOre: z.number().int(),
      account: z.string().describe('clearing number and the last four digits'),
      status: z.enum(['planned', 'sent', 'stopped', 'reversed']),
      statusReason: z.string().nullable(),
    }),
  ),
  withheld: z.array(
    z.object({
      decisionId: z.uuid(),
      caseId: z.uuid(),
      payee: z.string().nullable(),
      amountOre: z.number().int(),
      reason: z.enum(['no_visit', 'no_bank_account']),
    }),
  ),
});

export const PaymentRunListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      month: z.string(),
      status: z.enum(['prepared', 'approved', 'cancelled']),
      count: z.number().int(),
      totalOre: z.number().int(),
      preparedAt: z.string(),
    }),
  ),
});
