// A letter uploaded as a .docx, outside Word: converted as in Word («Field» text, MERGEFIELD fields, the
// add-in's own field controls), then kept on the segment or on an interaction template for the chosen
// language. Fields that match nothing are listed; a file that is not a usable letter (a document without
// text included) is refused with a sentence naming the file and what is wrong with it, and nothing is
// written. Replacing a letter the segment or the template already has for that language asks first.
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons/svg/arrow-upload';
import { useRef, useState } from 'react';
import { isSegmentsError } from '../../domain/errors';
import { letterFromDocx } from '../../domain/letterUpload';
import { isEmptyLetter } from '../../domain/mergeRender';
import type { MergeFieldDef } from '../../domain/mergeFields';
import type { Workspace } from '../../domain/workspace';
import { useConfirm } from '../common/confirm';
import { errorText } from '../common/errorText';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/useLiveQuery';
import { legacyResolver, saveLetterOnSegment } from './mergeFlow';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end', minWidth: 0 },
  grow: { flexGrow: 1, minWidth: '8em' },
  file: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

export interface UploadNotice {
  intent: 'success' | 'warning' | 'error';
  text: string;
  items?: string[];
}

interface Props {
  workspace: Workspace;
  segmentNo: string;
  languageCode: string;
  languageName: string;
  fields: MergeFieldDef[];
  caption(f: MergeFieldDef): string;
  /** A letter was kept: what was checked and previewed before is stale. */
  onSaved?(): void;
  onDone(notices: UploadNotice[]): void;
}

/** The sentence for a refused letter: names the file and the problem. */
export function uploadErrorText(
  t: (k: string, v?: Record<string, string | number>) => string,
  e: unknown,
  file: string,
): string {
  const code = isSegmentsError(e, 'INVALID_INPUT') ? (e.details as { code?: string }).code : undefined;
  return code && code.startsWith('letter') ? t(`word.upload.${code}`, { file }) : `${file}: ${errorText(t, e)}`;
}

export function LetterUpload(props: Props) {
  const { workspace, segmentNo, languageCode, languageName, fields, caption, onSaved, onDone } = props;
  const { t } = useI18n();
  const s = useStyles();
  const templates = useLiveQuery(() => workspace.interactionTemplates.list(), [workspace]);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const confirm = useConfirm();
  const has = (ooxml: string | undefined) => ooxml !== undefined && !isEmptyLetter(ooxml);

  const upload = async (chosen: File) => {
    setBusy(true);
    try {
      let letter;
      try {
        letter = letterFromDocx(
          new Uint8Array(await chosen.arrayBuffer()),
          chosen.name,
          legacyResolver(fields, caption),
        );
      } catch (e) {
        onDone([{ intent: 'error', text: uploadErrorText(t, e, chosen.name) }]);
        return;
      }
      const names = { file: chosen.name, language: languageName };
      if (target === '') {
        const view = await workspace.segments.get(segmentNo);
        if (
          has(view?.header.letters[languageCode]?.ooxml) &&
          !(await confirm({
            title: t('word.upload.replaceTitle'),
            text: t('word.upload.replaceSegment', { ...names, no: segmentNo }),
          }))
        )
          return;
        await saveLetterOnSegment(workspace, segmentNo, languageCode, letter.ooxml);
      } else {
        const tp = await workspace.interactionTemplates.get(target);
        // The template's letter is the whole team's: replacing it is asked, naming the template.
        if (
          has(tp?.letters[languageCode]?.ooxml) &&
          !(await confirm({
            title: t('word.upload.replaceTitle'),
            text: t('word.upload.replaceTemplate', { ...names, code: target }),
          }))
        )
          return;
        const letters = {
          ...(tp?.letters ?? {}),
          [languageCode]: { subject: tp?.letters[languageCode]?.subject ?? '', ooxml: letter.ooxml },
        };
        const report = await workspace.interactionTemplates.upsert([{ code: target, letters }]);
        if (report.rejected.length) throw new Error(report.rejected[0].issues.join('; '));
      }
      onSaved?.();
      // Every field of the letter: its body's, its headers' and its footers'.
      const merged = letter.fields.filter((f) => f.key).length;
      const notices: UploadNotice[] = [
        {
          intent: 'success',
          text:
            target === ''
              ? t('word.upload.savedOnSegment', { ...names, no: segmentNo, fields: merged })
              : t('word.upload.savedOnTemplate', { ...names, code: target, fields: merged }),
        },
      ];
      if (letter.unconvertible.length)
        notices.push({
          intent: 'warning',
          text: t('word.upload.unconvertible', { count: letter.unconvertible.length }),
          items: letter.unconvertible.map((f) => f.name),
        });
      onDone(notices);
    } catch (e) {
      onDone([{ intent: 'error', text: uploadErrorText(t, e, chosen.name) }]);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className={s.row}>
      <Field label={t('word.upload.keepOn')} size="small" className={s.grow}>
        <Select size="small" value={target} onChange={(_e, d) => setTarget(d.value)} data-testid="upload-target">
          <option value="">{t('word.upload.onSegment', { no: segmentNo })}</option>
          {(templates ?? []).map((x) => (
            <option key={x.code} value={x.code}>
              {t('word.upload.onTemplate', { code: x.code })}
            </option>
          ))}
        </Select>
      </Field>
      <input
        ref={input}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        className={s.file}
        aria-label={t('word.upload')}
        tabIndex={-1}
        data-testid="letter-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      <Button
        size="small"
        icon={<ArrowUploadRegular />}
        disabled={busy || !segmentNo}
        onClick={() => input.current?.click()}
        data-testid="letter-upload"
      >
        {t('word.upload')}
      </Button>
    </div>
  );
}
