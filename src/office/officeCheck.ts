// The Office check (Setup → Check this Office): what only a real Office can answer, run by a pilot and
// sent back as a file. It reports the host, its version and language, each requirement set the add-in
// uses, the browser storage and the shared workspace's status (passed in); then, on a scratch sheet (Excel)
// or a scratch content control at the end of the document (Word) that it removes afterwards, the round
// trips the add-in depends on, each with its time, syncs and bytes. It never reads the user's cells or
// letters: everything it writes and reads back is its own synthetic data.
import { requirementSetsUsed } from '../domain/officeRequirements';
import { buildFlatOpc, parseLetter } from '../domain/mergeOoxml';
import { jsonSize } from '../domain/mergeBlocks';
import {
  officeCheckReportSchema,
  reportError,
  type OfficeCheckReport,
  type OfficeCheckStep,
  type OfficeCheckStepId,
} from '../domain/officeCheck';
import type { HostInfo } from './host';

type Run<C> = <T>(batch: (context: C) => Promise<T>) => Promise<T>;

export interface OfficeCheckOptions {
  info: HostInfo;
  /** The shared workspace's status as the pane shows it (e.g. connected, unavailable, offline). */
  sharedWorkspace: { status: string; detail?: string };
  addinVersion: string;
  now?: () => Date;
  clock?: () => number;
  storage?: Pick<StorageManager, 'estimate' | 'persisted'>;
  userAgent?: string;
  excelRun?: Run<Excel.RequestContext>;
  wordRun?: Run<Word.RequestContext>;
  /** Each step as it ends (progress in the pane). */
  onStep?: (step: OfficeCheckStep) => void;
}

const ROWS = 100;
const COLUMNS = 12;
/** Texts that Excel would take for numbers, formulas or dates unless the cells are formatted `@`. */
const TRAPS = [
  '00184',
  '=1+1',
  '+39 06 1234',
  '-5',
  '@home',
  '1/2',
  '3E5',
  'àèéìòù €',
  ' spaced ',
  'TRUE',
  '0,5',
  '2026-01-31',
];
const BLOCK_BYTES = 2_000_000;

export async function runOfficeCheck(o: OfficeCheckOptions): Promise<OfficeCheckReport> {
  const now = o.now ?? (() => new Date());
  const clock = o.clock ?? (() => performance.now());
  const steps: OfficeCheckStep[] = [];
  const push = (s: OfficeCheckStep) => {
    steps.push(s);
    o.onStep?.(s);
  };
  const host = o.info.host;

  const excelIds: OfficeCheckStepId[] = [
    'excel.scratchSheet',
    'excel.write100x12',
    'excel.read100x12',
    'excel.block2MB',
    'excel.undo',
    'excel.cleanup',
  ];
  const wordIds: OfficeCheckStepId[] = [
    'word.scratch',
    'word.block2MB',
    'word.merge20',
    'word.comments',
    'word.readBack',
    'word.undo',
    'word.cleanup',
  ];
  const skip = (id: OfficeCheckStepId, reason: NonNullable<OfficeCheckStep['reason']>, detail?: string) =>
    push({ id, status: 'skipped', reason, ms: 0, syncs: 0, bytes: 0, ...(detail ? { detail } : {}) });

  if (host === 'Excel') {
    await excelSteps(o.excelRun ?? ((b) => Excel.run(b)), push, skip, clock);
    for (const id of wordIds) skip(id, 'otherHost');
  } else if (host === 'Word') {
    for (const id of excelIds) skip(id, 'otherHost');
    await wordSteps(
      o.wordRun ?? ((b) => Word.run(b)),
      push,
      skip,
      clock,
      Boolean(o.info.features?.wordComments ?? o.info.supports.wordApi1_4),
    );
  } else {
    for (const id of [...excelIds, ...wordIds]) skip(id, 'needsOffice');
  }

  const storage = await readStorage(o.storage ?? (typeof navigator !== 'undefined' ? navigator.storage : undefined));
  const isSet = (set: string, v: string) =>
    host !== 'none' && typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported(set, v));
  const report: OfficeCheckReport = {
    kind: 'segments-office-check',
    schemaVersion: 1,
    createdAt: now().toISOString(),
    addinVersion: o.addinVersion,
    environment: {
      host,
      platform: o.info.platform,
      officeVersion: o.info.officeVersion ?? null,
      displayLanguage: o.info.displayLanguage,
      userAgent: (o.userAgent ?? (typeof navigator !== 'undefined' ? navigator.userAgent : '')).slice(0, 400),
    },
    requirements: requirementSetsUsed().map((r) => ({
      set: r.set,
      version: r.version,
      supported: r.host === host && isSet(r.set, r.version),
    })),
    storage,
    sharedWorkspace: {
      status: o.sharedWorkspace.status.slice(0, 40),
      ...(o.sharedWorkspace.detail ? { detail: reportError({ message: o.sharedWorkspace.detail }).message } : {}),
    },
    steps,
    totals: {
      passed: steps.filter((s) => s.status === 'passed').length,
      failed: steps.filter((s) => s.status === 'failed').length,
      skipped: steps.filter((s) => s.status === 'skipped').length,
    },
  };
  return officeCheckReportSchema.parse(report);
}

async function readStorage(
  s: Pick<StorageManager, 'estimate' | 'persisted'> | undefined,
): Promise<OfficeCheckReport['storage']> {
  const out: OfficeCheckReport['storage'] = { quotaBytes: null, usageBytes: null, persisted: null };
  try {
    const e = await s?.estimate?.();
    if (e) {
      out.quotaBytes = e.quota ?? null;
      out.usageBytes = e.usage ?? null;
    }
    if (s?.persisted) out.persisted = await s.persisted();
  } catch {
    /* a browser that does not say: left unknown */
  }
  return out;
}

type Push = (s: OfficeCheckStep) => void;
type Skip = (id: OfficeCheckStepId, reason: NonNullable<OfficeCheckStep['reason']>, detail?: string) => void;

/** Runs one step: its time, its syncs (counted on the context), pass or fail with the host's error. */
async function step<C extends { sync: () => Promise<unknown> }>(
  id: OfficeCheckStepId,
  ctx: C,
  clock: () => number,
  push: Push,
  body: (sync: () => Promise<void>) => Promise<{ bytes: number; detail?: string; ok?: boolean }>,
): Promise<boolean> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const t0 = clock();
  try {
    const r = await body(sync);
    const ok = r.ok ?? true;
    push({
      id,
      status: ok ? 'passed' : 'failed',
      ms: Math.max(0, clock() - t0),
      syncs,
      bytes: r.bytes,
      ...(r.detail ? { detail: r.detail.slice(0, 300) } : {}),
    });
    return ok;
  } catch (e) {
    push({ id, status: 'failed', ms: Math.max(0, clock() - t0), syncs, bytes: 0, error: reportError(e) });
    return false;
  }
}

const cellsBytes = (rows: unknown[][]) => new TextEncoder().encode(JSON.stringify(rows)).length;

async function excelSteps(run: Run<Excel.RequestContext>, push: Push, skip: Skip, clock: () => number): Promise<void> {
  try {
    await run(async (ctx) => {
      let sheet: Excel.Worksheet | undefined;
      const made = await step('excel.scratchSheet', ctx, clock, push, async (sync) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        await sync();
        const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        let name = 'Segments check';
        for (let i = 2; taken.has(name.toLowerCase()); i++) name = `Segments check ${i}`;
        sheet = sheets.add(name);
        await sync();
        return { bytes: 0, detail: 'a new worksheet' };
      });
      if (!made || !sheet) {
        for (const id of ['excel.write100x12', 'excel.read100x12', 'excel.block2MB'] as const)
          skip(id, 'earlierStepFailed');
      } else {
        const ws = sheet;
        const values = Array.from({ length: ROWS }, (_, r) =>
          TRAPS.map((t, c) => (r === 0 ? `Column ${c + 1}` : c === 0 ? `${t}${r}` : t)),
        );
        const wrote = await step('excel.write100x12', ctx, clock, push, async (sync) => {
          const range = ws.getRangeByIndexes(0, 0, ROWS, COLUMNS);
          range.numberFormat = values.map((row) => row.map(() => '@'));
          range.values = values;
          await sync();
          return { bytes: cellsBytes(values) * 2 };
        });
        if (wrote) {
          await step('excel.read100x12', ctx, clock, push, async (sync) => {
            const range = ws.getRangeByIndexes(0, 0, ROWS, COLUMNS);
            range.load('values,numberFormat');
            await sync();
            let wrong = 0;
            for (let r = 0; r < ROWS; r++)
              for (let c = 0; c < COLUMNS; c++)
                if (range.values[r]?.[c] !== values[r][c] || range.numberFormat[r]?.[c] !== '@') wrong++;
            return {
              bytes: cellsBytes(range.values) + cellsBytes(range.numberFormat),
              ok: wrong === 0,
              detail: wrong
                ? `${wrong} cells came back different from what was written`
                : 'every cell came back as text',
            };
          });
        } else skip('excel.read100x12', 'earlierStepFailed');
        await step('excel.block2MB', ctx, clock, push, async (sync) => {
          const cols = 10;
          const cell = 'x'.repeat(98);
          const rows = Math.ceil(BLOCK_BYTES / (cols * 101));
          const block = Array.from({ length: rows }, () => Array.from({ length: cols }, () => cell));
          const range = ws.getRangeByIndexes(ROWS + 1, 0, rows, cols);
          range.values = block;
          await sync();
          const last = ws.getRangeByIndexes(ROWS + rows, 0, 1, cols);
          last.load('values');
          await sync();
          return {
            bytes: cellsBytes(block),
            ok: last.values[0]?.[cols - 1] === cell,
            detail: `${rows} rows × ${cols} columns in one request`,
          };
        });
      }
      skip('excel.undo', 'notInOfficeJs', 'office.js has no undo: TESTING.md lists it among the checks by eye');
      if (sheet) {
        const ws = sheet;
        await step('excel.cleanup', ctx, clock, push, async (sync) => {
          ws.delete();
          await sync();
          return { bytes: 0, detail: 'the scratch worksheet was removed' };
        });
      } else skip('excel.cleanup', 'earlierStepFailed');
    });
  } catch (e) {
    push({ id: 'excel.scratchSheet', status: 'failed', ms: 0, syncs: 0, bytes: 0, error: reportError(e) });
  }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tagged = (tag: string, body: string) =>
  `<w:sdt><w:sdtPr><w:tag w:val="${tag}"/></w:sdtPr><w:sdtContent>${body}</w:sdtContent></w:sdt>`;
const pkgOf = (body: string) =>
  buildFlatOpc(parseLetter(`<w:document xmlns:w="${W}"><w:body>${para('')}</w:body></w:document>`), body);

async function wordSteps(
  run: Run<Word.RequestContext>,
  push: Push,
  skip: Skip,
  clock: () => number,
  comments: boolean,
): Promise<void> {
  try {
    await run(async (ctx) => {
      let scratch: Word.ContentControl | undefined;
      const made = await step('word.scratch', ctx, clock, push, async (sync) => {
        const p = ctx.document.body.insertParagraph('', 'End');
        scratch = p.insertContentControl();
        scratch.tag = 'segments-check';
        scratch.title = 'Segments check';
        await sync();
        return { bytes: 0, detail: 'a content control at the end of the document' };
      });
      if (!made || !scratch) {
        for (const id of ['word.block2MB', 'word.merge20', 'word.comments', 'word.readBack'] as const)
          skip(id, 'earlierStepFailed');
      } else {
        const cc = scratch;
        await step('word.block2MB', ctx, clock, push, async (sync) => {
          const line = 'x'.repeat(990);
          const body = Array.from({ length: Math.ceil(BLOCK_BYTES / 1030) }, () => para(line)).join('');
          const ooxml = pkgOf(body);
          cc.insertOoxml(ooxml, 'Replace');
          await sync();
          return { bytes: jsonSize(ooxml), detail: 'one insertOoxml of about 2 MB' };
        });
        const letters = Array.from({ length: 20 }, (_, i) =>
          tagged(`segments-check:${i + 1}`, para(`Letter ${i + 1} of the Office check.`)),
        );
        const merged = await step('word.merge20', ctx, clock, push, async (sync) => {
          const ooxml = pkgOf(letters.join(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`));
          cc.insertOoxml(ooxml, 'Replace');
          await sync();
          return { bytes: jsonSize(ooxml), detail: '20 letters, each in its content control' };
        });
        if (!merged) skip('word.comments', 'earlierStepFailed');
        else if (!comments) skip('word.comments', 'unsupported', 'Word comments need WordApi 1.4');
        else
          await step('word.comments', ctx, clock, push, async (sync) => {
            let bytes = 0;
            for (let i = 1; i <= 20; i++) {
              const text = `Comment ${i} of the Office check.`;
              bytes += jsonSize(text);
              cc.contentControls.getByTag(`segments-check:${i}`).getFirst().getRange('Whole').insertComment(text);
            }
            await sync();
            return { bytes, detail: '20 comments in one request' };
          });
        if (merged)
          await step('word.readBack', ctx, clock, push, async (sync) => {
            const ooxml = cc.getOoxml();
            await sync();
            const found = (ooxml.value.match(/segments-check:\d+/g) ?? []).length;
            return { bytes: jsonSize(ooxml.value), ok: found === 20, detail: `${found} of 20 letters read back` };
          });
        else skip('word.readBack', 'earlierStepFailed');
      }
      skip('word.undo', 'notInOfficeJs', 'office.js has no undo: TESTING.md lists it among the checks by eye');
      if (scratch) {
        const cc = scratch;
        await step('word.cleanup', ctx, clock, push, async (sync) => {
          cc.delete(false);
          await sync();
          return { bytes: 0, detail: 'the scratch content control and its contents were removed' };
        });
      } else skip('word.cleanup', 'earlierStepFailed');
    });
  } catch (e) {
    push({ id: 'word.scratch', status: 'failed', ms: 0, syncs: 0, bytes: 0, error: reportError(e) });
  }
}
