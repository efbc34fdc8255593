// The mail merge's steps, outside React: gather a segment's data from the workspace, read the letter
// from Word, check, merge, gather the letters to log. The page calls these with the Word port (or
// without one, outside Office).
import { loggedLetter, type MergedDocxOptions } from '../../domain/docx';
import { checkMerge, type MergeCheck } from '../../domain/mergeCheck';
import {
  convertLegacyFields,
  fieldResolver,
  findLegacyFields,
  type FieldResolver,
  type LegacyField,
} from '../../domain/mergeConvert';
import { extraMergeFields, mergeFields, type MergeFieldDef } from '../../domain/mergeFields';
import { isEmptyLetter, LetterRenderer, type MergeSource, type RenderedLetter } from '../../domain/mergeRender';
import { SegmentsError } from '../../domain/errors';
import type { Contact } from '../../domain/contact';
import type { LogOptions } from '../../domain/log';
import type { Workspace } from '../../domain/workspace';
import type { WordPort } from '../../domain/ports/wordPort';
import { wordMessages } from './messages';

export type Step = (label: string, done: number, total: number) => Promise<void>;
const noStep: Step = async () => undefined;

/** Everything a merge of `segmentNo` reads, from the workspace. */
export async function loadMergeSource(
  workspace: Workspace,
  segmentNo: string,
  documentLanguageCode: string,
  documentLetter?: string,
): Promise<MergeSource> {
  const view = await workspace.segments.get(segmentNo);
  if (!view) throw new SegmentsError('NOT_FOUND', `segment ${segmentNo} does not exist`, { segmentNo });
  const nos = [...new Set(view.lines.map((l) => l.contactNo).filter(Boolean))];
  const [contacts, salespeople, templates, languages, setup] = await Promise.all([
    Promise.all(nos.map((no) => workspace.contacts.get(no))),
    workspace.salespeople.list(),
    workspace.interactionTemplates.list(),
    workspace.languages.list(),
    workspace.setup.get(),
  ]);
  return {
    header: view.header,
    lines: view.lines,
    contacts: new Map(contacts.filter((c): c is Contact => c !== undefined).map((c) => [c.no, c])),
    salespeople: new Map(salespeople.map((s) => [s.code, s])),
    templates: new Map(templates.map((t) => [t.code, t])),
    locales: new Map(languages.map((l) => [l.code, l.locale])),
    fallbackLocale: setup.locale,
    documentLanguageCode,
    documentLetter,
  };
}

/** The fields the pane lists: the fixed ones and the `extra` columns of the segment's contacts. */
export function listFields(source: Pick<MergeSource, 'contacts'> | undefined): MergeFieldDef[] {
  return [...mergeFields, ...extraMergeFields(source ? source.contacts.values() : [])];
}

/** Matches Word mail-merge names to our fields by key, English and Italian captions, and extra headers. */
export function legacyResolver(fields: MergeFieldDef[], caption: (f: MergeFieldDef) => string): FieldResolver {
  return fieldResolver(
    fields.map((f) => ({
      key: f.key,
      caption: caption(f),
      names:
        f.group === 'extra'
          ? [f.captionKey]
          : [wordMessages.en[f.captionKey], wordMessages.it[f.captionKey]].filter(Boolean),
    })),
  );
}

export interface MergePlan {
  source: MergeSource;
  rendered: (RenderedLetter | undefined)[];
  letters: RenderedLetter[];
  check: MergeCheck;
}

/** Renders every line's letter in chunks that yield to the browser, and checks the result. */
export async function planMerge(
  source: MergeSource,
  legacy: LegacyField[],
  step: Step = noStep,
  label = '',
): Promise<MergePlan> {
  const renderer = new LetterRenderer(source);
  const rendered: (RenderedLetter | undefined)[] = [];
  const total = source.lines.length;
  for (let i = 0; i < total; i += 100) {
    for (const line of source.lines.slice(i, i + 100)) rendered.push(renderer.render(line));
    await step(label, Math.min(total, i + 100), total);
  }
  return {
    source,
    rendered,
    letters: rendered.filter((r): r is RenderedLetter => r !== undefined),
    check: checkMerge(source.lines, rendered, legacy),
  };
}

export interface DocumentLetter {
  /** The letter to merge: the document's, or the segment's when the document is empty or already merged. */
  ooxml: string | undefined;
  fromDocument: boolean;
  remerge: boolean;
  syncs: number;
}

/** Reads the letter from the open document (or, outside Office, takes the segment's). */
export async function readDocumentLetter(word: WordPort | undefined): Promise<DocumentLetter> {
  if (!word) return { ooxml: undefined, fromDocument: false, remerge: false, syncs: 0 };
  const read = await word.readLetter();
  if (read.merged.length || !read.ooxml)
    return { ooxml: undefined, fromDocument: false, remerge: read.merged.length > 0, syncs: read.syncs };
  if (isEmptyLetter(read.ooxml)) return { ooxml: undefined, fromDocument: false, remerge: false, syncs: read.syncs };
  return { ooxml: read.ooxml, fromDocument: true, remerge: false, syncs: read.syncs };
}

/** Stores the document's letter on the segment for `languageCode` before the body is replaced. */
export async function saveLetterOnSegment(
  workspace: Workspace,
  segmentNo: string,
  languageCode: string,
  ooxml: string,
): Promise<void> {
  const view = await workspace.segments.get(segmentNo);
  if (!view) throw new SegmentsError('NOT_FOUND', `segment ${segmentNo} does not exist`, { segmentNo });
  const letters = view.header.letters;
  const subject = letters[languageCode]?.subject ?? view.header.subjectDefault;
  await workspace.segments.updateHeader(
    segmentNo,
    { letters: { ...letters, [languageCode]: { subject, ooxml } } },
    { updateLines: false },
  );
}

/** Converts a Word mail-merge document in place; returns what was found. */
export async function convertDocument(word: WordPort, resolve: FieldResolver): Promise<LegacyField[]> {
  const read = await word.readLetter();
  if (!read.ooxml) return [];
  const out = convertLegacyFields(read.ooxml, resolve);
  if (out.fields.some((f) => f.key)) await word.replaceBody(out.ooxml);
  return out.fields;
}

export function legacyFieldsOf(ooxml: string | undefined, resolve: FieldResolver): LegacyField[] {
  return ooxml ? findLegacyFields(ooxml, resolve) : [];
}

/**
 * The letters to store with the log entries: read back from Word, or the rendered ones, each as its
 * contact got it in the merged .docx (`keep`: its headers and footers filled, its comment as a Word
 * comment when `comments` is on).
 */
export async function lettersForLog(
  word: WordPort | undefined,
  segmentNo: string,
  rendered: () => Promise<RenderedLetter[]>,
  onProgress?: (done: number, total: number) => void,
  keep: MergedDocxOptions & { comments?: boolean } = { author: '' },
): Promise<{ letters: NonNullable<LogOptions['letters']>; fromDocument: boolean; readBackError?: unknown }> {
  let readBackError: unknown;
  if (word && word.supports.readBack !== false) {
    // A Word that cannot give the letters back (too old, or refusing) does not stop the log: the
    // letters rendered for the merge are logged instead.
    try {
      const back = await word.readMergedLetters(segmentNo, onProgress);
      if (back.letters.length)
        return { letters: back.letters.map((l) => ({ lineNo: l.lineNo, ooxml: l.ooxml })), fromDocument: true };
    } catch (e) {
      readBackError = e;
    }
  }
  const { comments, ...opts } = keep;
  const letters = (await rendered()).map((l) => ({
    lineNo: l.lineNo,
    ooxml: loggedLetter(comments ? l : { ...l, comment: '' }, opts),
  }));
  return readBackError === undefined
    ? { letters, fromDocument: false }
    : { letters, fromDocument: false, readBackError };
}
