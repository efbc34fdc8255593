// An entry's Evaluation as BC's options, the current one checked: a submenu of the row's menu, or a menu
// button on the entry's card.
import { Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Evaluation } from '../../domain/enums';
import type { InteractionLogEntry } from '../../domain/log';
import { optionCaption } from '../common/errorText';
import { useI18n } from '../common/i18n';

const evaluations: Evaluation[] = ['', 'Very Positive', 'Positive', 'Neutral', 'Negative', 'Very Negative'];

/** `trigger`: the menu item or button that opens the options. */
export function EvaluationMenu({
  entry,
  trigger,
  onPick,
}: {
  entry: InteractionLogEntry;
  trigger: ReactElement;
  onPick(evaluation: Evaluation): void;
}) {
  const { t } = useI18n();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>{trigger}</MenuTrigger>
      <MenuPopover>
        <MenuList
          checkedValues={{ evaluation: [entry.evaluation] }}
          onCheckedValueChange={(_, d) => onPick((d.checkedItems[0] ?? '') as Evaluation)}
          aria-label={t('entries.evaluationOf', { entryNo: entry.entryNo })}
        >
          {evaluations.map((v) => (
            <MenuItemRadio key={v || 'blank'} name="evaluation" value={v}>
              {optionCaption(t, v)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
