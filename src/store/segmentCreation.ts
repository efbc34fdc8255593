// Creating a segment: shared by the actions that make one (New, Log with a follow-up, Create Follow-up
// Segment). Runs inside the caller's action.
import * as z from 'zod/mini';
import { SegmentsError } from '../domain/errors';
import { headerFromTemplate } from '../domain/lineDefaults';
import {
  emptySegmentHeaderInput,
  segmentHeaderInputSchema,
  type SegmentHeaderInput,
  type SegmentHeaderRecord,
} from '../domain/segment';
import type { ActionScope } from './action';
import type { StoreContext } from './context';
import { describeIssues } from './rows';
import { templateByCode } from './segmentState';
import { takeNo } from './series';
import { readProfile, readSetup } from './setupProfile';

export const headerPatchSchema = z.strictObject(z.partial(segmentHeaderInputSchema).shape);

/** INVALID_INPUT naming what is wrong (`what`) and the first field. */
export function invalid(what: string, error: z.core.$ZodError): SegmentsError {
  const issues = describeIssues(error);
  return new SegmentsError('INVALID_INPUT', `${what}: ${issues.join('; ')}`, {
    field: String(error.issues[0]?.path[0] ?? ''),
  });
}

/** The interaction template with this code (none for a blank code), or NOT_FOUND. */
export async function requireTemplate(ctx: StoreContext, code: string) {
  const t = await templateByCode(ctx, code);
  if (code && !t)
    throw new SegmentsError('NOT_FOUND', `Interaction template ${code} does not exist`, {
      field: 'interactionTemplateCode',
      code,
    });
  return t;
}

/** Creates a header: next number of the series, today's date, the profile's salesperson, Setup's defaults. */
export async function createSegment(
  ctx: StoreContext,
  s: ActionScope,
  input: Partial<SegmentHeaderInput> = {},
): Promise<SegmentHeaderRecord> {
  const parsed = headerPatchSchema.safeParse(input);
  if (!parsed.success) throw invalid('Segment', parsed.error);
  const [setup, profile] = await Promise.all([readSetup(ctx), readProfile(ctx)]);
  const no = await takeNo(
    ctx,
    s,
    'segment',
    setup.segmentNos,
    async (n) =>
      (await ctx.db.segments.where('no').equals(n).count()) > 0 ||
      (await ctx.db.loggedSegments.where('segmentNo').equals(n).count()) > 0,
  );
  let fields: SegmentHeaderInput = {
    ...emptySegmentHeaderInput(),
    date: s.today,
    salespersonCode: profile.salespersonCode,
    correspondenceTypeDefault: setup.defaultCorrespondenceType,
    languageCodeDefault: setup.defaultLanguageCode,
  };
  if (parsed.data.interactionTemplateCode)
    fields = { ...fields, ...headerFromTemplate(await requireTemplate(ctx, parsed.data.interactionTemplateCode)) };
  fields = { ...fields, ...parsed.data };
  const header: SegmentHeaderRecord = { ...fields, no, id: s.newId(), createdAt: s.stamp, updatedAt: s.stamp };
  s.action.about ??= no;
  await ctx.db.segments.add(header);
  return header;
}
