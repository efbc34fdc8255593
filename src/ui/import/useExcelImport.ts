// The Excel import as steps the page drives: read the cells (one Excel.run), review the mapping, import
// (prepare in slices + one upsert, written in batches in one transaction), then optionally add to the open segment and write generated numbers back.
import { useCallback, useState } from 'react';
import { mappingKey, restoreMapping, toSavedMapping, type ColumnMapping } from '../../domain/columnMapping';
import type { ContactImportResult } from '../../domain/contactImport';
import { useImportDecisions } from './useImportDecisions';
import type { ExcelPort, ReadProgress, SheetRead, SheetRef, SheetSourceRequest } from '../../domain/ports/excelPort';
import { prepareRowsInSteps } from '../../domain/sheetImport';
import type { Workspace } from '../../domain/workspace';
import { useLongTask, yieldToBrowser, type TaskControl } from '../common/useLongTask';
import { useT } from '../common/i18n';
import { problemText } from './importText';

/**
 * The write's progress as the second half of the import's bar (the first half is the rows' check). Each
 * call yields to the page and honours Cancel; the bar is redrawn only when it moved by 1 % or more (a
 * redraw of the page costs more than a step of a small import).
 */
function writeProgress(c: TaskControl, label: string) {
  let shown = -1;
  return async (done: number, total: number) => {
    const at = total + done;
    if (shown >= 0 && at - shown < (2 * total) / 100) {
      await yieldToBrowser();
      c.check();
      return;
    }
    shown = at;
    await c.step(label, at, 2 * total);
  };
}

/** Where remembered mappings are kept (the shell provides the storage). */
export interface MappingStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export function sourceLabel(ref: SheetRef): string {
  return [ref.workbook, ref.sheet, ref.table].filter(Boolean).join(' › ');
}

export function useExcelImport(workspace: Workspace, excel: ExcelPort | undefined, mappings?: MappingStore) {
  const t = useT();
  const task = useLongTask();
  const [read, setRead] = useState<SheetRead>();
  const [mapping, setMapping] = useState<ColumnMapping>();
  const [result, setResult] = useState<ContactImportResult>();
  const [added, setAdded] = useState(false);
  const [wroteColumn, setWroteColumn] = useState<string>();
  const [busy, setBusy] = useState(false);
  const decisions = useImportDecisions(workspace);

  const readCells = useCallback(
    async (source: SheetSourceRequest) => {
      if (!excel) return;
      setResult(undefined);
      decisions.reset();
      setAdded(false);
      setWroteColumn(undefined);
      const r = await task.run(async (c) => {
        await c.step(t('excel.reading'), 0, 1);
        // Cancel stops the read between blocks.
        const stop = new AbortController();
        const onProgress = (p: ReadProgress) =>
          void c.step(t('excel.reading'), p.rowsRead, p.rowsTotal).catch(() => stop.abort());
        try {
          return await excel.read(source, { onProgress, signal: stop.signal });
        } catch (e) {
          if (stop.signal.aborted) c.check();
          throw e;
        }
      });
      if (!r) return;
      const saved = mappings ? await mappings.get(mappingKey(r.ref)).catch(() => undefined) : undefined;
      setMapping(restoreMapping(r.header, saved));
      setRead(r);
    },
    [excel, mappings, task, t, decisions],
  );

  const runImport = useCallback(async () => {
    if (!read || !mapping) return;
    const r = await task.run(async (c) => {
      // One bar for the whole import: the first half checks the rows (in slices that yield to the page),
      // the second half writes them (in batches, one transaction).
      const label = t('excel.importing');
      const n = read.rowNumbers.length;
      await c.step(label, 0, 2 * n);
      const source = { workbook: read.ref.workbook, sheet: read.ref.sheet, table: read.ref.table };
      const prepared = await prepareRowsInSteps(read, mapping, source, (done) => c.step(label, done, 2 * n));
      await c.step(label, n, 2 * n);
      return { imported: await decisions.offer(prepared, writeProgress(c, label)) };
    });
    if (mappings) await mappings.set(mappingKey(read.ref), toSavedMapping(mapping)).catch(() => undefined);
    if (!r?.imported) return;
    setResult(r.imported);
    return r.imported;
  }, [read, mapping, task, t, mappings, decisions]);

  /** Writes with the choices the user made on the review of the rows. */
  const confirmImport = useCallback(async () => {
    setBusy(true);
    try {
      const r = await task.run((c) => decisions.confirm(writeProgress(c, t('excel.importing'))));
      if (r) setResult(r);
      return r;
    } finally {
      setBusy(false);
    }
  }, [decisions, task, t]);

  const addToSegment = useCallback(
    async (segmentNo: string) => {
      if (!result || !read) return;
      setBusy(true);
      try {
        const step = await workspace.segments.addContactList(segmentNo, result.contactNos, {
          source: sourceLabel(read.ref),
        });
        setAdded(true);
        return step;
      } finally {
        setBusy(false);
      }
    },
    [result, read, workspace],
  );

  const writeNos = useCallback(async () => {
    if (!result || !read || !excel) return;
    setBusy(true);
    try {
      const w = await excel.writeContactNos(read.ref, t('excel.nosHeader'), result.generated);
      setWroteColumn(w.column);
      return w;
    } finally {
      setBusy(false);
    }
  }, [result, read, excel, t]);

  const exportReport = useCallback(async () => {
    if (!result || !excel) return;
    setBusy(true);
    try {
      return await excel.exportTable({
        name: 'ImportReport',
        sheetName: t('excel.report.sheet'),
        columns: [
          { header: t('excel.report.row'), kind: 'number' },
          { header: t('excel.report.column'), kind: 'text' },
          { header: t('excel.report.severity'), kind: 'text' },
          { header: t('excel.report.message'), kind: 'text' },
        ],
        rows: result.problems.map((p) => [
          p.row ?? null,
          p.column ?? '',
          t(`excel.report.${p.severity}`),
          problemText(t, p),
        ]),
      });
    } finally {
      setBusy(false);
    }
  }, [result, excel, t]);

  return {
    task,
    read,
    mapping,
    setMapping,
    decisions,
    confirmImport,
    result,
    added,
    wroteColumn,
    busy,
    readCells,
    runImport,
    addToSegment,
    writeNos,
    exportReport,
  };
}
