// The Segment header in BC's groups General / Interaction / Campaign. A field is saved when it loses
// focus; a change that lines inherit asks BC's question "apply to the lines?" first.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SegmentHeader, SegmentHeaderInput } from '../../domain/segment';
import { inheritedHeaderFields, ownLetterLanguages } from '../../domain/lineDefaults';
import { useConfirm } from '../common/confirm';
import { fieldCaption } from '../common/errorText';
import { useInteractionTemplates } from '../lists/useInteractionTemplates';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { languageName } from '../mailMerge/languageName';
import { HeaderField, type FieldSpec } from './HeaderField';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
});

/** Header fields whose change BC offers to apply to the lines. */
const inherited = new Set<keyof SegmentHeaderInput>(inheritedHeaderFields);

const general: FieldSpec[] = [
  { name: 'description', kind: 'text', max: 100 },
  { name: 'salespersonCode', kind: 'code', list: 'salespeople' },
  { name: 'date', kind: 'date' },
  { name: 'noOfLines', kind: 'readonly' },
  { name: 'noOfCriteriaActions', kind: 'readonly' },
];
const interaction: FieldSpec[] = [
  { name: 'interactionTemplateCode', kind: 'code', list: 'interactionTemplates' },
  { name: 'interactionGroupCode', kind: 'readonly' },
  { name: 'languageCodeDefault', kind: 'code', list: 'languages' },
  { name: 'subjectDefault', kind: 'text', max: 250 },
  { name: 'correspondenceTypeDefault', kind: 'enum', options: ['', 'Hard Copy', 'Email'] },
  { name: 'ignoreContactCorresType', kind: 'bool' },
  { name: 'informationFlow', kind: 'enum', options: ['', 'Outbound', 'Inbound'] },
  { name: 'initiatedBy', kind: 'enum', options: ['', 'Us', 'Them'] },
  { name: 'unitCost', kind: 'number', decimals: 2 },
  { name: 'unitDuration', kind: 'number' },
  { name: 'sendWordDocsAsAttmt', kind: 'bool' },
  { name: 'cost', kind: 'readonly', decimals: 2 },
  { name: 'duration', kind: 'readonly' },
];
const campaign: FieldSpec[] = [
  { name: 'campaignNo', kind: 'text', max: 20 },
  { name: 'campaignTarget', kind: 'bool' },
  { name: 'campaignResponse', kind: 'bool' },
];

export function SegmentHeaderForm({ header }: { header: SegmentHeader }) {
  const { t, language } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const confirm = useConfirm();
  const notify = useNotify();
  const templates = useInteractionTemplates();
  // A field whose change the user called off shows the saved value again: it is drawn anew.
  const [calledOff, setCalledOff] = useState<Partial<Record<string, number>>>({});
  const callOff = (name: string) => setCalledOff((c) => ({ ...c, [name]: (c[name] ?? 0) + 1 }));

  /** Whether the segment's own letters may give way to the chosen template's (asked only when it has some). */
  const replaceOwnLetters = async (code: string) => {
    const [current, chosen, languages] = await Promise.all([
      header.interactionTemplateCode ? workspace.interactionTemplates.get(header.interactionTemplateCode) : undefined,
      workspace.interactionTemplates.get(code),
      workspace.languages.list(),
    ]);
    if (!chosen) return true;
    const own = ownLetterLanguages(header, current, chosen);
    if (own.length === 0) return true;
    // Named in the pane's language ("English and Italian", "inglese e italiano").
    const nameOf = (c: string) =>
      languageName(
        languages.find((l) => l.code === c),
        c,
        language,
      );
    const names = own.map((c) => (c === '' ? t('segment.letterNoLanguage') : nameOf(c)));
    return confirm({
      title: t('segment.replaceLettersTitle'),
      text: t('segment.replaceLetters', {
        no: header.no,
        n: own.length,
        languages: new Intl.ListFormat(language, { type: 'conjunction' }).format(names),
        code,
      }),
    });
  };

  const commit = async (name: keyof SegmentHeaderInput, value: unknown) => {
    if (header[name] === value) return;
    if (name === 'interactionTemplateCode' && value !== '') {
      try {
        if (!(await replaceOwnLetters(String(value)))) return callOff(name);
      } catch (e) {
        notify.error(e);
        return callOff(name);
      }
    }
    let updateLines = false;
    if (inherited.has(name) && header.noOfLines > 0) {
      const field = fieldCaption(t, name);
      const text =
        name === 'interactionTemplateCode'
          ? t('segment.applyTemplateToLines', { field, code: header.interactionTemplateCode || t('common.blank') })
          : t('segment.applyToLines', { field });
      updateLines = await confirm({ title: t('segment.applyToLinesTitle'), text });
    }
    try {
      await workspace.segments.updateHeader(header.no, { [name]: value }, { updateLines });
    } catch (e) {
      notify.error(e);
    }
  };

  const group = (specs: FieldSpec[]) => (
    <div className={s.panel}>
      {specs.map((f) => (
        <HeaderField
          key={`${f.name}:${calledOff[f.name] ?? 0}`}
          spec={f}
          value={header[f.name as keyof SegmentHeader]}
          templates={templates}
          onCommit={(v) => void commit(f.name as keyof SegmentHeaderInput, v)}
        />
      ))}
    </div>
  );

  return (
    <Accordion multiple collapsible defaultOpenItems={['general']}>
      <AccordionItem value="general">
        <AccordionHeader as="h2" size="small">
          {t('segment.general')}
        </AccordionHeader>
        <AccordionPanel>{group(general)}</AccordionPanel>
      </AccordionItem>
      <AccordionItem value="interaction">
        <AccordionHeader as="h2" size="small">
          {t('segment.interaction')}
        </AccordionHeader>
        <AccordionPanel>{group(interaction)}</AccordionPanel>
      </AccordionItem>
      <AccordionItem value="campaign">
        <AccordionHeader as="h2" size="small">
          {t('segment.campaign')}
        </AccordionHeader>
        <AccordionPanel>{group(campaign)}</AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
