// The Excel import as steps the page drives: read the cells (one Excel.run), review the mapping, import
// (prepare in slices + one upsert, written in batches in one transaction), then optionally add to the open segment and write generated numbers back.
import { useCallback, useRef, useState } from 'react';
import { mappingKey, restoreMapping, toSavedMapping, type ColumnMapping } from '../../domain/columnMapping';
import type { ContactImportResult } from '../../domain/contactImport';
import { useImportDecisions, writeProgress } from './useImportDecisions';
import type { ExcelPort, ReadProgress, SheetRead, SheetRef, SheetSourceRequest } from '../../domain/ports/excelPort';
import { prepareRowsInSteps, type ArrivingRows, type PreparedImport } from '../../domain/sheetImport';
import type { Workspace } from '../../domain/workspace';
import { TaskCanceled, useLongTask, yieldToBrowser } from '../common/useLongTask';
import { useT } from '../common/i18n';
import { problemText } from './importText';

/** Where remembered mappings are kept (the shell provides the storage). */
export interface MappingStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/**
 * The rows prepared while the sheet is read, with the mapping the page then offers (the remembered one,
 * else the suggested one): an import with that mapping takes them instead of preparing again. `report`
 * is where its progress goes (the import's bar, once an import takes it over).
 */
interface EarlyPreparation {
  read: SheetRead;
  mapping: ColumnMapping;
  prepared: Promise<PreparedImport>;
  report: (done: number) => Promise<void>;
  stop(): void;
}

const sourceOf = (ref: SheetRef) => ({ workbook: ref.workbook, sheet: ref.sheet, table: ref.table });
const sameMapping = (a: ColumnMapping, b: ColumnMapping) => JSON.stringify(a) === JSON.stringify(b);

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
  const early = useRef<EarlyPreparation | undefined>(undefined);

  /** Starts preparing the rows as they arrive, with the mapping the page will offer for them. */
  const prepareEarly = useCallback(
    (growing: SheetRead, arriving: ArrivingRows) => {
      let stopped = false;
      const e: EarlyPreparation = {
        read: growing,
        mapping: restoreMapping(growing.header, undefined),
        prepared: Promise.resolve() as unknown as Promise<PreparedImport>,
        report: () => yieldToBrowser(),
        stop: () => void (stopped = true),
      };
      e.prepared = (async () => {
        const saved = mappings ? await mappings.get(mappingKey(growing.ref)).catch(() => undefined) : undefined;
        e.mapping = restoreMapping(growing.header, saved);
        return prepareRowsInSteps(
          growing,
          e.mapping,
          sourceOf(growing.ref),
          async (done) => {
            if (stopped) throw new TaskCanceled();
            await e.report(done);
          },
          {},
          undefined,
          arriving,
        );
      })();
      // Its failure is the import's to show, if an import takes it; a read that fails says so itself.
      e.prepared.catch(() => undefined);
      early.current = e;
    },
    [mappings],
  );

  const readCells = useCallback(
    async (source: SheetSourceRequest) => {
      if (!excel) return;
      setResult(undefined);
      decisions.reset();
      early.current?.stop();
      early.current = undefined;
      setAdded(false);
      setWroteColumn(undefined);
      const r = await task.run(async (c) => {
        await c.step(t('excel.reading'), 0, 1);
        // Cancel stops the read between blocks.
        const stop = new AbortController();
        const onProgress = (p: ReadProgress) =>
          void c.step(t('excel.reading'), p.rowsRead, p.rowsTotal).catch(() => stop.abort());
        try {
          return await excel.read(source, { onProgress, signal: stop.signal, onRows: prepareEarly });
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
    [excel, mappings, task, t, decisions, prepareEarly],
  );

  const runImport = useCallback(async () => {
    if (!read || !mapping) return;
    const r = await task.run(async (c) => {
      // One bar for the whole import: the first half checks the rows (in slices that yield to the page),
      // the second half writes them (in batches, one transaction).
      const label = t('excel.importing');
      const n = read.rowNumbers.length;
      await c.step(label, 0, 2 * n);
      // The rows prepared while the sheet was read, if the mapping is still the one they were prepared with.
      const e = early.current;
      early.current = undefined;
      let prepared: PreparedImport;
      if (e && e.read === read && sameMapping(e.mapping, mapping)) {
        e.report = (done) => c.step(label, done, 2 * n);
        prepared = await e.prepared;
      } else {
        e?.stop();
        prepared = await prepareRowsInSteps(read, mapping, sourceOf(read.ref), (done) => c.step(label, done, 2 * n));
      }
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
