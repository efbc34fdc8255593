// Any contact's letter as text, rendered in the line's language.
import { Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ooxmlToText } from '../../domain/mergeOoxml';
import type { MergePlan } from './mergeFlow';
import { useT } from '../common/i18n';

const useStyles = makeStyles({
  // A long contact name must not widen the pane past 320 px: the choice is cut, the options keep it whole.
  select: { minWidth: 0, maxWidth: '100%' },
  text: {
    whiteSpace: 'pre-wrap',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    maxHeight: '50vh',
    overflowY: 'auto',
  },
});

export function PreviewPanel({ plan }: { plan: MergePlan }) {
  const t = useT();
  const s = useStyles();
  const [lineNo, setLineNo] = useState<number | undefined>(plan.letters[0]?.lineNo);
  const letter = plan.letters.find((l) => l.lineNo === lineNo);
  return (
    <div>
      <Field label={t('word.preview.choose')}>
        <Select
          value={lineNo === undefined ? '' : String(lineNo)}
          onChange={(_e, d) => setLineNo(Number(d.value))}
          data-testid="preview-line"
          className={s.select}
        >
          {plan.letters.map((l) => (
            <option key={l.lineNo} value={l.lineNo}>
              {l.lineNo} · {l.contactNo} · {plan.source.contacts.get(l.contactNo)?.name ?? ''}
            </option>
          ))}
        </Select>
      </Field>
      {letter ? (
        <div className={s.text} data-testid="preview-text" lang={letter.locale}>
          {ooxmlToText(letter.body).replace(/\f/g, '\n')}
        </div>
      ) : (
        <Text>{t('word.preview.empty')}</Text>
      )}
    </div>
  );
}
