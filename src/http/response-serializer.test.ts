import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.ts';

describe('response serialisation', () => {
  const serialize = responseSerializerCompiler({
    schema: z.object({
      id: z.uuid(),
      name: z.string().nullable(),
      members: z.array(z.object({ role: z.enum(['applicant', 'child']), validTo: z.string().nullable() })),
    }),
  });

  it('writes only the fields the schema names, so nothing else can leak', () => {
    const body = {
      id: '00000000-0000-4000-8000-000000000001',
      name: null,
      personalNumber: '198507099805',
      members: [{ role: 'child', validTo: null, address: 'Storgatan 1' }],
    };
    expect(JSON.parse(serialize(body))).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      name: null,
      members: [{ role: 'child', validTo: null }],
    });
  });
});
