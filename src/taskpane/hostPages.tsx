// The host pages, wired with their office functions: Excel's sheet import (src/ui/excel with
// src/office/excel) and Word's mail merge (src/ui/word with src/office/word). Each is its own chunk,
// fetched when first shown, together with its office adapter.
import { lazy } from 'react';
import type { Workspace } from '../domain/workspace';
import type { HostInfo } from '../office/host';
import type { HostPages } from '../ui/App';
import { excelMessages } from '../ui/excel/messages';
import type { Preferences } from '../ui/services';
import { wordMessages } from '../ui/word/messages';

export function hostPagesFor(info: HostInfo, workspace: Workspace, preferences: Preferences): HostPages {
  if (info.host === 'Excel') {
    const ExcelImport = lazy(async () => {
      const [page, adapter] = await Promise.all([
        import(/* webpackChunkName: "excel" */ '../ui/excel/ExcelImportPage'),
        import(/* webpackChunkName: "excel" */ '../office/excel/excelAdapter'),
      ]);
      const excel = adapter.createExcelPort();
      // The remembered column mappings live with this host's preferences.
      const mappings = {
        get: async (key: string) => preferences.get<unknown>(`mapping:${key}`),
        set: async (key: string, value: unknown) => preferences.set(`mapping:${key}`, value),
      };
      return { default: ({ segmentNo }: { segmentNo?: string }) => <page.ExcelImportPage workspace={workspace} excel={excel} segmentNo={segmentNo} mappings={mappings} /> };
    });
    return { excelImport: (segmentNo) => <ExcelImport segmentNo={segmentNo} />, catalogs: [excelMessages] };
  }
  if (info.host === 'Word') {
    const MailMerge = lazy(async () => {
      const [page, adapter] = await Promise.all([
        import(/* webpackChunkName: "word" */ '../ui/word/MailMergePage'),
        import(/* webpackChunkName: "word" */ '../office/word/wordAdapter'),
      ]);
      const word = adapter.createWordAdapter({ supports: { comments: info.supports.wordApi1_4, createDocument: info.supports.wordApi1_3 } });
      return { default: () => <page.MailMergePage workspace={workspace} word={word} /> };
    });
    return { mailMerge: () => <MailMerge />, catalogs: [wordMessages] };
  }
  return {};
}
