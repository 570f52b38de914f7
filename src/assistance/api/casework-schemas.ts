/** Request and response schemas of the casework endpoints: journal, completion, intake, reason codes. */
import { z } from 'zod';
import { INTAKE_STEPS, MAPPING_FIELDS } from '../domain/intake/intake-plan.ts';
import { REASON_GROUPS } from '../domain/reason-codes/reason-code-list.ts';

const isoDate = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const text = (max: number) => z.string().trim().max(max);

// Autosave sends the draft as it is typed: whitespace is kept.
const noteBody = z.string().max(20000);

export const NewNoteBody = z.strictObject({
  noteDate: isoDate.optional().describe('Defaults to today'),
  body: noteBody.default(''),
});

export const SaveNoteBody = z.strictObject({ noteDate: isoDate, body: noteBody });

export const SavedResponse = z.object({ id: z.uuid(), savedAt: z.string() });

export const JournalResponse = z.object({
  provision: z.string().describe('the documentation duty the journal is kept under'),
  notes: z.array(
    z.object({
      id: z.uuid(),
      noteDate: z.string(),
      body: z.string(),
      status: z.enum(['draft', 'signed']),
      author: z.object({ id: z.uuid(), name: z.string() }),
      mine: z.boolean(),
      signedAt: z.string().nullable(),
      savedAt: z.string(),
      correctsId: z.uuid().nullable(),
      correctedBy: z.array(z.uuid()).describe('signed notes that correct this one, oldest first'),
    }),
  ),
});

export const NewCompletionBody = z.strictObject({
  applicationId: z.uuid().nullable().default(null),
  requested: text(2000).min(1),
  deadline: isoDate,
});

export const AnsweredBody = z.strictObject({ answeredOn: isoDate.optional().describe('Defaults to today') });

export const CompletionListResponse = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      applicationId: z.uuid().nullable(),
      applicationMonth: z.string().nullable(),
      requested: z.string(),
      requestedOn: z.string(),
      requestedBy: z.string(),
      deadline: z.string(),
      answeredOn: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

const mappingText = text(2000);
export const Ib3MappingSchema = z.strictObject(
  Object.fromEntries(MAPPING_FIELDS.map((f) => [f, mappingText.optional()])) as Record<
    (typeof MAPPING_FIELDS)[number],
    z.ZodOptional<typeof mappingText>
  >,
);

export const IntakeStepParams = z.strictObject({ caseId: z.uuid(), step: z.enum(INTAKE_STEPS) });

export const StepDoneBody = z.strictObject({
  doneOn: isoDate.optional().describe('Defaults to today'),
  ib3Mapping: Ib3MappingSchema.optional().describe(
    'IB3 only: the mapping at the new visit; kept with the step and as a signed journal note',
  ),
});

export const IntakeResponse = z.object({
  steps: z.array(
    z.object({
      step: z.enum(INTAKE_STEPS),
      label: z.string(),
      dueOn: z.string(),
      doneOn: z.string().nullable(),
      doneBy: z.string().nullable(),
      owner: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
      overdue: z.boolean(),
      canBeDone: z.boolean().describe('open, with every earlier step done'),
      mapping: Ib3MappingSchema.nullable(),
    }),
  ),
});

export const SetReasonCodeBody = z.strictObject({
  month,
  personId: z.uuid(),
  code: z.string().min(1).max(60),
});

export const ReasonCodeQuery = z.strictObject({
  from: month.optional().describe('YYYY-MM; defaults to twelve months back'),
});

const CodeEntry = z.object({
  code: z.string(),
  text: z.string(),
  group: z.enum(REASON_GROUPS),
  groupLabel: z.string(),
});

export const ReasonCodeListResponse = z.object({
  source: z.string(),
  codeList: z.array(CodeEntry).describe('the codes in force this month'),
  items: z.array(
    CodeEntry.extend({
      month: z.string(),
      personId: z.uuid(),
      name: z.string().nullable().describe('null for a protected identity'),
      setBy: z.string().nullable(),
      setAt: z.string(),
    }),
  ),
  missing: z
    .array(z.object({ month: z.string(), personId: z.uuid(), name: z.string().nullable() }))
    .describe('applicants and partners of applied-for months without a reason code'),
});
