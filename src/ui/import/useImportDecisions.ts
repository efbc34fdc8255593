// The one import flow's last step, shared by the CSV and the Excel pages: the prepared rows are reviewed
// against the workspace (codes not in their lists, rows that match stored contacts, persons whose company
// does not exist); when there is anything to decide the page shows the choices, and only then writes.
// Cancel is honoured at every step before the write; the write is one transaction that commits as a
// whole, so while it runs the pages show that it writes, without a Cancel (`writing`).
import { useCallback, useRef, useState } from 'react';
import {
  importContacts,
  reviewImport,
  type ContactImportOptions,
  type ContactImportResult,
  type ImportReview,
  type ImportWorkspace,
} from '../../domain/contactImport';
import type { PreparedImport } from '../../domain/sheetImport';
import { yieldToBrowser, type TaskControl } from '../common/useLongTask';

export interface ImportChoices {
  unknownCodes: 'create' | 'drop' | 'reject';
  createCompanies: boolean;
  existingMatches: 'update' | 'skip';
}

export const defaultChoices: ImportChoices = {
  unknownCodes: 'drop',
  createCompanies: false,
  existingMatches: 'update',
};

export function hasDecisions(r: ImportReview): boolean {
  return r.unknownCodes.length > 0 || r.existingMatches.length > 0 || r.missingCompanies.length > 0;
}

export function optionsOf(c: ImportChoices): ContactImportOptions {
  return { unknownCodes: c.unknownCodes, createCompanies: c.createCompanies, existingMatches: c.existingMatches };
}

/**
 * The import's progress once its rows are checked, on the page's bar (`at` of `of`, from the rows written
 * of `total`). Each call yields to the page and honours Cancel before the write (during the write a
 * cancel is not offered); the bar is redrawn only when it moved by 1 % or more (a redraw of the page
 * costs more than a step of a small import).
 */
function progressOf(
  c: TaskControl,
  label: string,
  bar: (done: number, total: number) => { at: number; of: number },
): NonNullable<ContactImportOptions['onProgress']> {
  let shown = -1;
  return async (done: number, total: number) => {
    const { at, of } = bar(done, total);
    if (shown >= 0 && Math.abs(at - shown) < of / 100) {
      await yieldToBrowser();
      c.check();
      return;
    }
    shown = at;
    await c.step(label, at, of);
  };
}

/** The write as the second half of the import's bar (the first half is the rows' check): the Excel page's. */
export function writeProgress(c: TaskControl, label: string): NonNullable<ContactImportOptions['onProgress']> {
  return progressOf(c, label, (done, total) => ({ at: total + done, of: 2 * total }));
}

/**
 * The bar of the CSV page, which counts the file's rows as they are checked: it stays at every row checked
 * while the rows are matched to the workspace, then counts the rows written.
 */
export function checkedThenWritten(
  c: TaskControl,
  label: string,
  isWriting: () => boolean,
): NonNullable<ContactImportOptions['onProgress']> {
  return progressOf(c, label, (done, total) => ({ at: isWriting() ? done : total, of: total }));
}

/** Holds the rows prepared and their review until the user confirms the choices. */
export function useImportDecisions(workspace: ImportWorkspace) {
  const [pending, setPending] = useState<{ prepared: PreparedImport; review: ImportReview }>();
  const [choices, setChoices] = useState<ImportChoices>(defaultChoices);
  const [writing, setWriting] = useState(false);
  // Read by the Cancel of the progress: a click that comes before the page shows the write is not a cancel.
  const writingNow = useRef(false);

  const write = useCallback(
    async (
      prepared: PreparedImport,
      c: ImportChoices,
      onProgress: ContactImportOptions['onProgress'],
    ): Promise<ContactImportResult> => {
      try {
        return await importContacts(workspace, prepared, {
          ...optionsOf(c),
          onProgress,
          onWriting: () => {
            writingNow.current = true;
            setWriting(true);
          },
        });
      } finally {
        writingNow.current = false;
        setWriting(false);
      }
    },
    [workspace],
  );

  /**
   * Reviews the prepared rows: imports at once when nothing needs deciding, else keeps them for `confirm`.
   * `onProgress` is awaited between the review's slices too, so that Cancel stops the review.
   */
  const offer = useCallback(
    async (
      prepared: PreparedImport,
      onProgress?: ContactImportOptions['onProgress'],
    ): Promise<ContactImportResult | undefined> => {
      const total = prepared.rows.length;
      const pause = onProgress ? () => onProgress(0, total) : undefined;
      const review = await reviewImport(workspace, prepared, pause);
      await pause?.();
      if (!hasDecisions(review)) return write(prepared, defaultChoices, onProgress);
      setChoices(defaultChoices);
      setPending({ prepared, review });
      return undefined;
    },
    [workspace, write],
  );

  const confirm = useCallback(
    async (onProgress?: ContactImportOptions['onProgress']): Promise<ContactImportResult | undefined> => {
      if (!pending) return undefined;
      const r = await write(pending.prepared, choices, onProgress);
      setPending(undefined);
      return r;
    },
    [write, pending, choices],
  );

  const reset = useCallback(() => setPending(undefined), []);
  /** Whether the write has begun: from then on nothing can be canceled. */
  const isWriting = useCallback(() => writingNow.current, []);
  return { pending, choices, setChoices, offer, confirm, reset, writing, isWriting };
}
