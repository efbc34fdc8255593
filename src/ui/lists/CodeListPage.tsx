// The code lists: Salespeople/Purchasers, Interaction Groups, Mailing Groups, Industry Groups, Job
// Responsibilities, Business Relations, Languages. List, add or change a record, remove.
import {
  Button,
  Field,
  Input,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { useState } from 'react';
import { useConfirm } from '../common/confirm';
import { codeListApi, useCodeList, type CodeListName } from './useCodeList';
import { useT } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { useRole } from '../common/useRole';
import { visuallyHidden } from '../common/visuallyHidden';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  act: { width: '2.5em' },
});

/** The fields of each list besides the code. */
const columns: Record<Exclude<CodeListName, 'interactionTemplates'>, string[]> = {
  salespeople: ['name', 'email', 'phoneNo'],
  interactionGroups: ['description'],
  mailingGroups: ['description'],
  industryGroups: ['description'],
  jobResponsibilities: ['description'],
  businessRelations: ['description'],
  languages: ['name', 'locale'],
  territories: ['name'],
};

export function CodeListPage({ list }: { list: Exclude<CodeListName, 'interactionTemplates'> }) {
  const t = useT();
  const s = useStyles();
  const workspace = useWorkspace();
  const rows = useCodeList(list);
  const confirm = useConfirm();
  const notify = useNotify();
  const rights = useRole();
  const cols = columns[list];
  const [draft, setDraft] = useState<Record<string, string>>({});
  const label = (c: string) => (c === 'code' ? t('common.code') : t(`field.${c}`));

  const save = async () => {
    try {
      const report = await codeListApi(workspace, list).upsert([draft]);
      if (report.rejected.length)
        notify.error(new Error(t('codes.rejected', { issues: report.rejected[0].issues.join('; ') })));
      else {
        notify.success(t('codes.saved', { code: draft.code }));
        setDraft({});
      }
    } catch (e) {
      notify.error(e);
    }
  };
  const remove = async (code: string) => {
    if (!(await confirm({ title: t('common.remove'), text: `${t('common.remove')} ${code}?` }))) return;
    try {
      await codeListApi(workspace, list).remove(code);
      notify.success(t('codes.removed', { code }));
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <section>
      <form
        className={s.form}
        aria-label={t('codes.add')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {['code', ...cols].map((c) => (
          <Field key={c} label={label(c)} size="small" required={c === 'code'}>
            <Input
              size="small"
              value={draft[c] ?? ''}
              onChange={(_, d) => setDraft({ ...draft, [c]: c === 'code' ? d.value.toUpperCase() : d.value })}
              data-testid={`code-${c}`}
            />
          </Field>
        ))}
        <Button type="submit" size="small" disabled={!draft.code?.trim()}>
          {t('common.save')}
        </Button>
      </form>
      {rows === undefined ? (
        <Spinner size="small" label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <Text>{t('codes.empty')}</Text>
      ) : (
        <Table size="small" aria-label={t('common.code')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('common.code')}</TableHeaderCell>
              <TableHeaderCell>{label(cols[0])}</TableHeaderCell>
              <TableHeaderCell className={s.act}>
                <span style={visuallyHidden}>{t('common.actions')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => {
              const rec = r as unknown as Record<string, string>;
              return (
                <TableRow
                  key={rec.id}
                  onClick={() => setDraft(Object.fromEntries(['code', ...cols].map((c) => [c, String(rec[c] ?? '')])))}
                >
                  <TableCell className={s.cell}>{rec.code}</TableCell>
                  <TableCell className={s.cell}>{rec[cols[0]]}</TableCell>
                  <TableCell className={s.act}>
                    {rights.changeCodes ? (
                      <Button
                        appearance="subtle"
                        size="small"
                        icon={<DeleteRegular />}
                        aria-label={`${t('common.remove')} ${rec.code}`}
                        onClick={() => void remove(rec.code)}
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
