// The code lists: Salespeople/Purchasers, Interaction Groups, Mailing Groups, Industry Groups, Job
// Responsibilities, Business Relations, Languages. List, add or change a record, remove.
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { codeListApi, useCodeList, type CodeListName, type CodeRecord } from './useCodeList';
import { codeListTitleKeys } from './codeListTitles';
import { RecordList, useRecordActions } from './RecordList';
import { useT } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { useRole } from '../common/useRole';
import { textColumn, type ListColumn } from '../common/ListPage';

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

type Rec = CodeRecord & Record<string, unknown>;

export function CodeListPage({ list }: { list: Exclude<CodeListName, 'interactionTemplates'> }) {
  const t = useT();
  const workspace = useWorkspace();
  const rows = useCodeList(list) as Rec[] | undefined;
  const rights = useRole();
  const actions = useRecordActions(codeListApi(workspace, list), 'codes.saved');
  const cols = columns[list];
  const [draft, setDraft] = useState<Record<string, string>>({});
  const label = (c: string) => (c === 'code' ? t('common.code') : t(`field.${c}`));
  const text = (r: Rec, c: string) => String(r[c] ?? '');

  // The first field, with the second beneath it where the list has one (a salesperson's e-mail, a locale).
  const shown: ListColumn<Rec>[] = [
    {
      ...textColumn<Rec>(cols[0], `field.${cols[0]}`, (r) => text(r, cols[0])),
      sub: cols[1] ? { caption: `field.${cols[1]}`, value: (r) => text(r, cols[1]) } : undefined,
    },
  ];

  return (
    <RecordList
      label={t(codeListTitleKeys[list])}
      formLabel={t('codes.add')}
      fields={['code', ...cols].map((c) => (
        <Field key={c} label={label(c)} size="small" required={c === 'code'}>
          <Input
            size="small"
            value={draft[c] ?? ''}
            onChange={(_, d) => setDraft({ ...draft, [c]: c === 'code' ? d.value.toUpperCase() : d.value })}
            data-testid={`code-${c}`}
          />
        </Field>
      ))}
      canSave={Boolean(draft.code?.trim())}
      onSave={() => void actions.save(draft).then((ok) => ok && setDraft({}))}
      rows={rows}
      columns={shown}
      emptyText={t('codes.empty')}
      onEdit={(r) => setDraft(Object.fromEntries(['code', ...cols].map((c) => [c, text(r, c)])))}
      onRemove={rights.changeCodes ? (code) => void actions.remove(code) : undefined}
    />
  );
}
