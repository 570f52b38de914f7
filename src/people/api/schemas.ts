/** Request and response schemas of the people endpoints (they also generate the OpenAPI document). */
import { z } from 'zod';
import { ACCESS_PURPOSES } from '../../access/domain/purposes.ts';

export const PersonIdParams = z.strictObject({ id: z.uuid() });

export const PersonSearchBody = z.strictObject({
  query: z.string().trim().min(2).max(100).describe('Name, or personal identity number'),
  limit: z.number().int().min(1).max(100).default(50),
});

export const PersonSearchResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string().nullable().describe('null for a protected identity'),
      personalNumber: z.string().nullable().describe('YYYYMMDD-NNNN; null for a protected identity'),
      birthYear: z.number().int(),
      protectedIdentity: z.boolean(),
    }),
  ),
  total: z.number().int(),
});

const HouseholdRoleSchema = z.enum(['applicant', 'co_applicant', 'child', 'other_adult']);

export const PersonDetail = z.object({
  id: z.uuid(),
  personalNumber: z.string(),
  numberKind: z.enum(['personnummer', 'samordningsnummer']),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['female', 'male']),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
  protectedIdentity: z.boolean(),
  households: z.array(
    z.object({
      id: z.uuid(),
      members: z.array(
        z.object({
          personId: z.uuid(),
          name: z.string().nullable(),
          role: HouseholdRoleSchema,
          validFrom: z.string(),
          validTo: z.string().nullable(),
        }),
      ),
    }),
  ),
  cases: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['assistance', 'labour']),
      unitName: z.string(),
      openedOn: z.string(),
      closedOn: z.string().nullable(),
    }),
  ),
});

export const ProtectedAccessBody = z.strictObject({ purpose: z.enum(ACCESS_PURPOSES) });

const NewMember = z.strictObject({
  personalNumber: z.string().trim().min(10).max(13),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  role: HouseholdRoleSchema,
  streetAddress: z.string().trim().max(200).optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{2}$/)
    .optional(),
  city: z.string().trim().max(100).optional(),
});

export const NewHouseholdBody = z.strictObject({
  unitId: z.uuid(),
  members: z
    .array(NewMember)
    .min(1)
    .max(15)
    .refine((members) => members.filter((m) => m.role === 'applicant').length === 1, {
      message: 'exactly one applicant',
    }),
});

export const NewHouseholdResponse = z.object({
  householdId: z.uuid(),
  caseId: z.uuid(),
  personIds: z.array(z.uuid()),
});

export const MyCasesResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['assistance', 'labour']),
      unitName: z.string(),
      openedOn: z.string(),
      closedOn: z.string().nullable(),
      applicant: z.object({
        personId: z.uuid(),
        name: z.string().nullable(),
        protectedIdentity: z.boolean(),
      }),
    }),
  ),
});
