// The office.js side of the mail merge: one Word.run per user action, plain data in and out. Writes
// and reads go in blocks under the request cap: a merge is one request to read the letter, ceil(N/K)
// insertOoxml requests (K as large as 4 MB allows) and the comments; reading the letters back is one
// request for the tags and ceil(N/K) for the letters. Never a sync per contact or per field.
import { bytesToBase64 } from '../../domain/docx';
import {
  jsonSize,
  planCommentBlocks,
  planMergeBlocks,
  splitMergedLetters,
  REQUEST_ENVELOPE_BYTES,
  WORD_REQUEST_CAP,
  type MergedLetterRead,
} from '../../domain/mergeBlocks';
import { buildFlatOpc, parseLetter } from '../../domain/mergeOoxml';
import { parseLetterTag, type RenderedLetter } from '../../domain/mergeRender';
import { COMMENT_FIELD } from '../../domain/mergeFields';
import { featureUnavailable, type OfficeFeature } from '../../domain/officeRequirements';
import type { WordLetterRead, WordMergeReport, WordPort, WordReadBack } from '../../domain/ports/wordPort';
import { sendHalving } from '../halveOnTooLarge';
import { isPayloadTooLarge, toWordHostError, WordHostError } from './wordError';

export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

export interface WordAdapterOptions {
  /** `Word.run` in the host; a test host's in tests. */
  run?: WordRun;
  supports: WordPort['supports'];
  /** The largest request (and response) Word is sent or asked for. */
  cap?: number;
  /** How much larger than the sample letter a letter read back may be, when sizing read blocks. */
  readMargin?: number;
}

const defaultRun: WordRun = (batch) => Word.run(batch);

export function createWordAdapter(opts: WordAdapterOptions): WordPort {
  const run = opts.run ?? defaultRun;
  const cap = opts.cap ?? WORD_REQUEST_CAP;
  const margin = opts.readMargin ?? 1.25;

  const guarded = async <T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await run(batch);
    } catch (e) {
      throw toWordHostError(e);
    }
  };

  const tooLarge = (what: string, bytes: number) =>
    new WordHostError(
      'RequestPayloadSizeLimitExceeded',
      `${what} takes ${bytes} bytes, more than one Word request may carry (${cap})`,
    );

  return {
    supports: opts.supports,

    readLetter: () =>
      guarded(async (context): Promise<WordLetterRead> => {
        // The tags first: a document of merged letters is known by them alone, and its body (9 MB for
        // 1,000 letters) is never asked for. Only a document without merged letters is read as a letter.
        const body = context.document.body;
        const controls = body.contentControls.load('items/tag');
        await context.sync();
        const merged = controls.items
          .map((c) => parseLetterTag(c.tag))
          .filter((t): t is NonNullable<typeof t> => t !== undefined);
        if (merged.length) return { merged, syncs: 1 };
        const ooxml = body.getOoxml();
        await context.sync();
        return { ooxml: ooxml.value, merged: [], syncs: 2 };
      }),

    insertField: (key, caption) =>
      needs(opts.supports.insertField !== false, 'wordInsertField', async (context) => {
        const range = context.document.getSelection().insertText(`«${caption}»`, 'Replace');
        const control = range.insertContentControl();
        control.tag = key;
        control.title = caption;
        control.appearance = 'Tags';
        control.getRange('After').select();
        await context.sync();
      }),

    replaceBody: (letter) =>
      guarded(async (context) => {
        // insertOoxml takes a package: a letter kept as bare body XML is wrapped in one.
        const ooxml = /<pkg:package\b/.test(letter)
          ? letter
          : buildFlatOpc(parseLetter(letter), parseLetter(letter).body);
        const bytes = jsonSize(ooxml) + REQUEST_ENVELOPE_BYTES;
        if (bytes > cap) throw tooLarge('the letter', bytes);
        context.document.body.insertOoxml(ooxml, 'Replace');
        await context.sync();
      }),

    mergeLetters: (letters, { comments, commentLabel, onProgress }) =>
      guarded(async (context): Promise<WordMergeReport> => {
        const blocks = planMergeBlocks(letters, cap);
        let syncs = 0;
        let last: Word.Range | undefined;
        // One request per block: the block is as large as the cap allows (planMergeBlocks).
        let done = 0;
        for (const block of blocks) {
          last = last
            ? last.insertOoxml(block.ooxml, 'After')
            : context.document.body.insertOoxml(block.ooxml, 'Replace');
          await context.sync();
          syncs++;
          onProgress?.((done += block.letters.length), letters.length);
        }
        const report = await attachComments(context, letters, comments, commentLabel ?? 'Comment:');
        return {
          letters: letters.length,
          blocks: blocks.length,
          blockBytes: blocks.map((b) => b.bytes),
          comments: report.comments,
          syncs: syncs + report.syncs,
        };
      }),

    readMergedLetters: (segmentNo, onProgress) =>
      needs(opts.supports.readBack !== false, 'wordReadBack', async (context): Promise<WordReadBack> => {
        const body = context.document.body;
        let controls = body.contentControls.load('items/tag');
        // The first content control's OOXML sizes the blocks; a document without any makes Word
        // refuse the lookup, and then there is nothing to read.
        const sample = body.contentControls.getFirstOrNullObject().getRange('Whole').getOoxml();
        let syncs = 1;
        try {
          await context.sync();
        } catch (e) {
          const err = toWordHostError(e);
          if (err.code !== 'ItemNotFound') throw err;
          controls = body.contentControls.load('items/tag');
          await context.sync();
          syncs++;
          if (controls.items.some((c) => parseLetterTag(c.tag))) throw err;
          return { letters: [], blocks: 0, syncs };
        }
        const mine = controls.items.filter((c) => parseLetterTag(c.tag)?.segmentNo === segmentNo);
        if (mine.length === 0) return { letters: [], blocks: 0, syncs };
        // Size the blocks from the first letter: its content, and the package around it.
        const pkg = parseLetter(sample.value);
        const overhead = jsonSize(buildFlatOpc(pkg, '')) + REQUEST_ENVELOPE_BYTES;
        const perLetter = Math.max(1, (jsonSize(sample.value) - overhead + REQUEST_ENVELOPE_BYTES) * margin);
        const k = Math.max(1, Math.floor((cap - overhead) / perLetter));
        const letters: MergedLetterRead[] = [];
        // A block larger than the sample suggested is halved and retried (sendHalving).
        const { blocks } = await sendHalving(
          mine.length,
          () => k,
          async (i, n) => {
            const ooxml = mine[i]
              .getRange('Whole')
              .expandTo(mine[i + n - 1].getRange('Whole'))
              .getOoxml();
            syncs++;
            await context.sync();
            letters.push(...splitMergedLetters(ooxml.value).filter((l) => l.segmentNo === segmentNo));
            onProgress?.(i + n, mine.length);
          },
          { tooLarge: (e) => isPayloadTooLarge(toWordHostError(e)) },
        );
        return { letters, blocks, syncs };
      }),

    openDocument: (docx) =>
      needs(opts.supports.createDocument, 'wordCreateDocument', async (context) => {
        const b64 = bytesToBase64(docx);
        const bytes = b64.length + REQUEST_ENVELOPE_BYTES;
        if (bytes > cap) throw tooLarge('the document', bytes);
        context.application.createDocument(b64).open();
        await context.sync();
      }),
  };

  /** A feature above WordApi 1.1 is checked before anything is queued: never a failure mid-action. */
  function needs<T>(
    available: boolean,
    feature: OfficeFeature,
    batch: (context: Word.RequestContext) => Promise<T>,
  ): Promise<T> {
    return available ? guarded(batch) : Promise.reject(featureUnavailable(feature));
  }

  async function attachComments(
    context: Word.RequestContext,
    letters: RenderedLetter[],
    wanted: boolean,
    label: string,
  ): Promise<{ comments: WordMergeReport['comments']; syncs: number }> {
    const todo = letters.filter((l) => l.comment);
    if (!wanted || todo.length === 0) return { comments: { outcome: 'none', attached: 0 }, syncs: 0 };
    if (!opts.supports.comments) {
      const kept = await keepInLetters(context, todo, label);
      return { comments: { outcome: 'unsupported', attached: 0, ...kept.counts }, syncs: kept.syncs };
    }
    let attached = 0;
    let syncs = 0;
    // After the letters, so that a host refusing comments never costs a letter.
    for (const block of planCommentBlocks(
      todo.map((l) => ({ tag: l.tag, text: l.comment })),
      cap,
    )) {
      for (const c of block)
        context.document.body.contentControls.getByTag(c.tag).getFirst().getRange('Whole').insertComment(c.text);
      try {
        await context.sync();
        syncs++;
        attached += block.length;
      } catch (e) {
        syncs++;
        const err = toWordHostError(e);
        // Refused (NotAllowed, or a payload the host would not take): the comments not attached go
        // into their letters as text, so that none is lost.
        const kept = await keepInLetters(context, todo.slice(attached), label);
        return {
          comments: { outcome: 'refused', attached, errorCode: err.code, ...kept.counts },
          syncs: syncs + kept.syncs,
        };
      }
    }
    return { comments: { outcome: 'attached', attached }, syncs };
  }

  /** Each comment into its letter as text: the letter's «Comment» field shows it already; a letter
   * without one gets a marked paragraph at its end. In blocks under the cap, one sync each. */
  async function keepInLetters(
    context: Word.RequestContext,
    letters: RenderedLetter[],
    label: string,
  ): Promise<{ counts: { inField: number; inParagraph: number }; syncs: number }> {
    const withField = letters.filter((l) => l.letter.keys.includes(COMMENT_FIELD));
    const without = letters.filter((l) => !l.letter.keys.includes(COMMENT_FIELD));
    let syncs = 0;
    for (const block of planCommentBlocks(
      without.map((l) => ({ tag: l.tag, text: `${label} ${l.comment}` })),
      cap,
    )) {
      for (const c of block)
        context.document.body.contentControls.getByTag(c.tag).getFirst().insertParagraph(c.text, 'End');
      await context.sync();
      syncs++;
    }
    return { counts: { inField: withField.length, inParagraph: without.length }, syncs };
  }
}
