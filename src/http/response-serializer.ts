/**
 * Responses are written by fast-json-stringify from the JSON Schema of each route's Zod response
 * schema: only the fields the schema names leave the server, and it is several times cheaper than
 * validating every response with Zod (on the person view that validation cost ~20 % of the
 * server's CPU). Requests are still validated with Zod.
 */
import fastJsonStringify from 'fast-json-stringify';
import { z } from 'zod';

export const responseSerializerCompiler = ({ schema }: { schema: unknown }) => {
  const jsonSchema = z.toJSONSchema(schema as z.ZodType, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  });
  return fastJsonStringify(jsonSchema as Parameters<typeof fastJsonStringify>[0]);
};
