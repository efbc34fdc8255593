// Segment (BC page 5091): the header in its groups, the actions, the lines, and the dialogs they open.
import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CriteriaKind } from '../../domain/enums';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { SegmentLine } from '../../domain/segment';
import { useConfirm } from '../common/confirm';
import { ApplyMailingGroupDialog } from '../criteria/ApplyMailingGroupDialog';
import { CriteriaDialog } from '../criteria/CriteriaDialog';
import { CriteriaListDialog } from '../criteria/CriteriaListDialog';
import { LogDialog } from '../log/LogDialog';
import { ReuseCriteriaDialog } from '../criteria/ReuseCriteriaDialog';
import { ReuseSegmentDialog } from '../criteria/ReuseSegmentDialog';
import { SaveCriteriaDialog } from '../criteria/SaveCriteriaDialog';
import { downloadBlob } from '../common/download';
import { ExcelExportButton } from '../common/ExcelExportButton';
import { criteriaSummary } from '../criteria/criteriaSummary';
import { optionCaption } from '../common/errorText';
import { useContacts } from '../contacts/useContacts';
import { useSegment } from './useSegment';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useServices } from '../common/services';
import { AddLine } from './AddLine';
import { LinePanel } from './LinePanel';
import { LinesGrid } from './LinesGrid';
import { SegmentActions, type SegmentAction } from './SegmentActions';
import { SegmentHeaderForm } from './SegmentHeaderForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  linesBar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  grow: { flexGrow: 1, minWidth: 0 },
  // The segment's identity under the page title ("Segment SEG00001"): its description, wrapped, never cut.
  description: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  noDescription: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
});

type Open =
  | { dialog: 'criteria'; kind: CriteriaKind }
  | { dialog: 'log' | 'saveCriteria' | 'reuseCriteria' | 'reuseSegment' | 'applyMailingGroup' | 'criteriaList' }
  | { dialog: 'line'; line: SegmentLine }
  | undefined;

/** `excel`: the Excel adapter, in Excel only (the lines go to a sheet; a line shows its contact's row). */
export function SegmentPage({
  no,
  navigate,
  back,
  excel,
}: {
  no: string;
  navigate: Navigate;
  back(): void;
  excel?: ExcelPort;
}) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const { workspace, transfer, host } = useServices();
  const view = useSegment(no);
  const contacts = useContacts();
  const confirm = useConfirm();
  const notify = useNotify();
  const [open, setOpen] = useState<Open>();
  const names = useMemo(() => new Map((contacts?.contacts ?? []).map((c) => [c.no, c.name])), [contacts]);
  const root = useRef<HTMLDivElement>(null);
  const loaded = view != null;
  // What opened this page (New segment, a segment's number) hands focus to its first field, Description.
  useEffect(() => {
    if (loaded) root.current?.querySelector<HTMLElement>('[data-testid="field-description"]')?.focus();
  }, [loaded, no]);

  if (view === undefined) return <Spinner size="small" label={t('common.loading')} />;
  if (view === null) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('segment.notFound', { no })}</MessageBarBody>
      </MessageBar>
    );
  }
  const { header, lines, criteria } = view;

  const goBack = async () => {
    // Nothing to undo is said at once, not asked about.
    const last = criteria.at(-1);
    if (!last) return notify.info(t('error.NOTHING_TO_UNDO'));
    // BC's question, naming the step it undoes ("2. Reduce Contacts: City Torino").
    const text = t('segment.goBackConfirmStep', {
      step: `${last.actionNo}. ${optionCaption(t, last.kind)}: ${criteriaSummary(t, last)}`,
    });
    if (!(await confirm({ title: t('segment.goBack'), text }))) return;
    try {
      const r = await workspace.segments.goBack(no);
      notify.success(
        t('segment.wentBack', { added: formatNumber(r.added.length), removed: formatNumber(r.removed.length) }),
      );
    } catch (e) {
      notify.error(e);
    }
  };
  const exportPackage = async () => {
    if (!transfer) return;
    try {
      const pkg = await transfer.exportSegment(no);
      const file = `segment-${no}.json`;
      downloadBlob(new Blob([JSON.stringify(pkg)], { type: 'application/json' }), file);
      notify.success(t('segment.packageExported', { no, file }));
    } catch (e) {
      notify.error(e);
    }
  };
  const onAction = (a: SegmentAction) => {
    switch (a) {
      case 'add':
        return setOpen({ dialog: 'criteria', kind: 'Add Contacts' });
      case 'reduce':
        return setOpen({ dialog: 'criteria', kind: 'Remove Contacts (Reduce)' });
      case 'refine':
        return setOpen({ dialog: 'criteria', kind: 'Remove Contacts (Refine)' });
      case 'goBack':
        return void goBack();
      case 'criteria':
        return setOpen({ dialog: 'criteriaList' });
      case 'exportPackage':
        return void exportPackage();
      case 'importFromSheet':
        return navigate({ page: 'excelImport', segmentNo: no });
      default:
        return setOpen({ dialog: a });
    }
  };
  const addLine = async (contactNo: string) => {
    try {
      const line = await workspace.segments.addLine(no, contactNo);
      notify.success(t('segment.lineAdded', { contact: contactNo, lineNo: line.lineNo }));
      return true;
    } catch (e) {
      notify.error(e);
      return false;
    }
  };
  const close = () => setOpen(undefined);

  return (
    <div className={s.root} ref={root}>
      <Text className={header.description ? s.description : s.noDescription} data-testid="segment-description">
        {header.description || t('segment.noDescription')}
      </Text>
      <SegmentActions onAction={onAction} canImportFromSheet={host === 'Excel'} canExport={transfer !== undefined} />
      <SegmentHeaderForm header={header} />
      <div className={s.linesBar}>
        <Text weight="semibold" as="h2" size={300}>
          {t('segment.lines')} · {t('segment.linesCount', { n: formatNumber(lines.length) })}
        </Text>
        <ExcelExportButton workspace={workspace} excel={excel} what={{ kind: 'segment', segmentNo: no }} size="small" />
      </div>
      {lines.length === 0 ? (
        <Text>{t('segment.noLines')}</Text>
      ) : (
        <LinesGrid lines={lines} names={names} onOpen={(line) => setOpen({ dialog: 'line', line })} />
      )}
      <AddLine contacts={contacts?.contacts ?? []} onAdd={addLine} />

      {open?.dialog === 'criteria' ? (
        <CriteriaDialog header={header} kind={open.kind} onClose={close} onNavigate={navigate} />
      ) : null}
      {open?.dialog === 'log' ? (
        <LogDialog
          segmentNo={no}
          onClose={close}
          onLogged={(r) => {
            close();
            if (r.followUpSegmentNo) navigate({ page: 'segment', no: r.followUpSegmentNo });
            else back();
          }}
        />
      ) : null}
      {open?.dialog === 'saveCriteria' ? <SaveCriteriaDialog segmentNo={no} onClose={close} /> : null}
      {open?.dialog === 'reuseCriteria' ? (
        <ReuseCriteriaDialog segmentNo={no} noOfCriteriaActions={header.noOfCriteriaActions} onClose={close} />
      ) : null}
      {open?.dialog === 'reuseSegment' ? (
        <ReuseSegmentDialog segmentNo={no} noOfCriteriaActions={header.noOfCriteriaActions} onClose={close} />
      ) : null}
      {open?.dialog === 'applyMailingGroup' ? <ApplyMailingGroupDialog segmentNo={no} onClose={close} /> : null}
      {open?.dialog === 'criteriaList' ? (
        <CriteriaListDialog segmentNo={no} criteria={criteria} onClose={close} />
      ) : null}
      {open?.dialog === 'line' ? (
        <LinePanel
          segmentNo={no}
          header={header}
          // The line as stored now: a row clicked just after a save may still hold the line before it.
          line={lines.find((l) => l.id === open.line.id) ?? open.line}
          contactName={names.get(open.line.contactNo) ?? ''}
          criteria={criteria}
          excel={excel}
          onClose={close}
          onOpenContact={(contactNo) => {
            close();
            navigate({ page: 'contact', no: contactNo });
          }}
        />
      ) : null}
    </div>
  );
}
