// Interaction Templates: list, and a card to add or change one (its letters come from Word).
import { Checkbox } from '@fluentui/react-components';
import { useState } from 'react';
import type { InteractionTemplate } from '../../domain/interaction';
import { useInteractionTemplates } from './useInteractionTemplates';
import { RecordList, useRecordActions } from './RecordList';
import { textColumn } from '../common/ListPage';
import { useI18n } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { useRole } from '../common/useRole';
import { HeaderField, type FieldSpec } from '../segments/HeaderField';

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
  const workspace = useWorkspace();
  const templates = useInteractionTemplates();
  const rights = useRole();
  const actions = useRecordActions(workspace.interactionTemplates, 'templates.saved');
  const [draft, setDraft] = useState<Partial<InteractionTemplate>>({});
  const [formKey, setFormKey] = useState(0);
  const edit = (tp: Partial<InteractionTemplate>) => {
    setDraft(tp);
    setFormKey((k) => k + 1);
  };

  const save = async () => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...row } = draft;
    if (await actions.save({ ...row, code: (row.code ?? '').toUpperCase() })) edit({});
  };

  return (
    <RecordList<InteractionTemplate>
      label={t('nav.templates')}
      formLabel={t('templates.newTitle')}
      formKey={formKey}
      fields={
        <>
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
        </>
      }
      canSave
      saveTestId="template-save"
      onSave={() => void save()}
      rows={templates}
      columns={[
        textColumn<InteractionTemplate>('description', 'field.description', (tp) => tp.description),
        {
          id: 'unitCost',
          caption: 'field.unitCost',
          width: '4.5em',
          align: 'end',
          value: (tp) => formatNumber(tp.unitCost),
        },
      ]}
      emptyText={t('templates.empty')}
      onEdit={edit}
      onRemove={rights.changeCodes ? (code) => void actions.remove(code) : undefined}
    />
  );
}
