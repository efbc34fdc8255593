// The host pages, wired with their office functions: Excel's sheet import and its adapter (src/ui/import
// with src/office/excel), Word's mail merge and its adapter (src/ui/mailMerge with src/office/word). Each is
// its own chunk, fetched when first shown or first called: the adapters are handed to the pages as
// ports that load their chunk on the first call. Outside Office the mail merge page downloads a .docx.
// Every chunk here is also fetched in the background once the pane is idle (laterLoad: backgroundParts.ts).
import { laterLoad, lazyPart } from '../ui/common/laterPart';
import type { ExcelPort } from '../domain/ports/excelPort';
import type { OfficeCheckRunner } from '../domain/officeCheck';
import { version as ADDIN_VERSION } from '../../package.json';
import type { WordPort } from '../domain/ports/wordPort';
import type { Workspace } from '../domain/workspace';
import type { HostInfo } from '../office/host';
import type { HostPages } from '../ui/shell/PaneRoot';
import type { Preferences } from '../domain/ports/preferences';

export function hostPagesFor(info: HostInfo, workspace: Workspace, preferences: Preferences): HostPages {
  return { ...hostPagesOf(info, workspace, preferences), officeCheck: officeCheckFor(info) };
}

/** Setup → Check this Office: the check's code is its own chunk, fetched when the check runs. */
const loadOfficeCheck = laterLoad(() => import(/* webpackChunkName: "office-check" */ '../office/officeCheck'));

function officeCheckFor(info: HostInfo): OfficeCheckRunner {
  return async ({ sharedWorkspace, onStep }) => {
    const { runOfficeCheck } = await loadOfficeCheck();
    return runOfficeCheck({ info, sharedWorkspace, onStep, addinVersion: ADDIN_VERSION });
  };
}

function hostPagesOf(info: HostInfo, workspace: Workspace, preferences: Preferences): HostPages {
  if (info.host === 'Excel') {
    const excel = lazyExcelPort();
    const ExcelImport = lazyPart(async () => {
      const page = await import(/* webpackChunkName: "excel" */ '../ui/import/ExcelImportPage');
      // The remembered column mappings live with this host's preferences.
      const mappings = {
        get: async (key: string) => preferences.get<unknown>(`mapping:${key}`),
        set: async (key: string, value: unknown) => preferences.set(`mapping:${key}`, value),
      };
      return {
        default: ({ segmentNo }: { segmentNo?: string }) => (
          <page.ExcelImportPage workspace={workspace} excel={excel} segmentNo={segmentNo} mappings={mappings} />
        ),
      };
    });
    return { excelImport: (segmentNo) => <ExcelImport segmentNo={segmentNo} />, excel };
  }
  if (info.host === 'Word') {
    const word = lazyWordPort({
      comments: info.supports.wordApi1_4,
      createDocument: info.supports.wordApi1_3,
      insertField: info.supports.wordApi1_3,
      readBack: info.supports.wordApi1_3,
    });
    return { mailMerge: () => <MailMerge workspace={workspace} word={word} />, word };
  }
  // Outside Office the CSV import reports its problems in the Excel import's words (catalogRegistry.ts).
  return { mailMerge: () => <MailMerge workspace={workspace} word={undefined} /> };
}

const MailMerge = lazyPart(() =>
  import(/* webpackChunkName: "word" */ '../ui/mailMerge/MailMergePage').then((m) => ({ default: m.MailMergePage })),
);

/** Loads once; a failed load (e.g. the network) is tried again on the next call. */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return laterLoad(
    () =>
      (loaded ??= load().catch((e: unknown) => {
        loaded = undefined;
        throw e;
      })),
  );
}

/** The Excel adapter behind its port, fetched with the Excel chunk on the first call. */
function lazyExcelPort(): ExcelPort {
  const port = loadOnce(() =>
    import(/* webpackChunkName: "excel" */ '../office/excel/excelAdapter').then((m) => m.createExcelPort()),
  );
  return {
    listTables: async () => (await port()).listTables(),
    read: async (source, opts) => (await port()).read(source, opts),
    exportTable: async (table) => (await port()).exportTable(table),
    selectSourceRow: async (source) => (await port()).selectSourceRow(source),
    writeContactNos: async (ref, header, rows) => (await port()).writeContactNos(ref, header, rows),
  };
}

/** The Word adapter behind its port (what the host supports is known at start), fetched on the first call. */
function lazyWordPort(supports: WordPort['supports']): WordPort {
  const port = loadOnce(() =>
    import(/* webpackChunkName: "word-office" */ '../office/word/wordAdapter').then((m) =>
      m.createWordAdapter({ supports }),
    ),
  );
  return {
    supports,
    readLetter: async () => (await port()).readLetter(),
    insertField: async (key, caption) => (await port()).insertField(key, caption),
    replaceBody: async (ooxml) => (await port()).replaceBody(ooxml),
    mergeLetters: async (letters, opts) => (await port()).mergeLetters(letters, opts),
    readMergedLetters: async (segmentNo, onProgress) => (await port()).readMergedLetters(segmentNo, onProgress),
    openDocument: async (docx) => (await port()).openDocument(docx),
  };
}
