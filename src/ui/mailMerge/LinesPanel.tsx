// The segment's lines with each contact's comment, edited in place (saved when the field is left).
import { Badge, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Contact } from '../../domain/contact';
import type { SegmentLine } from '../../domain/segment';
import type { Workspace } from '../../domain/workspace';
import { useI18n } from '../common/i18n';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
});

interface Props {
  workspace: Workspace;
  segmentNo: string;
  lines: SegmentLine[];
  contacts: Map<string, Contact>;
  onError(e: unknown): void;
}

/** At most this many lines are shown at once; the rest are reached by the contact filter. */
const SHOWN = 200;

export function LinesPanel({ workspace, segmentNo, lines, contacts, onError }: Props) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const [filter, setFilter] = useState('');
  const shown = lines
    .filter(
      (l) =>
        !filter ||
        `${l.contactNo} ${contacts.get(l.contactNo)?.name ?? ''}`.toLowerCase().includes(filter.toLowerCase()),
    )
    .slice(0, SHOWN);
  const save = async (line: SegmentLine, comment: string) => {
    if (comment === line.comment) return;
    try {
      await workspace.segments.updateLine(segmentNo, line.lineNo, { comment });
    } catch (e) {
      onError(e);
    }
  };
  return (
    <div>
      <Text>{t('word.lines.count', { count: formatNumber(lines.length) })}</Text>
      <Field label={t('word.preview.choose')}>
        <Input value={filter} onChange={(_e, d) => setFilter(d.value)} data-testid="lines-filter" />
      </Field>
      <ul className={s.list}>
        {shown.map((l) => (
          <li key={l.lineNo} data-testid={`line-${l.lineNo}`}>
            <div className={s.head}>
              <Text weight="semibold">{l.contactNo}</Text>
              <Text>{contacts.get(l.contactNo)?.name ?? ''}</Text>
              {l.letter ? <Badge appearance="outline">{t('word.lines.ownLetter')}</Badge> : null}
            </div>
            <Field label={t('word.lines.comment')}>
              <Textarea
                key={`${l.lineNo}:${l.comment}`}
                defaultValue={l.comment}
                maxLength={2048}
                onBlur={(e) => void save(l, e.currentTarget.value)}
                data-testid={`comment-${l.lineNo}`}
              />
            </Field>
          </li>
        ))}
      </ul>
    </div>
  );
}
