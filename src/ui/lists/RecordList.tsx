// A list of coded records with its card above (code lists, interaction templates): the fields of the
// record being added or changed, Save, then the records on the one list page. A row opens in the card;
// its bin removes it (asked first, with where the code is used), and focus goes to the card's first field
// that can be changed, so the keyboard user edits at once. An empty list points at the card's first field.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type * as z from 'zod/mini';
import { fieldProblems, type CodeUsage, type FieldProblem } from '../../domain/codes';
import { isSegmentsError } from '../../domain/errors';
import type { ImportReport } from '../../domain/importReport';
import { useConfirm } from '../common/confirm';
import { errorText, fieldCaption } from '../common/errorText';
import { useI18n, useT, type Translate } from '../common/i18n';
import { ListPage, actionsColumn, type ListColumn } from '../common/ListPage';
import { useNotify } from '../common/notify';
import { RemoveButton } from '../common/RemoveButton';
import type { CodeListName } from './useCodeList';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  save: { flexGrow: 1 },
});

interface Coded {
  id: string;
  code: string;
}

/** The card's messages at its fields, by field name. */
export type FieldMessages = Partial<Record<string, string>>;

/** A field's problem in the user's words: its caption and the rule it breaks. */
export function problemText(t: Translate, p: FieldProblem): string {
  return t(`codes.rule.${p.rule}`, {
    field: fieldCaption(t, p.field),
    max: p.max ?? '',
    length: p.length ?? '',
  });
}

const usageKinds = ['contacts', 'segments', 'interactionTemplates', 'interactionLogEntries'] as const;
/** The lists whose codes a removal also takes off every contact that has them (BC's cascade). */
const takenOffContacts = new Set<CodeListName>([
  'mailingGroups',
  'industryGroups',
  'jobResponsibilities',
  'businessRelations',
]);

/** The record's code and the fields whose value differs from `before`'s. */
function changedFields(row: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).filter(
      ([k, v]) => k === 'code' || (v !== undefined && JSON.stringify(v) !== JSON.stringify(before[k] ?? '')),
    ),
  );
}

/**
 * Save and Remove of a list of coded records. Save checks the card's fields against the record's schema
 * (the problems are shown at their fields) and, for a new record, inserts it: a code already in the list
 * is refused at the Code field, nothing written. Remove asks first, naming where the code is used.
 */
export function useRecordActions(
  api: {
    upsert(rows: unknown[]): Promise<ImportReport>;
    insert(rows: unknown[]): Promise<ImportReport>;
    usage(code: string): Promise<CodeUsage>;
    remove(code: string): Promise<void>;
  },
  savedKey: string,
  record: { list: CodeListName; fields: z.ZodMiniObject },
) {
  const { t, locale } = useI18n();
  const notify = useNotify();
  const confirm = useConfirm();
  const [messages, setMessages] = useState<FieldMessages>({});
  return {
    messages,
    /** A field changed: its message goes. */
    changed(field: string) {
      if (messages[field]) setMessages(({ [field]: _gone, ...rest }) => rest);
    },
    /** Says these messages at their fields (what the card itself refuses, such as a number it cannot read). */
    refuse(refused: FieldMessages) {
      setMessages((m) => ({ ...m, ...refused }));
    },
    /** Forgets every message (the card shows another record). */
    reset() {
      setMessages({});
    },
    /**
     * True when the record was saved; `isNew`: the card holds a new record (insert, never overwrite).
     * `before`: the stored record as the card opened it, so that only the fields this user changed are
     * written; a field a colleague changed meanwhile keeps the colleague's value.
     */
    async save(
      row: Record<string, unknown> & { code?: string },
      isNew: boolean,
      before?: Record<string, unknown>,
    ): Promise<boolean> {
      const problems = fieldProblems(record.fields, row);
      if (problems.length) {
        setMessages(Object.fromEntries(problems.map((p) => [p.field, problemText(t, p)])));
        return false;
      }
      setMessages({});
      const write = isNew || !before ? row : changedFields(row, before);
      try {
        const report = await (isNew ? api.insert([write]) : api.upsert([write]));
        if (report.rejected.length) {
          notify.error(new Error(t('codes.rejected', { issues: report.rejected[0].issues.join('; ') })));
          return false;
        }
        notify.success(t(savedKey, { code: row.code ?? '' }));
        return true;
      } catch (e) {
        if (isSegmentsError(e, 'ALREADY_EXISTS')) setMessages({ code: errorText(t, e) });
        else notify.error(e);
        return false;
      }
    },
    async remove(code: string) {
      let text = t('codes.removeQuestion', { code });
      try {
        const usage = await api.usage(code);
        const uses = usageKinds.filter((k) => usage[k] > 0).map((k) => t(`codes.uses.${k}`, { n: usage[k] }));
        if (uses.length) {
          const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(uses);
          const also = takenOffContacts.has(record.list) ? ` ${t('codes.removeFromContacts')}` : '';
          text = `${t('codes.usedBy', { code, uses: list })}${also}\n${text}`;
        }
      } catch (e) {
        notify.error(e);
        return;
      }
      if (!(await confirm({ title: t('common.remove'), text }))) return;
      try {
        await api.remove(code);
        notify.success(t('codes.removed', { code }));
      } catch (e) {
        notify.error(e);
      }
    },
  };
}

export function RecordList<R extends Coded>(p: {
  /** The list's name. */
  label: string;
  formLabel: string;
  /** Changing it starts the card's fields afresh. */
  formKey?: number;
  fields: ReactNode;
  canSave: boolean;
  saveTestId?: string;
  onSave(): void;
  /** Present while the card shows a stored record: New empties it for a new one. */
  onNew?(): void;
  rows: R[] | undefined;
  /** The columns after the code. */
  columns: ListColumn<R>[];
  emptyText: string;
  onEdit(row: R): void;
  /** Absent: the user may not remove records. */
  onRemove?(code: string): void;
}) {
  const t = useT();
  const s = useStyles();
  const form = useRef<HTMLFormElement>(null);
  // Counts the rows opened: after each, once the card shows the record, focus goes to its first field that
  // can be changed (a stored record's code is read-only).
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    if (opened) form.current?.querySelector<HTMLElement>('input:not([readonly]):not([disabled])')?.focus();
  }, [opened]);
  const remove = p.onRemove;
  const columns: ListColumn<R>[] = [
    // Wide enough for a 10-character code in capitals (a Language's or Territory's whole code, most others').
    { id: 'code', caption: 'common.code', width: '8.5em', value: (r) => r.code, title: (r) => r.code },
    ...p.columns,
    actionsColumn<R>((r) =>
      remove ? <RemoveButton verb="common.remove" code={r.code} onClick={() => remove(r.code)} /> : null,
    ),
  ];
  return (
    <ListPage
      label={p.label}
      rows={p.rows}
      columns={columns}
      rowKey={(r) => r.id}
      onRowClick={(r) => {
        p.onEdit(r);
        setOpened((n) => n + 1);
      }}
      rowLabel={(r) => t('codes.edit', { code: r.code })}
      empty={{
        text: p.emptyText,
        action: { label: t('codes.add'), onClick: () => form.current?.querySelector('input')?.focus() },
      }}
      before={
        <form
          key={p.formKey}
          ref={form}
          className={s.form}
          aria-label={p.formLabel}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            p.onSave();
          }}
        >
          {p.fields}
          <div className={s.buttons}>
            <Button type="submit" size="small" className={s.save} disabled={!p.canSave} data-testid={p.saveTestId}>
              {t('common.save')}
            </Button>
            {p.onNew ? (
              <Button size="small" onClick={p.onNew}>
                {t('common.new')}
              </Button>
            ) : null}
          </div>
        </form>
      }
    />
  );
}
