// The frame of Reuse Criteria and Reuse Segment: choose what to replay on the segment; BC asks first when
// the segment already has criteria actions, then reports what changed.
import { Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useConfirm } from '../common/confirm';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { SimpleDialog } from '../common/SimpleDialog';
import { criteriaError } from './criteriaCaptions';

export interface ReuseChoice {
  value: string;
  /** What the closed drop-down shows. */
  text: string;
  /** What the open drop-down shows. */
  label: string;
}

export function ReuseDialog(p: {
  segmentNo: string;
  noOfCriteriaActions: number;
  onClose(): void;
  /** Catalog keys: the title, what is replaced (in the question), the drop-down's label, the empty text. */
  keys: { title: string; what: string; choose: string; none: string };
  /** `undefined` while loading. */
  choices: ReuseChoice[] | undefined;
  /** Replays the chosen one; the text of the success message. */
  run(value: string): Promise<string>;
  testIds?: { ok?: string; choice?: string };
  /** Options beneath the drop-down. */
  children?: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const confirm = useConfirm();
  const notify = useNotify();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const title = t(p.keys.title);
  const reuse = async () => {
    if (p.noOfCriteriaActions > 0) {
      const text = t('segment.reuseConfirm', {
        no: p.segmentNo,
        count: formatNumber(p.noOfCriteriaActions),
        what: t(p.keys.what),
      });
      if (!(await confirm({ title, text }))) return;
    }
    setBusy(true);
    try {
      notify.success(await p.run(value));
      p.onClose();
    } catch (e) {
      // A saved criterion's filter that no longer reads names its imported column by its caption.
      notify.error(criteriaError(e));
      setBusy(false);
    }
  };
  return (
    <SimpleDialog
      title={title}
      primary={t('common.apply')}
      disabled={busy || value === ''}
      onPrimary={() => void reuse()}
      onClose={p.onClose}
      testId={p.testIds?.ok}
    >
      {/* The choice appears once the list has loaded: a dropdown focused on opening and then replaced by
          "none" took the focus with it, and Escape no longer reached the dialog. */}
      {p.choices === undefined ? null : p.choices.length === 0 ? (
        <Text>{t(p.keys.none)}</Text>
      ) : (
        <Field label={t(p.keys.choose)}>
          <Dropdown
            value={p.choices.find((c) => c.value === value)?.text ?? ''}
            selectedOptions={[value]}
            onOptionSelect={(_, d) => setValue(d.optionValue ?? '')}
            data-testid={p.testIds?.choice}
          >
            {p.choices.map((c) => (
              <Option key={c.value} value={c.value} text={c.text}>
                {c.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {p.children}
    </SimpleDialog>
  );
}
