// The merge fields with captions in the user's language; Insert puts one at the cursor in Word. Outside
// Word each field shows the «Name» a .docx letter uses for it (an uploaded letter's «Name» and MERGEFIELDs
// become fields). A document made for Word's own mail merge is offered a conversion.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { LegacyField } from '../../domain/mergeConvert';
import type { MergeFieldDef, MergeFieldGroup } from '../../domain/mergeFields';
import { useT } from '../common/i18n';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalS,
  },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

const groups: MergeFieldGroup[] = ['contact', 'salesperson', 'segment', 'interaction', 'comment', 'extra'];

interface Props {
  fields: MergeFieldDef[];
  caption(f: MergeFieldDef): string;
  canInsert: boolean;
  onInsert(f: MergeFieldDef): void;
  legacy: LegacyField[];
  onConvert(): void;
  busy: boolean;
}

export function FieldsPanel({ fields, caption, canInsert, onInsert, legacy, onConvert, busy }: Props) {
  const t = useT();
  const s = useStyles();
  return (
    <div>
      {legacy.length ? (
        <MessageBar intent="warning" data-testid="legacy-found">
          <MessageBarBody>
            {t('word.legacy.found', { count: legacy.length, names: legacy.map((f) => f.name).join(', ') })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onConvert} disabled={busy || !canInsert}>
              {t('word.legacy.convert')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {canInsert ? null : <Text>{t('word.fields.inWordOnly')}</Text>}
      {groups.map((g) => {
        const mine = fields.filter((f) => f.group === g);
        if (!mine.length) return null;
        return (
          <div key={g} className={s.group} role="group" aria-label={t(`word.fields.group.${g}`)}>
            <Text weight="semibold">{t(`word.fields.group.${g}`)}</Text>
            {mine.map((f) => (
              <div key={f.key} className={s.row}>
                <Text>{caption(f)}</Text>
                {canInsert ? (
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() => onInsert(f)}
                    aria-label={`${t('word.fields.insert')} ${caption(f)}`}
                  >
                    {t('word.fields.insert')}
                  </Button>
                ) : (
                  <Text font="monospace">{`«${caption(f)}»`}</Text>
                )}
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}
