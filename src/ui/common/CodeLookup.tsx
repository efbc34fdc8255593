// A code field as BC has it: a lookup over its list. Typing filters the list (code or description); Enter
// or a click picks; a code that is not in the list is refused at once with BC's message ("The Salesperson
// Code XX does not exist."), shown in capitals as BC shows a code, and nothing is handed over. Blank is
// allowed (the field is then empty). Leaving the field closes the list, so that it never covers the message.
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { codeListApi, type CodeListName, type CodeRecord } from '../lists/useCodeList';
import { useI18n } from './i18n';
import { useWorkspace } from './services';
import { useLiveQuery } from './useLiveQuery';

const describe = (r: CodeRecord) => ('description' in r && r.description) || ('name' in r && r.name) || '';

export type CodeLookupProps = CodeLookupBase &
  (
    | {
        /** Given the code picked. */
        onCommit(code: string): void;
      }
    | {
        /**
         * Saves the code picked at once; a refusal it answers (the workspace's, in the user's words) is shown
         * at the field like the lookup's own, keeping the code to correct.
         */
        save(code: string): Promise<string | undefined>;
      }
  );

interface CodeLookupBase {
  /** The field's caption (shown and named in the refusal). */
  label: string;
  list: CodeListName;
  value: string;
  /** Told when a typed code is refused (the field shows why and keeps the text to correct). */
  onRefuse?(code: string): void;
  required?: boolean;
  testId?: string;
  size?: 'small' | 'medium';
  /** A clear button (×) while a code is chosen: a filter the user removes as in BC's filter pane. */
  clearable?: boolean;
}

/** The refusal of a code not in its list, or undefined when `code` is blank or listed. */
export function unknownCode(rows: readonly CodeRecord[], code: string): string | undefined {
  const c = code.trim().toUpperCase();
  return c === '' || rows.some((r) => r.code === c) ? undefined : c;
}

export function CodeLookup(props: CodeLookupProps) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const rows = useLiveQuery(() => codeListApi(workspace, props.list).list(), [workspace, props.list]);
  const [text, setText] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  const [error, setError] = useState<string>();
  // The list's state is the field's: Fluent keeps it open when the focus goes to the arrow beside the text
  // (the browser's Tab), where it would cover the refusal just shown.
  const [open, setOpen] = useState(false);
  // Enter reaches both the field and the list's active option: one pick hands a code over once.
  const handed = useRef<string | undefined>(undefined);
  const refused = useRef(false);
  // Enter or leaving the field before the list has arrived: the code is checked as soon as it does.
  const waiting = useRef<string | undefined>(undefined);
  if (shown !== props.value) {
    setShown(props.value);
    setText(props.value);
    setError(undefined);
  }
  const matches = useMemo(() => {
    const q = text.trim().toLowerCase();
    const all = rows ?? [];
    if (q === '' || all.some((r) => r.code.toLowerCase() === q)) return all;
    return all.filter((r) => r.code.toLowerCase().includes(q) || describe(r).toLowerCase().includes(q));
  }, [rows, text]);

  const commit = (typed: string) => {
    if (rows === undefined) {
      waiting.current = typed;
      return;
    }
    waiting.current = undefined;
    // The field's own value, left as it was, is no new choice: a code kept from before, since removed from
    // its list, stands until it is changed.
    if (!refused.current && typed.trim().toUpperCase() === props.value.toUpperCase()) {
      setError(undefined);
      setText(props.value);
      return;
    }
    const exact = unknownCode(rows, typed);
    if (exact !== undefined) {
      // One match left by typing (a part of the code or the description): that is the pick, as in BC's lookup.
      if (matches.length === 1) return pick(matches[0].code);
      // Named and shown as BC does: a code is in capitals.
      const code = typed.trim().toUpperCase();
      setText(code);
      setError(t('lookup.notExist', { field: props.label, code }));
      refused.current = true;
      props.onRefuse?.(typed.trim());
      return;
    }
    pick(typed.trim().toUpperCase());
  };
  const pick = (code: string) => {
    setError(undefined);
    setText(code);
    // After a refusal the code is handed over again, even when it is the one the field had.
    const wasRefused = refused.current;
    refused.current = false;
    if ((code === props.value && !wasRefused) || code === handed.current) return;
    handed.current = code;
    if ('onCommit' in props) return props.onCommit(code);
    void props.save(code).then((message) => {
      if (message === undefined) return;
      setError(message);
      refused.current = true;
    });
  };

  useEffect(() => {
    if (rows !== undefined && waiting.current !== undefined) commit(waiting.current);
    // Only the list's arrival: commit is the render's own and reads the text typed meanwhile.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows]);

  return (
    <Field
      label={props.label}
      required={props.required}
      size={props.size ?? 'small'}
      validationState={error ? 'error' : 'none'}
      validationMessage={error}
    >
      <Combobox
        size={props.size ?? 'small'}
        freeform
        value={text}
        selectedOptions={props.value ? [props.value] : []}
        onChange={(e) => {
          setText(e.target.value);
          setError(undefined);
          handed.current = undefined;
          waiting.current = undefined;
        }}
        open={open}
        onOpenChange={(_, d) => setOpen(d.open)}
        clearable={props.clearable}
        onOptionSelect={(e, d) => {
          if (d.optionValue !== undefined) pick(d.optionValue);
          // The clear button's click: no option chosen any more. (Emptying the text to type another code
          // also deselects, but that is still typing: the field hands over when it is left.)
          else if (d.selectedOptions.length === 0 && e.type === 'click') pick('');
        }}
        onBlur={() => {
          setOpen(false);
          commit(text);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
        }}
        data-testid={props.testId}
        style={{ minWidth: 0, width: '100%' }}
        // The input's own width would push the arrow out of a narrow grid cell (a 320 px pane).
        input={{ style: { minWidth: 0 } }}
      >
        {matches.length === 0 ? (
          <Option value="" text="" disabled>
            {t('lookup.noMatch', { text })}
          </Option>
        ) : (
          matches.map((r) => (
            <Option key={r.code} value={r.code} text={r.code}>
              {describe(r) ? `${r.code} · ${describe(r)}` : r.code}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
