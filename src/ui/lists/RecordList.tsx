// A list of coded records with its card above (code lists, interaction templates): the fields of the
// record being added or changed, Save, then the records on the one list page. A row opens in the card;
// its bin removes it (asked first). An empty list points at the card's first field.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type ReactNode } from 'react';
import type { ImportReport } from '../../domain/importReport';
import { useConfirm } from '../common/confirm';
import { useT } from '../common/i18n';
import { ListPage, actionsColumn, type ListColumn } from '../common/ListPage';
import { useNotify } from '../common/notify';
import { RemoveButton } from '../common/RemoveButton';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
});

interface Coded {
  id: string;
  code: string;
}

/** Save (a rejected row named with its issues) and Remove (asked first) of a list of coded records. */
export function useRecordActions(
  api: { upsert(rows: unknown[]): Promise<ImportReport>; remove(code: string): Promise<void> },
  savedKey: string,
) {
  const t = useT();
  const notify = useNotify();
  const confirm = useConfirm();
  return {
    /** True when the record was saved. */
    async save(row: { code?: string }): Promise<boolean> {
      try {
        const report = await api.upsert([row]);
        if (report.rejected.length) {
          notify.error(new Error(t('codes.rejected', { issues: report.rejected[0].issues.join('; ') })));
          return false;
        }
        notify.success(t(savedKey, { code: row.code ?? '' }));
        return true;
      } catch (e) {
        notify.error(e);
        return false;
      }
    },
    async remove(code: string) {
      if (!(await confirm({ title: t('common.remove'), text: `${t('common.remove')} ${code}?` }))) return;
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
  const remove = p.onRemove;
  const columns: ListColumn<R>[] = [
    { id: 'code', caption: 'common.code', width: '6em', value: (r) => r.code, title: (r) => r.code },
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
      onRowClick={p.onEdit}
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
          onSubmit={(e) => {
            e.preventDefault();
            p.onSave();
          }}
        >
          {p.fields}
          <Button type="submit" size="small" disabled={!p.canSave} data-testid={p.saveTestId}>
            {t('common.save')}
          </Button>
        </form>
      }
    />
  );
}
