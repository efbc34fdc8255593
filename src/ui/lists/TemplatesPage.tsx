// Interaction Templates: list, and a card to add one or change one opened from its row (its letters come
// from Word: the card lists the languages that have one). The group and language codes are looked up in
// their lists, as in BC; numbers are shown and read as the workspace locale writes them.
import { readTypedNumber } from '../../domain/segment';
import { Field, Input } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { interactionTemplateFieldsSchema, type InteractionTemplate } from '../../domain/interaction';
import { useInteractionTemplates } from './useInteractionTemplates';
import { RecordList, useRecordActions, type FieldMessages } from './RecordList';
import { CardNumberField, unreadableNumber } from './CardNumberField';
import { TemplateLetters } from './TemplateLetters';
import { CodeLookup } from '../common/CodeLookup';
import { fieldCaption } from '../common/errorText';
import { textColumn } from '../common/ListPage';
import { useI18n } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { useRole } from '../common/useRole';
import { HeaderField, type FieldSpec } from '../segments/HeaderField';
import type { CodeListName } from './useCodeList';

type Draft = Record<string, unknown>;

/** The card's fields in BC's order: typed text or numbers, looked-up codes, options and yes/no. */
type CardField =
  | { name: string; kind: 'text'; max?: number; required?: boolean }
  | { name: string; kind: 'number' }
  | { name: string; kind: 'code'; list: CodeListName }
  | { name: string; kind: 'enum'; spec: FieldSpec }
  | { name: string; kind: 'bool'; spec: FieldSpec };

const enumField = (name: string, options: string[]): CardField => ({
  name,
  kind: 'enum',
  spec: { name, kind: 'enum', options },
});
const boolField = (name: string): CardField => ({ name, kind: 'bool', spec: { name, kind: 'bool' } });

const cardFields: CardField[] = [
  { name: 'code', kind: 'text', max: 20, required: true },
  { name: 'description', kind: 'text', max: 100 },
  { name: 'interactionGroupCode', kind: 'code', list: 'interactionGroups' },
  { name: 'unitCost', kind: 'number' },
  { name: 'unitDuration', kind: 'number' },
  enumField('informationFlow', ['', 'Outbound', 'Inbound']),
  enumField('initiatedBy', ['', 'Us', 'Them']),
  enumField('correspondenceTypeDefault', ['', 'Hard Copy', 'Email']),
  boolField('ignoreContactCorresType'),
  { name: 'languageCodeDefault', kind: 'code', list: 'languages' },
  { name: 'campaignNo', kind: 'text', max: 20 },
  boolField('campaignTarget'),
  boolField('campaignResponse'),
];
const numberFields = cardFields.filter((f) => f.kind === 'number').map((f) => f.name);

/** A cost as BC shows amounts in a list: two decimals and the thousands separator (1.234,50 in it-IT). */
const amount = { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' } as const;

export function TemplatesPage() {
  const { t, formatNumber, locale } = useI18n();
  const workspace = useWorkspace();
  const templates = useInteractionTemplates();
  const rights = useRole();
  const actions = useRecordActions(workspace.interactionTemplates, 'templates.saved', {
    list: 'interactionTemplates',
    fields: interactionTemplateFieldsSchema,
  });
  const [draft, setDraft] = useState<Draft>({});
  const [editing, setEditing] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  // Looked-up fields whose typed code is not in its list (the field says so): Save waits for a valid one.
  const refused = useRef(new Set<string>());
  /** The template as the card opened it: Save writes only what the user changed. */
  const opened = useRef<Partial<InteractionTemplate>>({});
  const edit = (tp: Partial<InteractionTemplate>) => {
    opened.current = tp;
    setDraft(tp);
    setEditing(tp.code);
    refused.current.clear();
    actions.reset();
    setFormKey((k) => k + 1);
  };
  const set = (name: string, value: unknown) => {
    actions.changed(name);
    setDraft((d) => ({ ...d, [name]: value }));
  };

  const save = async () => {
    if (refused.current.size) return;
    const { id: _id, createdAt: _c, updatedAt: _u, ...row } = draft;
    // A number typed as the workspace locale writes it ("1.234,50" in it-IT, blank is 0 as in BC); text it
    // does not write is said at its field, nothing saved.
    const unreadable: FieldMessages = {};
    for (const name of numberFields) {
      const message = unreadableNumber(t, locale, name, row[name]);
      if (message) unreadable[name] = message;
    }
    if (Object.keys(unreadable).length) return actions.refuse(unreadable);
    const typed: Draft = { ...row, code: String(row.code ?? '').toUpperCase() };
    for (const name of numberFields)
      if (typeof row[name] === 'string') typed[name] = readTypedNumber(row[name], locale);
    if (await actions.save(typed, editing === undefined, opened.current)) edit({});
  };

  const field = (f: CardField) => {
    const value = draft[f.name];
    if (f.kind === 'enum')
      return <HeaderField key={f.name} spec={f.spec} value={value ?? ''} onCommit={(v) => set(f.name, v)} />;
    if (f.kind === 'bool')
      return <HeaderField key={f.name} spec={f.spec} value={value === true} onCommit={(v) => set(f.name, v)} />;
    if (f.kind === 'number')
      return (
        <CardNumberField
          key={f.name}
          name={f.name}
          value={value}
          message={actions.messages[f.name]}
          onChange={(v) => set(f.name, v)}
          onRefuse={(message) => actions.refuse({ [f.name]: message })}
        />
      );
    if (f.kind === 'code')
      return (
        <CodeLookup
          key={f.name}
          label={fieldCaption(t, f.name)}
          list={f.list}
          value={String(value ?? '')}
          onCommit={(code) => {
            refused.current.delete(f.name);
            set(f.name, code);
          }}
          onRefuse={() => refused.current.add(f.name)}
          testId={`field-${f.name}`}
        />
      );
    const message = actions.messages[f.name];
    return (
      <Field
        key={f.name}
        label={fieldCaption(t, f.name)}
        size="small"
        required={f.required}
        validationState={message ? 'error' : 'none'}
        validationMessage={message}
      >
        <Input
          size="small"
          value={String(value ?? '')}
          // A stored template's code is its key: it is changed by removing the template and adding another.
          readOnly={f.name === 'code' && editing !== undefined}
          onChange={(_, d) => set(f.name, f.name === 'code' ? d.value.toUpperCase() : d.value)}
          data-testid={`field-${f.name}`}
        />
      </Field>
    );
  };

  return (
    <RecordList<InteractionTemplate>
      label={t('nav.templates')}
      formLabel={editing ? t('codes.edit', { code: editing }) : t('templates.newTitle')}
      formKey={formKey}
      fields={
        <>
          {cardFields.map(field)}
          <TemplateLetters letters={templates?.find((tp) => tp.code === editing)?.letters} />
        </>
      }
      canSave={Boolean(String(draft.code ?? '').trim())}
      saveTestId="template-save"
      onSave={() => void save()}
      onNew={editing !== undefined ? () => edit({}) : undefined}
      rows={templates}
      // The unit cost beneath the description: beside it, at 320 px, both were cut in the middle of words.
      columns={[
        {
          ...textColumn<InteractionTemplate>('description', 'field.description', (tp) => tp.description),
          sub: { caption: 'field.unitCost', value: (tp) => formatNumber(tp.unitCost, amount) },
        },
      ]}
      emptyText={t('templates.empty')}
      onEdit={edit}
      onRemove={rights.changeCodes ? (code) => void actions.remove(code) : undefined}
    />
  );
}
