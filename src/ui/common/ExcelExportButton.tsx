// Export a list to a new worksheet as a named Excel table, captions in the user's language: a segment's
// lines, a logged segment's entries, the interaction log, the contacts.
import { Button, MenuItem } from '@fluentui/react-components';
import { ArrowExportRegular } from '@fluentui/react-icons/svg/arrow-export';
import { useState } from 'react';
import type { ExcelPort, ExportTable } from '../../domain/ports/excelPort';
import { contactsTable, interactionLogTable, loggedSegmentTable, segmentLinesTable } from '../../domain/sheetExport';
import type { UiLanguage } from '../../domain/setup';
import type { InteractionLogFilter, Workspace } from '../../domain/workspace';
import { SegmentsError } from '../../domain/errors';
import { useI18n } from './i18n';
import { useNotify } from './notify';
import { excelErrorText } from '../import/importText';

export type ExportWhat =
  | { kind: 'segment'; segmentNo: string }
  | { kind: 'loggedSegment'; entryNo: number }
  | { kind: 'interactionLog'; filter?: InteractionLogFilter }
  | { kind: 'contacts' };

/** The table for `what`, read through the workspace. */
export async function buildExport(workspace: Workspace, what: ExportWhat, lang: UiLanguage): Promise<ExportTable> {
  switch (what.kind) {
    case 'segment': {
      const view = await workspace.segments.get(what.segmentNo);
      if (!view)
        throw new SegmentsError('NOT_FOUND', `Segment ${what.segmentNo} does not exist`, { segmentNo: what.segmentNo });
      return segmentLinesTable(what.segmentNo, view.lines, lang);
    }
    case 'loggedSegment': {
      const ls = await workspace.loggedSegments.get(what.entryNo);
      if (!ls)
        throw new SegmentsError('NOT_FOUND', `Logged segment ${what.entryNo} does not exist`, {
          code: String(what.entryNo),
        });
      return loggedSegmentTable(ls, await workspace.interactionLog.list({ loggedSegmentEntryNo: what.entryNo }), lang);
    }
    case 'interactionLog':
      return interactionLogTable(await workspace.interactionLog.list(what.filter), lang);
    case 'contacts':
      return contactsTable(await workspace.contacts.list(), lang);
  }
}

/** Builds the table and writes it through the port; says how it went in a toast. */
function useExcelExport(workspace: Workspace, excel: ExcelPort | undefined, what: ExportWhat) {
  const { t, language, formatNumber } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!excel) return;
    setBusy(true);
    try {
      const table = await buildExport(workspace, what, language);
      const r = await excel.exportTable(table);
      notify.success(t('excel.exported', { n: formatNumber(table.rows.length), sheet: r.sheet, table: r.table }));
    } catch (e) {
      notify.info(excelErrorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run, label: t(`excel.export.${what.kind}`) };
}

export function ExcelExportButton(props: {
  workspace: Workspace;
  excel: ExcelPort | undefined;
  what: ExportWhat;
  size?: 'small' | 'medium';
}) {
  const { workspace, excel, what, size } = props;
  const { busy, run, label } = useExcelExport(workspace, excel, what);
  if (!excel) return null;
  return (
    <Button size={size} icon={<ArrowExportRegular />} disabled={busy} onClick={() => void run()}>
      {label}
    </Button>
  );
}

/** The same action as an item of a row's menu (a list's row: a logged segment's entries). */
export function ExcelExportMenuItem(props: { workspace: Workspace; excel: ExcelPort | undefined; what: ExportWhat }) {
  const { workspace, excel, what } = props;
  const { run, label } = useExcelExport(workspace, excel, what);
  if (!excel) return null;
  return (
    <MenuItem icon={<ArrowExportRegular />} onClick={() => void run()}>
      {label}
    </MenuItem>
  );
}
