// Interaction Templates: list, and a card to add or change one (its letters come from Word).
import {
  Button,
  Checkbox,
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
import type { InteractionTemplate } from '../../domain/interaction';
import { useConfirm } from '../common/confirm';
import { useInteractionTemplates } from './useInteractionTemplates';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { useRole } from '../common/useRole';
import { HeaderField, type FieldSpec } from '../segments/HeaderField';
import { visuallyHidden } from '../common/visuallyHidden';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  act: { width: '2.5em' },
  num: { textAlign: 'end' },
});

const specs: FieldSpec[] = [
  { name: 'code', kind: 'text', max: 20 },
  { name: 'description', kind: 'text', max: 100 },
  { name: 'interactionGroupCode', kind: 'text', max: 20 },
  { name: 'unitCost', kind: 'number' },
  { name: 'unitDuration', kind: 'number' },
  { name: 'informationFlow', kind: 'enum', options: ['', 'Outbound', 'Inbound'] },
  { name: 'initiatedBy', kind: 'enum', options: ['', 'Us', 'Them'] },
  { name: 'correspondenceTypeDefault', kind: 'enum', options: ['', 'Hard Copy', 'Email'] },
  { name: 'languageCodeDefault', kind: 'text', max: 20 },
  { name: 'campaignNo', kind: 'text', max: 20 },
];

export function TemplatesPage() {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const templates = useInteractionTemplates();
  const confirm = useConfirm();
  const notify = useNotify();
  const rights = useRole();
  const [draft, setDraft] = useState<Partial<InteractionTemplate>>({});
  const [formKey, setFormKey] = useState(0);

  const save = async () => {
    try {
      const { id: _id, createdAt: _c, updatedAt: _u, ...row } = draft;
      const report = await workspace.interactionTemplates.upsert([{ ...row, code: (row.code ?? '').toUpperCase() }]);
      if (report.rejected.length)
        notify.error(new Error(t('codes.rejected', { issues: report.rejected[0].issues.join('; ') })));
      else {
        notify.success(t('templates.saved', { code: row.code ?? '' }));
        setDraft({});
        setFormKey((k) => k + 1);
      }
    } catch (e) {
      notify.error(e);
    }
  };
  const remove = async (code: string) => {
    if (!(await confirm({ title: t('common.remove'), text: `${t('common.remove')} ${code}?` }))) return;
    try {
      await workspace.interactionTemplates.remove(code);
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <section>
      <form
        key={formKey}
        className={s.form}
        aria-label={t('templates.newTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {specs.map((f) => (
          <HeaderField
            key={f.name}
            spec={f}
            value={draft[f.name as keyof InteractionTemplate] ?? (f.kind === 'number' ? 0 : '')}
            onCommit={(v) => setDraft((d) => ({ ...d, [f.name]: v }))}
          />
        ))}
        <Checkbox
          label={t('field.ignoreContactCorresType')}
          checked={draft.ignoreContactCorresType === true}
          onChange={(_, d) => setDraft({ ...draft, ignoreContactCorresType: d.checked === true })}
        />
        <Button type="submit" size="small" data-testid="template-save">
          {t('common.save')}
        </Button>
      </form>
      {templates === undefined ? (
        <Spinner size="small" label={t('common.loading')} />
      ) : templates.length === 0 ? (
        <Text>{t('templates.empty')}</Text>
      ) : (
        <Table size="small" aria-label={t('nav.templates')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('common.code')}</TableHeaderCell>
              <TableHeaderCell>{t('field.description')}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{t('field.unitCost')}</TableHeaderCell>
              <TableHeaderCell className={s.act}>
                <span style={visuallyHidden}>{t('common.actions')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {templates.map((tp) => (
              <TableRow
                key={tp.id}
                onClick={() => {
                  setDraft(tp);
                  setFormKey((k) => k + 1);
                }}
              >
                <TableCell>{tp.code}</TableCell>
                <TableCell>{tp.description}</TableCell>
                <TableCell className={s.num}>{formatNumber(tp.unitCost)}</TableCell>
                <TableCell className={s.act}>
                  {rights.changeCodes ? (
                    <Button
                      appearance="subtle"
                      size="small"
                      icon={<DeleteRegular />}
                      aria-label={`${t('common.remove')} ${tp.code}`}
                      onClick={() => void remove(tp.code)}
                    />
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
