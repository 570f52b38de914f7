/** Request and response schemas of the summer-job endpoints (feriearbeten). */
import { z } from 'zod';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const offerStatus = z.enum(['none', 'offered', 'accepted', 'declined']);
const reason = z.enum([
  'preference_1',
  'preference_2',
  'preference_3',
  'any_free_position',
  'no_position_left',
]);

export const SummerRoundParams = z.strictObject({ id: z.uuid() });
export const SummerApplicantParams = z.strictObject({ id: z.uuid() });

export const NewSummerRoundBody = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    applyBy: isoDate,
    minAge: z.number().int().min(13).max(25).default(16),
    maxAge: z.number().int().min(13).max(25).default(19),
  })
  .refine((b) => b.minAge <= b.maxAge, { path: ['maxAge'], message: 'minAge ≤ maxAge' });

export const NewSummerPositionBody = z.strictObject({
  employer: text(200),
  employerKind: z.enum(['department', 'association', 'company']),
  title: text(200),
  places: z.number().int().min(1).max(500),
});

export const NewSummerApplicantBody = z.strictObject({
  personId: z.uuid().optional().describe('the person in Kedjan; or give personalNumber'),
  personalNumber: z
    .string()
    .trim()
    .max(20)
    .optional()
    .describe('looked up within the municipality (the unit registers applicants outside its case scope)'),
  appliedOn: isoDate,
  householdWithAssistance: z.boolean().default(false),
  hadSummerJobBefore: z.boolean().default(false),
  preferences: z.array(z.uuid()).max(3).default([]).describe('position ids, best first'),
});

export const SummerApplicantQuery = z.strictObject({
  group: z.coerce.number().int().min(1).max(3).optional(),
  status: offerStatus.optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const SummerAnswerBody = z.strictObject({ accept: z.boolean() });

export const CreatedResponse = z.object({ id: z.uuid() });

const roundFields = {
  id: z.uuid(),
  year: z.number().int(),
  applyBy: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  lotterySeed: z.number().int().nullable().describe('stored so that anyone can re-run the draw'),
  allocatedAt: z.string().nullable(),
};

export const SummerRoundListResponse = z.object({
  items: z.array(
    z.object({
      ...roundFields,
      applicants: z.number().int(),
      positions: z.number().int(),
      places: z.number().int(),
    }),
  ),
});

const counts = {
  applicants: z.number().int(),
  offered: z.number().int().describe('got an offer (whatever the answer)'),
  awaitingAnswer: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  withoutPlace: z.number().int(),
};

export const SummerRoundResponse = z.object({
  ...roundFields,
  summary: z.object({
    ...counts,
    positions: z.number().int(),
    places: z.number().int(),
    freePlaces: z.number().int(),
  }),
  perGroup: z.array(z.object({ group: z.number().int(), label: z.string(), ...counts })),
  positions: z.array(
    z.object({
      id: z.uuid(),
      employer: z.string(),
      employerKind: z.enum(['department', 'association', 'company']),
      title: z.string(),
      places: z.number().int(),
      filled: z.number().int(),
      accepted: z.number().int(),
    }),
  ),
});

export const SummerApplicantListResponse = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      personId: z.uuid(),
      name: z.string().nullable().describe('null for a protected identity'),
      appliedOn: z.string(),
      householdWithAssistance: z.boolean(),
      hadSummerJobBefore: z.boolean(),
      preferences: z.array(z.uuid()),
      priorityGroup: z.number().int(),
      lotteryNumber: z.number().int().nullable(),
      positionId: z.uuid().nullable(),
      position: z.string().nullable(),
      offerStatus: offerStatus,
      reason: reason.nullable(),
      reasonText: z.string(),
    }),
  ),
});

export const SummerAllocateResponse = z.object({
  lotterySeed: z.number().int(),
  offered: z.number().int(),
  withoutPlace: z.number().int(),
  message: z.string(),
});

export const SummerAnswerResponse = z.object({
  applicantId: z.uuid(),
  offerStatus: z.enum(['accepted', 'declined']),
  message: z.string(),
  next: z
    .object({
      applicantId: z.uuid(),
      name: z.string().nullable(),
      positionId: z.uuid(),
      priorityGroup: z.number().int(),
      lotteryNumber: z.number().int(),
      reason: reason,
    })
    .nullable()
    .describe('who was offered the declined place'),
});
