// A line's panel: the per-contact overrides and the comment, "why is this contact here" (the action that
// added it), and Remove line (recorded as a Reduce action that Go Back undoes).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ContactCardRegular } from '@fluentui/react-icons/svg/contact-card';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { useCallback, useState } from 'react';
import type { CriteriaActionView } from '../../domain/criteria';
import { subjectOfLanguage } from '../../domain/lineDefaults';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { SegmentHeader, SegmentLine, SegmentLineInput } from '../../domain/segment';
import { useConfirm } from '../common/confirm';
import { criteriaSummary } from '../criteria/criteriaSummary';
import { optionCaption } from '../common/errorText';
import { ShowInSheetButton } from './ShowInSheetButton';
import { useT } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { HeaderField, type FieldSpec } from './HeaderField';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Its own height in the column: Fluent's MessageBar sets a min-height of 36 px, which, in a flex column
  // that scrolls, lets the column shrink it to one line while its 2–3 lines of text run over what follows.
  why: { flexShrink: 0 },
});

const fields: FieldSpec[] = [
  { name: 'description', kind: 'text', max: 100 },
  { name: 'salespersonCode', kind: 'code', list: 'salespeople' },
  { name: 'correspondenceType', kind: 'enum', options: ['', 'Hard Copy', 'Email'] },
  { name: 'languageCode', kind: 'code', list: 'languages' },
  { name: 'subject', kind: 'text', max: 250 },
  { name: 'date', kind: 'date' },
  { name: 'cost', kind: 'number', decimals: 2 },
  { name: 'duration', kind: 'number' },
  {
    name: 'evaluation',
    kind: 'enum',
    options: ['', 'Very Positive', 'Positive', 'Neutral', 'Negative', 'Very Negative'],
  },
  { name: 'attemptFailed', kind: 'bool' },
];

/** `excel` (in Excel only): Show in the sheet selects the row the line's contact was imported from. */
/** `onOpenContact`: opens the line's contact card (the panel closes first). */
/** `header`: the segment's, for the subject a line takes when its language changes. */
export function LinePanel(props: {
  segmentNo: string;
  header: SegmentHeader;
  line: SegmentLine;
  contactName: string;
  criteria: CriteriaActionView[];
  excel?: ExcelPort;
  onClose(): void;
  onOpenContact?(contactNo: string): void;
}) {
  const t = useT();
  const s = useStyles();
  const workspace = useWorkspace();
  const confirm = useConfirm();
  const notify = useNotify();
  const { line, segmentNo } = props;
  const [patch, setPatch] = useState<Partial<SegmentLineInput>>({});
  const [busy, setBusy] = useState(false);
  // The fields holding a number that cannot be read: Save waits until they are corrected.
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(new Set());
  const unreadableIn = useCallback(
    (name: string) => (on: boolean) =>
      setUnreadable((prev) => {
        if (prev.has(name) === on) return prev;
        const next = new Set(prev);
        if (on) next.add(name);
        else next.delete(name);
        return next;
      }),
    [],
  );
  const current = { ...line, ...patch };
  const commit = (name: string, v: unknown) =>
    setPatch((p) =>
      // Another language takes the segment's subject for it, as the line will be saved (BC's "Language Code").
      name === 'languageCode' && v !== (p.languageCode ?? line.languageCode)
        ? { ...p, languageCode: String(v), subject: subjectOfLanguage(props.header, String(v)) }
        : { ...p, [name]: v },
    );
  const action = props.criteria.find((a) => a.actionNo === line.addedByAction);
  const contact = `${line.contactNo} ${props.contactName}`.trim();

  const save = async () => {
    setBusy(true);
    try {
      if (Object.keys(patch).length) await workspace.segments.updateLine(segmentNo, line.lineNo, patch);
      notify.success(t('segment.lineSaved', { lineNo: line.lineNo }));
      props.onClose();
    } catch (e) {
      notify.error(e);
      setBusy(false);
    }
  };
  const remove = async () => {
    if (
      !(await confirm({
        title: t('segment.removeLine'),
        text: t('segment.removeLineConfirm', { lineNo: line.lineNo, contact }),
      }))
    )
      return;
    try {
      await workspace.segments.removeLine(segmentNo, line.lineNo);
      notify.success(t('segment.lineRemoved', { lineNo: line.lineNo }));
      props.onClose();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('segment.linePanel', { lineNo: line.lineNo, contact })}</DialogTitle>
          <DialogContent className={s.content}>
            {/* Multiline: the text wraps at 320 px, and the box grows with it. */}
            <MessageBar intent="info" layout="multiline" className={s.why} data-testid="why-here">
              <MessageBarBody>
                <strong>{t('segment.why')}</strong>{' '}
                {action
                  ? `${t('segment.addedBy', { actionNo: action.actionNo, kind: optionCaption(t, action.kind) })}: ${criteriaSummary(t, action)}`
                  : t('segment.addedByUnknown')}
              </MessageBarBody>
            </MessageBar>
            <div>
              {props.onOpenContact ? (
                <Button
                  size="small"
                  icon={<ContactCardRegular />}
                  onClick={() => props.onOpenContact?.(line.contactNo)}
                  data-testid="line-open-contact"
                >
                  {t('contact.open')}
                </Button>
              ) : null}
              {props.excel ? (
                <ShowInSheetButton workspace={workspace} excel={props.excel} contactNo={line.contactNo} />
              ) : null}
            </div>
            {fields.map((f) => (
              <HeaderField
                key={f.name}
                spec={f}
                value={current[f.name as keyof SegmentLine]}
                onCommit={(v) => commit(f.name, v)}
                onUnreadable={f.kind === 'number' ? unreadableIn(f.name) : undefined}
              />
            ))}
            <Field label={t('field.comment')}>
              <Textarea
                value={current.comment}
                resize="vertical"
                maxLength={2048}
                onChange={(_, d) => setPatch((p) => ({ ...p, comment: d.value }))}
                data-testid="line-comment"
              />
            </Field>
          </DialogContent>
          {/* Remove line apart from Save and Cancel, at the start and subtle: destructive, and asked first. */}
          <DialogActions position="start">
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              onClick={() => void remove()}
              data-testid="line-remove"
            >
              {t('segment.removeLine')}
            </Button>
          </DialogActions>
          <DialogActions position="end">
            <Button
              appearance="primary"
              disabled={busy || unreadable.size > 0}
              onClick={() => void save()}
              data-testid="line-save"
            >
              {t('common.save')}
            </Button>
            <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
