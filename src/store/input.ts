// Parsing what a caller hands the store: a refusal names the field and every problem found.
import type { core } from 'zod/mini';
import { SegmentsError } from '../domain/errors';
import { describeIssues } from './rows';

/** The value parsed by `schema`, or INVALID_INPUT saying what (`what`) is wrong and where. */
export function parseOrThrow<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: core.$ZodError } },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new SegmentsError('INVALID_INPUT', `${what}: ${describeIssues(r.error).join('; ')}`, {
      field: String(r.error.issues[0]?.path.join('.') ?? ''),
    });
  return r.data;
}
