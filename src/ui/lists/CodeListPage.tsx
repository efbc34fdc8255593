// The code lists: Salespeople/Purchasers, Interaction Groups, Mailing Groups, Industry Groups, Job
// Responsibilities, Business Relations, Languages. List, add a record or change one opened from its row,
// remove.
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type * as z from 'zod/mini';
import {
  codeDescriptionFieldsSchema,
  languageFieldsSchema,
  salespersonFieldsSchema,
  territoryFieldsSchema,
} from '../../domain/codes';
import { codeListApi, useCodeList, type CodeListName, type CodeRecord } from './useCodeList';
import { codeListTitleKeys } from './codeListTitles';
import { RecordList, useRecordActions } from './RecordList';
import { useT } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { useRole } from '../common/useRole';
import { textColumn, type ListColumn } from '../common/ListPage';

type CodeList = Exclude<CodeListName, 'interactionTemplates'>;

/** The card's fields of each list besides the code, in BC's order. */
const columns: Record<CodeList, string[]> = {
  salespeople: ['name', 'jobTitle', 'email', 'phoneNo'],
  interactionGroups: ['description'],
  mailingGroups: ['description'],
  industryGroups: ['description'],
  jobResponsibilities: ['description'],
  businessRelations: ['description'],
  languages: ['name', 'locale'],
  territories: ['name'],
};

/** The schema each list's card is checked against on Save. */
const schemas: Record<CodeList, z.ZodMiniObject> = {
  salespeople: salespersonFieldsSchema,
  interactionGroups: codeDescriptionFieldsSchema,
  mailingGroups: codeDescriptionFieldsSchema,
  industryGroups: codeDescriptionFieldsSchema,
  jobResponsibilities: codeDescriptionFieldsSchema,
  businessRelations: codeDescriptionFieldsSchema,
  languages: languageFieldsSchema,
  territories: territoryFieldsSchema,
};

/** The field the list shows beneath the first where it is not the card's second (a salesperson's e-mail). */
const beneath: Partial<Record<CodeList, string>> = { salespeople: 'email' };

type Rec = CodeRecord & Record<string, unknown>;

export function CodeListPage({ list }: { list: CodeList }) {
  const t = useT();
  const workspace = useWorkspace();
  const rows = useCodeList(list) as Rec[] | undefined;
  const rights = useRole();
  const actions = useRecordActions(codeListApi(workspace, list), 'codes.saved', { list, fields: schemas[list] });
  const cols = columns[list];
  const second = beneath[list] ?? cols[1];
  const [draft, setDraft] = useState<Record<string, string>>({});
  // The code of the stored record the card shows; undefined: the card holds a new record.
  const [editing, setEditing] = useState<string>();
  /** The record as the card opened it: Save writes only what the user changed. */
  const [opened, setOpened] = useState<Record<string, string>>();
  const label = (c: string) => (c === 'code' ? t('common.code') : t(`field.${c}`));
  const text = (r: Rec, c: string) => String(r[c] ?? '');
  const startNew = () => {
    setDraft({});
    setEditing(undefined);
    setOpened(undefined);
    actions.reset();
  };

  // The first field, with the second beneath it where the list has one (a salesperson's e-mail, a locale).
  const shown: ListColumn<Rec>[] = [
    {
      ...textColumn<Rec>(cols[0], `field.${cols[0]}`, (r) => text(r, cols[0])),
      sub: second ? { caption: `field.${second}`, value: (r) => text(r, second) } : undefined,
    },
  ];

  return (
    <RecordList
      label={t(codeListTitleKeys[list])}
      formLabel={editing ? t('codes.edit', { code: editing }) : t('codes.add')}
      fields={['code', ...cols].map((c) => (
        <Field
          key={c}
          label={label(c)}
          size="small"
          required={c === 'code'}
          validationState={actions.messages[c] ? 'error' : 'none'}
          validationMessage={actions.messages[c]}
        >
          <Input
            size="small"
            value={draft[c] ?? ''}
            // A stored record's code is its key: it is changed by removing the record and adding another.
            readOnly={c === 'code' && editing !== undefined}
            onChange={(_, d) => {
              actions.changed(c);
              setDraft({ ...draft, [c]: c === 'code' ? d.value.toUpperCase() : d.value });
            }}
            data-testid={`code-${c}`}
          />
        </Field>
      ))}
      canSave={Boolean(draft.code?.trim())}
      onSave={() =>
        void actions.save(draft, editing === undefined, opened).then((ok) => {
          if (ok) startNew();
        })
      }
      onNew={editing !== undefined ? startNew : undefined}
      rows={rows}
      columns={shown}
      emptyText={t('codes.empty')}
      onEdit={(r) => {
        actions.reset();
        setEditing(r.code);
        const fields = Object.fromEntries(['code', ...cols].map((c) => [c, text(r, c)]));
        setOpened(fields);
        setDraft(fields);
      }}
      onRemove={rights.changeCodes ? (code) => void actions.remove(code) : undefined}
    />
  );
}
