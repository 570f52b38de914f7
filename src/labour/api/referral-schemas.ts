/** Request and response schemas of referrals, plans, the start page and the case's labour section. */
import { z } from 'zod';
import { EXIT_RESULTS, REFERRAL_INITIATORS } from '../domain/terms.ts';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const ReferralIdParams = z.strictObject({ id: z.uuid() });
export const PlanIdParams = z.strictObject({ planId: z.uuid() });
export const CaseIdParams = z.strictObject({ caseId: z.uuid() });
export const PersonIdParams = z.strictObject({ personId: z.uuid() });
export const NoticeIdParams = z.strictObject({ id: z.uuid() });

export const PersonRef = z.object({
  id: z.uuid(),
  name: z.string().nullable().describe('null for a protected identity'),
  protectedIdentity: z.boolean(),
});

export const NewReferralBody = z
  .strictObject({
    personId: z.uuid().optional(),
    personalNumber: z.string().trim().min(10).max(15).optional().describe('instead of personId'),
    initiator: z.enum(REFERRAL_INITIATORS),
    ownerName: text(200).min(1).describe('who referred, at the referring party'),
    referredOn: isoDate.optional().describe('Defaults to today'),
    reason: text(2000).optional(),
  })
  .refine((body) => (body.personId === undefined) !== (body.personalNumber === undefined), {
    message: 'personId or personalNumber',
    path: ['personId'],
  });

export const CaseReferralBody = z.strictObject({
  personId: z.uuid(),
  reason: text(2000).optional(),
});

export const CreatedReferralResponse = z.object({ id: z.uuid(), introDay: z.string().nullable() });

export const ReferralListQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  q: text(100).optional(),
});

const ActivePlan = z.object({
  goal: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  followUpOn: z.string(),
});

export const ReferralListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      person: PersonRef,
      initiator: z.enum(REFERRAL_INITIATORS),
      initiatorLabel: z.string(),
      referredOn: z.string(),
      introDay: z.string().nullable(),
      capacityHours: z.number().int().nullable(),
      activePlan: ActivePlan.nullable(),
      status: z.enum(['open', 'closed']),
      exitResult: z.enum(EXIT_RESULTS).nullable(),
      exitResultLabel: z.string().nullable(),
    }),
  ),
});

export const ReferralDetailResponse = z.object({
  id: z.uuid(),
  person: PersonRef,
  caseId: z.uuid(),
  initiator: z.enum(REFERRAL_INITIATORS),
  initiatorLabel: z.string(),
  koladaIndicator: z.string(),
  ownerName: z.string(),
  assistanceCaseId: z.uuid().nullable(),
  applicationId: z.uuid().nullable(),
  referredOn: z.string(),
  reason: z.string().nullable(),
  introDay: z.string().nullable(),
  introAttended: z.boolean().nullable(),
  status: z.enum(['open', 'closed']),
  exitOn: z.string().nullable(),
  exitResult: z.enum(EXIT_RESULTS).nullable(),
  exitResultLabel: z.string().nullable(),
  exitComment: z.string().nullable(),
  workOrientedMinHours: z.number().int(),
  mappings: z.array(
    z.object({
      id: z.uuid(),
      mappedOn: z.string(),
      capacityHours: z.number().int(),
      education: z.string().nullable(),
      workExperience: z.string().nullable(),
      obstacles: z.string().nullable(),
      summary: z.string().nullable(),
      mappedByName: z.string(),
    }),
  ),
  plans: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      goal: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      followUpOn: z.string(),
      status: z.enum(['active', 'revised', 'closed']),
      createdByName: z.string(),
      followUps: z.array(
        z.object({ id: z.uuid(), doneOn: z.string(), comment: z.string(), doneByName: z.string() }),
      ),
    }),
  ),
  registration: z.object({ registeredOn: z.string(), endedOn: z.string().nullable() }).nullable(),
  registered: z.boolean(),
  flagged: z
    .boolean()
    .nullable()
    .describe('coded unemployed but not registered; null when the assistance_to_labour flow does not stand'),
});

export const IntroBody = z.strictObject({ attended: z.boolean() });

export const NewMappingBody = z.strictObject({
  mappedOn: isoDate,
  capacityHours: z.number().int().min(0).max(40),
  education: text(2000).optional(),
  workExperience: text(2000).optional(),
  obstacles: text(2000).optional(),
  summary: text(4000).optional(),
});

export const NewPlanBody = z.strictObject({
  goal: text(4000).min(1),
  startsOn: isoDate,
  endsOn: isoDate,
  followUpOn: isoDate,
});

export const CreatedPlanResponse = z.object({ id: z.uuid(), version: z.number().int() });
export const CreatedResponse = z.object({ id: z.uuid() });

export const NewFollowUpBody = z.strictObject({
  doneOn: isoDate,
  comment: text(4000).min(1),
  nextFollowUpOn: isoDate.optional(),
});

export const ExitBody = z.strictObject({
  exitOn: isoDate,
  result: z.enum(EXIT_RESULTS),
  comment: text(2000).optional(),
});

export const RegistrationBody = z.strictObject({
  registeredOn: isoDate,
  endedOn: isoDate.nullable().optional(),
});

const StartItem = { referralId: z.uuid(), person: PersonRef };

export const StartResponse = z.object({
  newReferrals: z.array(z.object({ ...StartItem, referredOn: z.string(), introDay: z.string().nullable() })),
  introDays: z.array(z.object({ day: z.string(), booked: z.array(z.object(StartItem)) })),
  followUpsDue: z.array(
    z.object({ ...StartItem, planId: z.uuid(), followUpOn: z.string(), goal: z.string() }),
  ),
  attendanceWeek: z.string(),
  attendanceToReport: z.array(
    z.object({ ...StartItem, placementId: z.uuid(), interventionName: z.string() }),
  ),
  employmentsEnding: z.array(
    z.object({
      ...StartItem,
      employmentId: z.uuid(),
      form: z.string(),
      formLabel: z.string(),
      endsOn: z.string(),
    }),
  ),
  unregistered: z.array(z.object({ referralId: z.uuid().nullable(), person: PersonRef })),
});

export const CaseLabourResponse = z.object({
  referrals: z.array(
    z.object({
      id: z.uuid(),
      person: PersonRef,
      initiator: z.enum(REFERRAL_INITIATORS),
      initiatorLabel: z.string(),
      referredOn: z.string(),
      introDay: z.string().nullable(),
      status: z.enum(['open', 'closed']),
      progress: z
        .object({
          capacityHours: z.number().int().nullable(),
          plan: z.object({ goal: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable(),
          exitOn: z.string().nullable(),
          exitResult: z.enum(EXIT_RESULTS).nullable(),
          exitResultLabel: z.string().nullable(),
        })
        .nullable()
        .describe('null unless the labour_to_assistance flow stands for the person'),
    }),
  ),
  notices: z.array(
    z.object({
      id: z.uuid(),
      referralId: z.uuid(),
      person: PersonRef,
      kind: z.enum(['referred', 'absence', 'deviation', 'employment_started', 'exit']),
      kindLabel: z.string(),
      week: z.string().nullable(),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      createdAt: z.string(),
    }),
  ),
  adults: z.array(
    z.object({
      person: PersonRef,
      registered: z.boolean(),
      flagged: z.boolean(),
      openReferral: z.boolean(),
    }),
  ),
});
