// Segments: header, manual lines, removal. Criteria steps live in criteriaStepsApi.ts, logging in logApi.ts.
import * as z from 'zod/mini';
import { quoteFilterValue } from '../domain/filterExpression';
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { lastLineNoOf } from '../domain/criteriaPlan';
import {
  headerFromTemplate,
  lettersWithDefaultSubject,
  subjectOfDefaultLanguage,
  lineDefaults,
  languagesOfChangedLetters,
  linesAfterLetterChange,
  propagateHeaderChange,
  subjectOfLanguage,
} from '../domain/lineDefaults';
import {
  segmentHeaderRecordSchema,
  segmentLineInputSchema,
  segmentLineSchema,
  type SegmentHeaderInput,
  type SegmentHeaderRecord,
  type SegmentLine,
  type SegmentLineInput,
} from '../domain/segment';
import { defineAction, runRead } from './action';
import type { StoreContext } from './context';
import { createSegment, headerPatchSchema, invalid, requireTemplate } from './segmentCreation';
import { cleanLetter, cleanLetters } from './letters';
import {
  headerById,
  headerByNo,
  lineById,
  lineByNo,
  linesOf,
  makeAction,
  makeLines,
  nextActionNo,
  readView,
  templateByCode,
  touchHeader,
  withFigures,
} from './segmentState';
import { readByIndexKeys } from './indexReads';
import { storedFigures } from './figures';

const linePatchSchema = z.strictObject(z.partial(segmentLineInputSchema).shape);

export function segmentsCoreApi(ctx: StoreContext) {
  const db = ctx.db;
  const A = actionNames.segments;
  const create = defineAction(ctx, {
    name: A.create,
    resolve: async (input?: Partial<SegmentHeaderInput>) => [input ?? {}] as [Partial<SegmentHeaderInput>],
    body: async (s, input) => {
      return withFigures(await createSegment(ctx, s, input), [], 0);
    },
  });

  const updateHeader = defineAction(ctx, {
    name: A.updateHeader,
    resolve: async (no: string, patch: Partial<SegmentHeaderInput>, opts: { updateLines?: boolean } = {}) =>
      [(await headerByNo(ctx, no)).id, patch, opts] as [string, Partial<SegmentHeaderInput>, { updateLines?: boolean }],
    body: async (s, segmentId, patch, opts) => {
      const before = await headerById(ctx, segmentId);
      const no = (s.action.about = before.no);
      const parsed = headerPatchSchema.safeParse(patch);
      if (!parsed.success) throw invalid(`Segment ${no}`, parsed.error);
      if (parsed.data.letters) parsed.data.letters = cleanLetters(parsed.data.letters);
      let next: SegmentHeaderRecord = { ...before };
      const templateChanges =
        'interactionTemplateCode' in parsed.data &&
        parsed.data.interactionTemplateCode !== before.interactionTemplateCode;
      if (templateChanges)
        next = {
          ...next,
          ...headerFromTemplate(await requireTemplate(ctx, parsed.data.interactionTemplateCode ?? '')),
        };
      next = { ...next, ...parsed.data, updatedAt: s.stamp };
      // A new Language Code (Default) brings its letter's subject, unless a subject comes with it.
      if (
        parsed.data.subjectDefault === undefined &&
        !templateChanges &&
        next.languageCodeDefault !== before.languageCodeDefault
      )
        next.subjectDefault = subjectOfDefaultLanguage(next);
      // A new Subject (Default) is also the subject of the default language's letter (BC's OnValidate).
      if (parsed.data.subjectDefault !== undefined) next.letters = lettersWithDefaultSubject(next);
      const checked = segmentHeaderRecordSchema.safeParse(next);
      if (!checked.success) throw invalid(`Segment ${no}`, checked.error);
      await db.segments.put(next);
      const updateLines = opts.updateLines ?? true;
      if (updateLines || languagesOfChangedLetters(before, next).size > 0) {
        const lines = await linesOf(ctx, before.id);
        const contacts = await readByIndexKeys(
          db.contacts,
          'no',
          lines.map((l) => l.contactNo),
        );
        const contactsByNo = new Map(contacts.map((c) => [c.no, c]));
        // A language's letter gained or lost: the line's language rule again, whatever the answer about the
        // header's fields (segments.md, "A line's defaults").
        const changed = new Map(
          linesAfterLetterChange(before, next, lines, contactsByNo).map((l) => [l.id, l] as const),
        );
        if (updateLines) {
          const template = await templateByCode(ctx, next.interactionTemplateCode);
          const current = lines.map((l) => changed.get(l.id) ?? l);
          for (const l of propagateHeaderChange(before, next, current, contactsByNo, template)) changed.set(l.id, l);
        }
        if (changed.size)
          await db.segmentLines.bulkPut([...changed.values()].map((l) => ({ ...l, updatedAt: s.stamp })));
      }
      return readView(ctx, next);
    },
  });

  const addLine = defineAction(ctx, {
    name: A.addLine,
    resolve: async (no: string, contactNo: string) => [(await headerByNo(ctx, no)).id, contactNo] as [string, string],
    body: async (s, segmentId, contactNo) => {
      const header = await headerById(ctx, segmentId);
      const no = (s.action.about = header.no);
      const contact = await db.contacts.where('no').equals(contactNo).first();
      if (!contact)
        throw new SegmentsError('NOT_FOUND', `Contact ${contactNo} does not exist`, { contactNo, field: 'contactNo' });
      const lines = await linesOf(ctx, header.id);
      const dup = lines.find((l) => l.contactNo === contactNo);
      if (dup)
        throw new SegmentsError(
          'DUPLICATE_CONTACT',
          `Contact ${contactNo} is already in segment ${no} (line ${dup.lineNo})`,
          { contactNo, lineNo: dup.lineNo },
        );
      const actionNo = await nextActionNo(ctx, header.id);
      const [line] = makeLines(
        s,
        header,
        lastLineNoOf(lines),
        [contact],
        await templateByCode(ctx, header.interactionTemplateCode),
        actionNo,
      );
      await db.segmentLines.add(line);
      await db.criteriaActions.add(
        makeAction(
          s,
          header,
          actionNo,
          'Add Contacts',
          {},
          { contact: { no: quoteFilterValue(contactNo) } },
          [line],
          [],
        ),
      );
      await touchHeader(ctx, s, header);
      return line;
    },
  });

  const updateLine = defineAction(ctx, {
    name: A.updateLine,
    resolve: async (no: string, lineNo: number, patch: Partial<SegmentLineInput>) => {
      const header = await headerByNo(ctx, no);
      return [header.id, (await lineByNo(ctx, header, lineNo)).id, patch] as [
        string,
        string,
        Partial<SegmentLineInput>,
      ];
    },
    body: async (s, segmentId, lineId, patch) => {
      const header = await headerById(ctx, segmentId);
      const no = (s.action.about = header.no);
      const line = await lineById(ctx, header, lineId);
      const parsed = linePatchSchema.safeParse(patch);
      if (!parsed.success) throw invalid(`Segment ${no} line ${line.lineNo}`, parsed.error);
      if (parsed.data.letter) parsed.data.letter = cleanLetter(parsed.data.letter);
      let next: SegmentLine = { ...line };
      const code = parsed.data.interactionTemplateCode;
      if (code !== undefined && code !== line.interactionTemplateCode) {
        // Choosing a template on a line takes that template's values for this line.
        const template = await requireTemplate(ctx, code);
        const contact = await db.contacts.where('no').equals(line.contactNo).first();
        const fromTemplate = lineDefaults(
          { ...header, ...headerFromTemplate(template), interactionTemplateCode: code },
          contact,
          template,
        );
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
      // Another language takes the segment's subject for it (BC's "Language Code"), unless one is typed with it.
      const languageCode = parsed.data.languageCode;
      if (languageCode !== undefined && languageCode !== line.languageCode && parsed.data.subject === undefined)
        next.subject = subjectOfLanguage(header, languageCode);
      const checked = segmentLineSchema.safeParse(next);
      if (!checked.success) throw invalid(`Segment ${no} line ${line.lineNo}`, checked.error);
      await db.segmentLines.put(next);
      await touchHeader(ctx, s, header);
      return next;
    },
  });

  const removeLine = defineAction(ctx, {
    name: A.removeLine,
    resolve: async (no: string, lineNo: number) => {
      const header = await headerByNo(ctx, no);
      return [header.id, (await lineByNo(ctx, header, lineNo)).id] as [string, string];
    },
    body: async (s, segmentId, lineId) => {
      const header = await headerById(ctx, segmentId);
      s.action.about = header.no;
      const line = await lineById(ctx, header, lineId);
      await db.segmentLines.delete(line.id);
      const actionNo = await nextActionNo(ctx, header.id);
      await db.criteriaActions.add(
        makeAction(
          s,
          header,
          actionNo,
          'Remove Contacts (Reduce)',
          {},
          { contact: { no: quoteFilterValue(line.contactNo) } },
          [],
          [line],
        ),
      );
      await touchHeader(ctx, s, header);
    },
  });

  const remove = defineAction(ctx, {
    name: A.remove,
    resolve: async (no: string) => [(await headerByNo(ctx, no)).id] as [string],
    body: async (s, segmentId) => {
      const header = await headerById(ctx, segmentId);
      s.action.about = header.no;
      await db.segmentLines.where('segmentId').equals(header.id).delete();
      await db.criteriaActions.where('segmentId').equals(header.id).delete();
      await db.segments.delete(header.id);
    },
  });

  return {
    create: (input?: Partial<SegmentHeaderInput>) => create(input),

    get: (no: string) =>
      runRead(ctx, async () => {
        const h = await db.segments.where('no').equals(no).first();
        return h ? readView(ctx, h) : undefined;
      }),

    list: () =>
      runRead(ctx, async () => {
        // The stored figures (figures.ts): one read of the headers, no line is read.
        const headers = await db.segments.orderBy('no').toArray();
        return headers.map(storedFigures);
      }),

    updateHeader: (no: string, patch: Partial<SegmentHeaderInput>, opts: { updateLines?: boolean } = {}) =>
      updateHeader(no, patch, opts),
    addLine: (no: string, contactNo: string) => addLine(no, contactNo),
    updateLine: (no: string, lineNo: number, patch: Partial<SegmentLineInput>) => updateLine(no, lineNo, patch),
    removeLine: (no: string, lineNo: number) => removeLine(no, lineNo),
    remove: (no: string) => remove(no),
  };
}
