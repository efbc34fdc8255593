// The one import flow's last step, shared by the CSV and the Excel pages: the prepared rows are reviewed
// against the workspace (codes not in their lists, rows that match stored contacts, persons whose company
// does not exist); when there is anything to decide the page shows the choices, and only then writes.
import { useCallback, useState } from 'react';
import {
  importContacts,
  reviewImport,
  type ContactImportOptions,
  type ContactImportResult,
  type ImportReview,
  type ImportWorkspace,
} from '../../domain/contactImport';
import type { PreparedImport } from '../../domain/sheetImport';

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

/** Holds the rows prepared and their review until the user confirms the choices. */
export function useImportDecisions(workspace: ImportWorkspace) {
  const [pending, setPending] = useState<{ prepared: PreparedImport; review: ImportReview }>();
  const [choices, setChoices] = useState<ImportChoices>(defaultChoices);

  /** Reviews the prepared rows: imports at once when nothing needs deciding, else keeps them for `confirm`. */
  const offer = useCallback(
    async (
      prepared: PreparedImport,
      onProgress?: ContactImportOptions['onProgress'],
    ): Promise<ContactImportResult | undefined> => {
      const review = await reviewImport(workspace, prepared);
      if (!hasDecisions(review))
        return importContacts(workspace, prepared, { ...optionsOf(defaultChoices), onProgress });
      setChoices(defaultChoices);
      setPending({ prepared, review });
      return undefined;
    },
    [workspace],
  );

  const confirm = useCallback(
    async (onProgress?: ContactImportOptions['onProgress']): Promise<ContactImportResult | undefined> => {
      if (!pending) return undefined;
      const r = await importContacts(workspace, pending.prepared, { ...optionsOf(choices), onProgress });
      setPending(undefined);
      return r;
    },
    [workspace, pending, choices],
  );

  const reset = useCallback(() => setPending(undefined), []);
  return { pending, choices, setChoices, offer, confirm, reset };
}
