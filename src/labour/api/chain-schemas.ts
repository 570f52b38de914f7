/** Schemas of the information flows, the whole-chain timeline and the notices list. */
import { z } from 'zod';
import { ASSISTANCE_EVENT_KINDS, LABOUR_EVENT_KINDS } from '../domain/chain-timeline.ts';

const isoDate = z.iso.date();
const direction = z.enum(['assistance_to_labour', 'labour_to_assistance']);
const basis = z.enum(['consent', 'law']);

export const PersonParams = z.strictObject({ personId: z.uuid() });
export const FlowParams = z.strictObject({ personId: z.uuid(), id: z.uuid() });

export const NewFlowBody = z
  .strictObject({
    direction,
    basis,
    legalReference: z.string().trim().max(200).optional(),
    givenOn: isoDate,
  })
  .superRefine((value, ctx) => {
    if (value.basis === 'law' && !value.legalReference)
      ctx.addIssue({ code: 'custom', path: ['legalReference'], message: 'legal_reference_required' });
  });

export const ChainQuery = z.strictObject({
  before: isoDate.optional().describe("only events before this day (the previous page's nextBefore)"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(50)
    .describe('about this many events (a day is never split)'),
});

export const RevokeFlowBody = z.strictObject({ revokedOn: isoDate });

const Flow = z.object({
  id: z.uuid(),
  direction,
  directionLabel: z.string(),
  basis,
  basisLabel: z.string(),
  legalReference: z.string().nullable(),
  givenOn: z.string(),
  revokedOn: z.string().nullable(),
  standing: z.boolean().describe('stands today: given on or before today and not revoked'),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }),
  revokedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const FlowResponse = Flow;

export const FlowListResponse = z.object({
  personId: z.uuid(),
  separateAuthority: z
    .boolean()
    .describe('assistance and the unit are separate parts of the authority: flows need consent or law'),
  directions: z.array(
    z.object({
      direction,
      label: z.string(),
      standing: z.boolean(),
      current: Flow.nullable().describe('the flow not revoked, if any'),
    }),
  ),
  items: z.array(Flow).describe('every flow, standing or revoked, newest first'),
});

const PartAccess = z.object({
  shown: z.boolean(),
  because: z.enum(['own_unit', 'same_authority', 'flow']).nullable(),
  withheld: z.enum(['no_flow', 'no_access']).nullable(),
  message: z.string().nullable().describe('why the part is withheld, in the user language'),
});

export const ChainResponse = z.object({
  personId: z.uuid(),
  today: z.string(),
  separateAuthority: z.boolean(),
  parts: z.object({ assistance: PartAccess, labour: PartAccess }),
  hasMore: z
    .boolean()
    .describe('the shown parts hold events older than this page (no count: paging is by day)'),
  nextBefore: z.string().nullable().describe('pass as `before` for the next (older) page; null when none'),
  events: z.array(
    z.object({
      part: z.enum(['assistance', 'labour']),
      kind: z.enum([...ASSISTANCE_EVENT_KINDS, ...LABOUR_EVENT_KINDS]),
      date: z.string(),
      id: z.string(),
      // The fields an event's kind uses (see ChainEvent); the others are left out.
      caseId: z.string().optional(),
      referralId: z.string().optional(),
      month: z.string().optional(),
      code: z.string().optional(),
      codeLabel: z.string().optional().describe('the code in words, in the user language'),
      status: z.string().optional(),
      review: z.string().optional(),
      name: z.string().optional(),
      text: z.string().optional(),
      amountOre: z.number().int().optional(),
      hours: z.number().int().optional(),
      version: z.number().int().optional(),
      attended: z.boolean().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
  ),
});

export const NoticeListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      personId: z.uuid(),
      name: z.string().nullable().describe('null for a protected identity'),
      protectedIdentity: z.boolean(),
      kind: z.enum(['referred', 'absence', 'deviation', 'employment_started', 'exit']),
      kindLabel: z.string(),
      week: z.string().nullable(),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      detailText: z.string().nullable().describe('the detail in words, in the user language'),
      lowerPaymentExpected: z.boolean().describe('an exit to work: the next payment may be lower or none'),
      createdAt: z.string(),
    }),
  ),
});
