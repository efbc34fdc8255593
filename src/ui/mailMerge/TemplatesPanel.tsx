// Letter templates: the open document's body saved as an interaction template's letter for a
// language (an empty document is refused, and replacing the letter the template has, which every segment
// taking the template copies, asks first), and a template's letter loaded back into the document.
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { InteractionTemplate } from '../../domain/interaction';
import { isEmptyLetter } from '../../domain/mergeRender';
import type { Workspace } from '../../domain/workspace';
import type { WordPort } from '../../domain/ports/wordPort';
import { useConfirm } from '../common/confirm';
import { UserMessage } from '../common/errorText';
import { useLiveQuery } from '../common/useLiveQuery';
import { useT } from '../common/i18n';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

interface Props {
  workspace: Workspace;
  word: WordPort;
  languageCode: string;
  languageName: string;
  onDone(text: string): void;
  onError(e: unknown): void;
}

export function TemplatesPanel({ workspace, word, languageCode, languageName, onDone, onError }: Props) {
  const t = useT();
  const s = useStyles();
  const templates = useLiveQuery(() => workspace.interactionTemplates.list(), [workspace]);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();
  const chosen: InteractionTemplate | undefined = templates?.find((x) => x.code === code);

  const act = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    try {
      const done = await work();
      if (done !== undefined) onDone(done);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(async () => {
      const read = await word.readLetter();
      if (!read.ooxml || isEmptyLetter(read.ooxml)) throw new UserMessage(t('word.templates.empty'));
      const current = (await workspace.interactionTemplates.get(code))?.letters[languageCode]?.ooxml;
      if (
        current !== undefined &&
        !isEmptyLetter(current) &&
        !(await confirm({
          title: t('word.upload.replaceTitle'),
          text: t('word.templates.replace', { code, language: languageName }),
        }))
      )
        return undefined;
      const letters = {
        ...(chosen?.letters ?? {}),
        [languageCode]: { subject: chosen?.letters[languageCode]?.subject ?? '', ooxml: read.ooxml },
      };
      const report = await workspace.interactionTemplates.upsert([{ code, letters }]);
      if (report.rejected.length) throw new Error(report.rejected[0].issues.join('; '));
      return t('word.templates.saved', { code, language: languageName });
    });
  const load = () =>
    act(async () => {
      const letter = chosen?.letters[languageCode];
      if (!letter?.ooxml) return t('word.templates.none', { code, language: languageName });
      await word.replaceBody(letter.ooxml);
      return t('word.templates.loaded', { code });
    });

  return (
    <div>
      <Field label={t('word.templates.template')}>
        <Select value={code} onChange={(_e, d) => setCode(d.value)} data-testid="template-code">
          <option value="" />
          {(templates ?? []).map((x) => (
            <option key={x.code} value={x.code}>
              {x.code} · {x.description}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200}>{languageName}</Text>
      <div className={s.actions}>
        <Button disabled={!code || busy} onClick={() => void save()} data-testid="template-save">
          {t('word.templates.save')}
        </Button>
        <Button disabled={!code || busy} onClick={() => void load()} data-testid="template-load">
          {t('word.templates.load')}
        </Button>
      </div>
    </div>
  );
}
