// Any contact's letter as text, rendered in the line's language. The line is the segment's as it is now:
// a comment typed on the Lines tab after the check shows at once.
import { Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ooxmlToText } from '../../domain/mergeOoxml';
import { LetterRenderer } from '../../domain/mergeRender';
import type { SegmentLine } from '../../domain/segment';
import type { MergePlan } from './mergeFlow';
import { useT } from '../common/i18n';

const useStyles = makeStyles({
  // A long contact name must not widen the pane past 320 px: the choice is cut, the options keep it whole.
  select: { minWidth: 0, maxWidth: '100%' },
  text: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    maxHeight: '50vh',
    overflowY: 'auto',
  },
});

export function PreviewPanel({ plan, lines }: { plan: MergePlan; lines?: SegmentLine[] }) {
  const t = useT();
  const s = useStyles();
  const [lineNo, setLineNo] = useState<number | undefined>(plan.letters[0]?.lineNo);
  const renderer = useMemo(() => new LetterRenderer(plan.source), [plan]);
  const planned = plan.letters.find((l) => l.lineNo === lineNo);
  const current = lines?.find((l) => l.lineNo === lineNo);
  // The line as it is now (its comment, subject, date…), with the letters and contacts of the check.
  const letter = useMemo(
    () => (planned && current ? (renderer.render(current) ?? planned) : planned),
    [planned, current, renderer],
  );
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
