// Segments: header, manual lines, removal. Criteria steps live in criteriaApi.ts, logging in logApi.ts.
import type { ZodError } from 'zod';
import { quoteFilterValue } from '../domain/filterExpression';
import { SegmentsError } from '../domain/errors';
import { headerFromTemplate, lineDefaults, propagateHeaderChange } from '../domain/lineDefaults';
import {
  emptySegmentHeaderInput,
  segmentHeaderInputSchema,
  segmentHeaderRecordSchema,
  segmentLineInputSchema,
  segmentLineSchema,
  type SegmentHeaderInput,
  type SegmentHeaderRecord,
  type SegmentLine,
  type SegmentLineInput,
} from '../domain/segment';
import { runAction, runRead, type ActionScope } from './action';
import type { StoreContext } from './context';
import { describeIssues } from './rows';
import {
  actionsOf,
  headerByNo,
  lastLineNoOf,
  linesOf,
  makeAction,
  makeLines,
  nextActionNo,
  readView,
  templateByCode,
  touchHeader,
  withFigures,
} from './segmentState';
import { takeNo } from './series';
import { readProfile, readSetup } from './setupProfile';
import { readByIndexKeys } from './indexReads';

const headerPatchSchema = segmentHeaderInputSchema.partial().strict();
const linePatchSchema = segmentLineInputSchema.partial().strict();

function invalid(what: string, error: ZodError): SegmentsError {
  const issues = describeIssues(error);
  return new SegmentsError('INVALID_INPUT', `${what}: ${issues.join('; ')}`, { field: String(error.issues[0]?.path[0] ?? '') });
}


async function requireTemplate(ctx: StoreContext, code: string) {
  const t = await templateByCode(ctx, code);
  if (code && !t) throw new SegmentsError('NOT_FOUND', `Interaction template ${code} does not exist`, { field: 'interactionTemplateCode', code });
  return t;
}

/** Creates a header: next number of the series, today's date, the profile's salesperson, Setup's defaults. */
export async function createSegment(ctx: StoreContext, s: ActionScope, input: Partial<SegmentHeaderInput> = {}): Promise<SegmentHeaderRecord> {
  const parsed = headerPatchSchema.safeParse(input);
  if (!parsed.success) throw invalid('Segment', parsed.error);
  const [setup, profile] = await Promise.all([readSetup(ctx), readProfile(ctx)]);
  const no = await takeNo(ctx, s, 'segment', setup.segmentNos, async (n) =>
    (await ctx.db.segments.where('no').equals(n).count()) > 0 || (await ctx.db.loggedSegments.where('segmentNo').equals(n).count()) > 0,
  );
  let fields: SegmentHeaderInput = {
    ...emptySegmentHeaderInput(),
    date: s.today,
    salespersonCode: profile.salespersonCode,
    correspondenceTypeDefault: setup.defaultCorrespondenceType,
    languageCodeDefault: setup.defaultLanguageCode,
  };
  if (parsed.data.interactionTemplateCode) fields = { ...fields, ...headerFromTemplate(await requireTemplate(ctx, parsed.data.interactionTemplateCode)) };
  fields = { ...fields, ...parsed.data };
  const header: SegmentHeaderRecord = { ...fields, no, id: s.newId(), createdAt: s.stamp, updatedAt: s.stamp };
  await ctx.db.segments.add(header);
  return header;
}

export function segmentsCoreApi(ctx: StoreContext) {
  const db = ctx.db;
  return {
    create: (input?: Partial<SegmentHeaderInput>) =>
      runAction(ctx, 'segments.create', [input ?? {}], async (s) => withFigures(await createSegment(ctx, s, input), [], 0)),

    get: (no: string) =>
      runRead(ctx, async () => {
        const h = await db.segments.where('no').equals(no).first();
        return h ? readView(ctx, h) : undefined;
      }),

    list: () =>
      runRead(ctx, async () => {
        const headers = await db.segments.orderBy('no').toArray();
        return Promise.all(headers.map(async (h) => withFigures(h, await linesOf(ctx, h.id), (await actionsOf(ctx, h.id)).length)));
      }),

    updateHeader: (no: string, patch: Partial<SegmentHeaderInput>, opts: { updateLines?: boolean } = {}) =>
      runAction(ctx, 'segments.updateHeader', [no, patch, opts], async (s) => {
        const parsed = headerPatchSchema.safeParse(patch);
        if (!parsed.success) throw invalid(`Segment ${no}`, parsed.error);
        const before = await headerByNo(ctx, no);
        let next: SegmentHeaderRecord = { ...before };
        const templateChanges = 'interactionTemplateCode' in parsed.data && parsed.data.interactionTemplateCode !== before.interactionTemplateCode;
        if (templateChanges) next = { ...next, ...headerFromTemplate(await requireTemplate(ctx, parsed.data.interactionTemplateCode ?? '')) };
        next = { ...next, ...parsed.data, updatedAt: s.stamp };
        const checked = segmentHeaderRecordSchema.safeParse(next);
        if (!checked.success) throw invalid(`Segment ${no}`, checked.error);
        await db.segments.put(next);
        if (opts.updateLines ?? true) {
          const lines = await linesOf(ctx, before.id);
          const contacts = await readByIndexKeys(db.contacts, 'no', lines.map((l) => l.contactNo));
          const template = await templateByCode(ctx, next.interactionTemplateCode);
          const changed = propagateHeaderChange(before, next, lines, new Map(contacts.map((c) => [c.no, c])), template);
          if (changed.length) await db.segmentLines.bulkPut(changed.map((l) => ({ ...l, updatedAt: s.stamp })));
        }
        return readView(ctx, next);
      }),

    addLine: (no: string, contactNo: string) =>
      runAction(ctx, 'segments.addLine', [no, contactNo], async (s) => {
        const header = await headerByNo(ctx, no);
        const contact = await db.contacts.where('no').equals(contactNo).first();
        if (!contact) throw new SegmentsError('NOT_FOUND', `Contact ${contactNo} does not exist`, { contactNo, field: 'contactNo' });
        const lines = await linesOf(ctx, header.id);
        const dup = lines.find((l) => l.contactNo === contactNo);
        if (dup) throw new SegmentsError('DUPLICATE_CONTACT', `Contact ${contactNo} is already in segment ${no} (line ${dup.lineNo})`, { contactNo, lineNo: dup.lineNo });
        const actionNo = await nextActionNo(ctx, header.id);
        const [line] = makeLines(s, header, lastLineNoOf(lines), [contact], await templateByCode(ctx, header.interactionTemplateCode), actionNo);
        await db.segmentLines.add(line);
        await db.criteriaActions.add(makeAction(s, header, actionNo, 'Add Contacts', {}, { contact: { no: quoteFilterValue(contactNo) } }, [line], []));
        await touchHeader(ctx, s, header);
        return line;
      }),

    updateLine: (no: string, lineNo: number, patch: Partial<SegmentLineInput>) =>
      runAction(ctx, 'segments.updateLine', [no, lineNo, patch], async (s) => {
        const parsed = linePatchSchema.safeParse(patch);
        if (!parsed.success) throw invalid(`Segment ${no} line ${lineNo}`, parsed.error);
        const header = await headerByNo(ctx, no);
        const line = await db.segmentLines.where('[segmentId+lineNo]').equals([header.id, lineNo]).first();
        if (!line) throw new SegmentsError('NOT_FOUND', `Segment ${no} has no line ${lineNo}`, { lineNo, segmentNo: no });
        let next: SegmentLine = { ...line };
        const code = parsed.data.interactionTemplateCode;
        if (code !== undefined && code !== line.interactionTemplateCode) {
          // Choosing a template on a line takes that template's values for this line.
          const template = await requireTemplate(ctx, code);
          const contact = await db.contacts.where('no').equals(line.contactNo).first();
          const fromTemplate = lineDefaults({ ...header, ...headerFromTemplate(template), interactionTemplateCode: code }, contact, template);
          next = {
            ...next,
            interactionTemplateCode: code,
            interactionGroupCode: fromTemplate.interactionGroupCode,
            cost: fromTemplate.cost,
            duration: fromTemplate.duration,
            informationFlow: fromTemplate.informationFlow,
            initiatedBy: fromTemplate.initiatedBy,
            correspondenceType: fromTemplate.correspondenceType,
          };
        }
        next = { ...next, ...parsed.data, updatedAt: s.stamp };
        const checked = segmentLineSchema.safeParse(next);
        if (!checked.success) throw invalid(`Segment ${no} line ${lineNo}`, checked.error);
        await db.segmentLines.put(next);
        await touchHeader(ctx, s, header);
        return next;
      }),

    removeLine: (no: string, lineNo: number) =>
      runAction(ctx, 'segments.removeLine', [no, lineNo], async (s) => {
        const header = await headerByNo(ctx, no);
        const line = await db.segmentLines.where('[segmentId+lineNo]').equals([header.id, lineNo]).first();
        if (!line) throw new SegmentsError('NOT_FOUND', `Segment ${no} has no line ${lineNo}`, { lineNo, segmentNo: no });
        await db.segmentLines.delete(line.id);
        const actionNo = await nextActionNo(ctx, header.id);
        await db.criteriaActions.add(makeAction(s, header, actionNo, 'Remove Contacts (Reduce)', {}, { contact: { no: quoteFilterValue(line.contactNo) } }, [], [line]));
        await touchHeader(ctx, s, header);
      }),

    remove: (no: string) =>
      runAction(ctx, 'segments.remove', [no], async () => {
        const header = await headerByNo(ctx, no);
        await db.segmentLines.where('segmentId').equals(header.id).delete();
        await db.criteriaActions.where('segmentId').equals(header.id).delete();
        await db.segments.delete(header.id);
      }),
  };
}
