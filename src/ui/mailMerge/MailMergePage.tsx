// The Mail merge page, in the order of the work: the segment, its letter per language (the document in
// Word, an uploaded .docx anywhere), check, preview, merge (into the document, a new document, or a .docx
// outside Office), and log (BC's Log Segment dialog: options, what will be written, blockers). The check's findings and the merge action come first, so a 320 x 800 pane shows
// them without scrolling; the lines' comments, the fields and the templates are in tabs beneath.
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { isSegmentsError } from '../../domain/errors';
import type { MergeFieldDef } from '../../domain/mergeFields';
import type { Workspace } from '../../domain/workspace';
import type { WordPort } from '../../domain/ports/wordPort';
import { errorText } from '../common/errorText';
import { useLiveQuery } from '../common/useLiveQuery';
import { useI18n } from '../common/i18n';
import { LogDialog } from '../log/LogDialog';
import { ProgressPanel } from '../shell/ProgressPanel';
import { CheckView } from './CheckView';
import { FieldsPanel } from './FieldsPanel';
import { languageName as nameOfLanguage } from './languageName';
import { LetterUpload } from './LetterUpload';
import { LinesPanel } from './LinesPanel';
import { listFields, loadMergeSource } from './mergeFlow';
import { PreviewPanel } from './PreviewPanel';
import { TemplatesPanel } from './TemplatesPanel';
import { useMailMerge, type MergeOptions } from './useMailMerge';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  select: { minWidth: 0, maxWidth: '100%' },
  // A field name far wider than the pane (a 5,000-character «Field») wraps instead of running off it.
  notice: { minWidth: 0, overflowWrap: 'anywhere' },
});

type TabName = 'lines' | 'fields' | 'preview' | 'templates';

export function MailMergePage({ workspace, word }: { workspace: Workspace; word: WordPort | undefined }) {
  const { t, language } = useI18n();
  const s = useStyles();
  const segments = useLiveQuery(() => workspace.segments.list(), [workspace]);
  const languages = useLiveQuery(() => workspace.languages.list(), [workspace]);
  const [chosen, setChosen] = useState<string>();
  const segmentNo = (chosen && segments?.some((h) => h.no === chosen) ? chosen : segments?.[0]?.no) ?? '';
  const view = useLiveQuery(() => (segmentNo ? workspace.segments.get(segmentNo) : undefined), [workspace, segmentNo]);
  const source = useLiveQuery(
    () =>
      segmentNo
        ? loadMergeSource(workspace, segmentNo, '').catch((e: unknown) =>
            isSegmentsError(e, 'NOT_FOUND') ? undefined : Promise.reject(e),
          )
        : undefined,
    [workspace, segmentNo],
  );
  const [lang, setLang] = useState<string>();
  const languageCode = lang ?? view?.header.languageCodeDefault ?? '';
  const [tab, setTab] = useState<TabName>('preview');
  const [opts, setOpts] = useState<MergeOptions>({ comments: true });

  const caption = useCallback((f: MergeFieldDef) => (f.group === 'extra' ? f.captionKey : t(f.captionKey)), [t]);
  const fields = useMemo(() => listFields(source), [source]);
  const captionOf = useCallback(
    (key: string) => {
      const f = fields.find((x) => x.key === key);
      return f ? caption(f) : key.startsWith('extra.') ? key.slice(6) : key;
    },
    [fields, caption],
  );
  const mm = useMailMerge(workspace, word, segmentNo, languageCode, caption);
  const languageName = languageCode
    ? nameOfLanguage(
        languages?.find((l) => l.code === languageCode),
        languageCode,
        language,
      )
    : t('word.noLanguage');
  const onError = (e: unknown) => mm.setNotices([{ intent: 'error', text: errorText(t, e) }]);
  const busy = mm.busy || !segmentNo || !view;

  const notices = mm.notices.map((n, i) => (
    <MessageBar key={i} intent={n.intent} data-testid={`notice-${n.intent}`}>
      <MessageBarBody className={s.notice}>
        {n.text}
        {n.items?.length ? (
          <ul>
            {n.items.map((x, j) => (
              <li key={j}>{x}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  ));
  if (segments && segments.length === 0) {
    return (
      <section className={s.root} aria-label={t('word.title')}>
        {notices}
        <MessageBar intent="info" data-testid="no-segments">
          <MessageBarBody>{t(word ? 'word.noSegments' : 'word.noSegments.outside')}</MessageBarBody>
        </MessageBar>
      </section>
    );
  }
  return (
    <section className={s.root} aria-label={t('word.title')}>
      {word ? null : (
        <Text size={200} data-testid="outside-office">
          {t('word.outsideOffice')}
        </Text>
      )}
      <Field label={t('word.segment')} size="small">
        <Select
          size="small"
          value={segmentNo}
          onChange={(_e, d) => setChosen(d.value)}
          data-testid="segment-choice"
          className={s.select}
        >
          {(segments ?? []).map((h) => (
            <option key={h.no} value={h.no}>
              {h.description ? `${h.no} · ${h.description}` : h.no}
            </option>
          ))}
        </Select>
      </Field>
      <section aria-label={t('word.step.letter')} className={s.step}>
        <Field
          label={t('word.letterLanguage')}
          hint={t(word ? 'word.letterLanguage.hint' : 'word.letterLanguage.hintUpload')}
          size="small"
        >
          <Select
            size="small"
            value={languageCode}
            onChange={(_e, d) => setLang(d.value)}
            data-testid="letter-language"
            className={s.select}
          >
            <option value="">{t('word.noLanguage')}</option>
            {(languages ?? []).map((l) => (
              <option key={l.code} value={l.code}>
                {l.code} · {l.name}
              </option>
            ))}
          </Select>
        </Field>
        <LetterUpload
          workspace={workspace}
          segmentNo={segmentNo}
          languageCode={languageCode}
          languageName={languageName}
          fields={fields}
          caption={caption}
          onSaved={mm.letterChanged}
          onDone={(n) => mm.setNotices(n)}
        />
      </section>
      <section aria-label={t('word.step.merge')} className={s.step}>
        <div className={s.actions}>
          <Button size="small" disabled={busy} onClick={() => void mm.check()} data-testid="check">
            {t('word.check.run')}
          </Button>
          {word ? (
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              onClick={() => void mm.merge('document', opts)}
              data-testid="merge"
            >
              {t('word.merge')}
            </Button>
          ) : null}
          <Button
            size="small"
            appearance={word ? 'secondary' : 'primary'}
            disabled={busy}
            onClick={() => void mm.merge(word?.supports.createDocument ? 'new' : 'download', opts)}
            data-testid="merge-new"
          >
            {word?.supports.createDocument ? t('word.merge.new') : t('word.merge.download')}
          </Button>
        </div>
        {mm.task.progress ? <ProgressPanel progress={mm.task.progress} onCancel={mm.task.cancel} /> : null}
        {mm.wordProgress ? (
          <Field label={mm.wordProgress.label} data-testid="word-progress">
            <ProgressBar
              value={mm.wordProgress.total ? mm.wordProgress.done / mm.wordProgress.total : undefined}
              max={1}
            />
          </Field>
        ) : null}
        {notices}
        {mm.awaitingAccept && mm.plan ? (
          <div data-testid="accept">
            <Text size={200} block data-testid="accept-hint">
              {t('word.check.acceptHint')}
            </Text>
            <Button
              appearance="primary"
              size="small"
              onClick={() => void mm.merge(word ? 'document' : 'download', opts, true)}
              data-testid="accept-merge"
            >
              {t('word.check.accept')}
            </Button>
            <CheckView check={mm.plan.check} caption={captionOf} />
          </div>
        ) : mm.plan ? (
          <CheckView check={mm.plan.check} caption={captionOf} />
        ) : null}
        <Checkbox
          label={t('word.merge.comments')}
          checked={opts.comments}
          disabled={word ? !word.supports.comments : false}
          data-testid="merge-comments"
          onChange={(_e, d) => setOpts({ ...opts, comments: Boolean(d.checked) })}
        />
      </section>
      <TabList
        size="small"
        selectedValue={tab}
        onTabSelect={(_e, d) => {
          setTab(d.value as TabName);
          if (d.value === 'fields') void mm.detectLegacy(fields);
        }}
      >
        {(['preview', 'lines', 'fields', 'templates'] as const).map((x) =>
          x === 'templates' && !word ? null : (
            <Tab key={x} value={x}>
              {t(`word.tab.${x}`)}
            </Tab>
          ),
        )}
      </TabList>
      {tab === 'lines' && view && source ? (
        <LinesPanel
          workspace={workspace}
          segmentNo={segmentNo}
          lines={view.lines}
          contacts={source.contacts}
          onError={onError}
        />
      ) : null}
      {tab === 'fields' ? (
        <FieldsPanel
          fields={fields}
          caption={caption}
          canInsert={Boolean(word)}
          onInsert={(f) => void mm.insertField(f)}
          legacy={mm.legacy}
          onConvert={() => void mm.convert(fields)}
          busy={busy}
        />
      ) : null}
      {tab === 'preview' ? (
        mm.plan ? (
          <PreviewPanel plan={mm.plan} lines={view?.lines} />
        ) : (
          <Text size={200}>{t('word.preview.runCheck')}</Text>
        )
      ) : null}
      {tab === 'templates' && word ? (
        <TemplatesPanel
          workspace={workspace}
          word={word}
          languageCode={languageCode}
          languageName={languageName}
          onDone={(text) => mm.setNotices([{ intent: 'success', text }])}
          onError={onError}
        />
      ) : null}
      <section aria-label={t('word.step.log')} className={s.step}>
        <div className={s.actions}>
          <Button size="small" disabled={busy} onClick={() => void mm.log(opts)} data-testid="log">
            {t('word.log')}
          </Button>
        </div>
      </section>
      {mm.logLetters ? (
        <LogDialog segmentNo={segmentNo} letters={mm.logLetters.letters} onClose={mm.logClosed} onLogged={mm.logged} />
      ) : null}
    </section>
  );
}
