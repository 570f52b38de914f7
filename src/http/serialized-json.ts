/**
 * A response body written once and sent many times: an endpoint whose answer is the same for a
 * while (a cached overview) serialises it when it is read, not on every request. The body is
 * written by the same serializer Fastify uses for the route's response schema, so the bytes are
 * those the route would send.
 */
import type { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.ts';

export class SerializedJson<T> {
  /** Only for the type: the response the body holds. */
  declare readonly value?: T;
  constructor(readonly body: Buffer) {}
}

/** A serializer for `schema`'s output, compiled once. */
export function jsonSerializer<S extends z.ZodType>(
  schema: S,
): (value: z.output<S>) => SerializedJson<z.output<S>> {
  const stringify = responseSerializerCompiler({ schema }) as (value: unknown) => string;
  return (value) => new SerializedJson(Buffer.from(stringify(value)));
}
