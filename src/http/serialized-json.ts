/**
 * Response bodies an endpoint writes itself, sent as they are: one written once and sent many
 * times (a cached overview serialises it when it is read, not on every request), or one put
 * together from JSON the database keeps (the chain timeline's events). The rest of the body is
 * written by the same serializer Fastify uses for the route's response schema, so the bytes are
 * those the route would send.
 */
import type { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.ts';

export class SerializedJson<T> {
  /** Only for the type: the response the body holds. */
  declare readonly value?: T;
  constructor(readonly body: Buffer | string) {}
}

/** A serializer for `schema`'s output, compiled once. */
export function jsonSerializer<S extends z.ZodType>(
  schema: S,
): (value: z.output<S>) => SerializedJson<z.output<S>> {
  const stringify = responseSerializerCompiler({ schema }) as (value: unknown) => string;
  return (value) => new SerializedJson(Buffer.from(stringify(value)));
}

/**
 * A serializer for a response object whose array `key` comes already written as JSON: its items
 * joined by commas (rows the database keeps as the API sends them). The rest of the object is
 * written by the schema's serializer and the items are put in unchanged, so they must be what the
 * schema says.
 */
export function jsonSerializerWithItems<S extends z.ZodObject, K extends keyof z.output<S> & string>(
  schema: S,
  key: K,
): (value: Omit<z.output<S>, K>, items: string) => SerializedJson<z.output<S>> {
  const rest = schema.omit({ [key]: true } as Record<string, true>);
  const stringify = responseSerializerCompiler({ schema: rest }) as (value: unknown) => string;
  const field = JSON.stringify(key);
  return (value, items) => {
    const head = stringify(value);
    const separator = head === '{}' ? '' : ',';
    return new SerializedJson(`${head.slice(0, -1)}${separator}${field}:[${items}]}`);
  };
}
