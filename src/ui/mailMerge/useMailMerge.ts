// The Mail merge page's actions: check, merge (into the document, a new document, or a download),
// log (the letters gathered here, then BC's Log Segment dialog asks), insert and convert fields. Each is
// one user action; long rendering yields to the browser.
import { useCallback, useState } from 'react';
import { mergedDocx, type MergedDocxOptions } from '../../domain/docx';
import type { LegacyField } from '../../domain/mergeConvert';
import type { LogOptions, LogResult } from '../../domain/log';
import type { MergeFieldDef } from '../../domain/mergeFields';
import type { Workspace } from '../../domain/workspace';
import type { WordPort } from '../../domain/ports/wordPort';
import { downloadBlob } from '../common/download';
import { errorText } from '../common/errorText';
import { useLongTask } from '../common/useLongTask';
import { useRole } from '../common/useRole';
import { useI18n } from '../common/i18n';
import {
  convertDocument,
  legacyFieldsOf,
  legacyResolver,
  lettersForLog,
  listFields,
  loadMergeSource,
  planMerge,
  readDocumentLetter,
  saveLetterOnSegment,
  type MergePlan,
} from './mergeFlow';

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
  items?: string[];
}

export interface MergeOptions {
  comments: boolean;
}

/** The letters a Log will store with its entries, gathered before the Log dialog opens. */
export interface LogLetters {
  letters: NonNullable<LogOptions['letters']>;
  /** Read back from the merged Word document (else rendered now from the segment's letters). */
  fromDocument: boolean;
}

export function useMailMerge(
  workspace: Workspace,
  word: WordPort | undefined,
  segmentNo: string,
  languageCode: string,
  caption: (f: MergeFieldDef) => string,
) {
  const { t, locale } = useI18n();
  const task = useLongTask();
  /** On a team server, the user it knows by the personal key: the letters' comments are theirs. */
  const serverUser = useRole().user;
  const [plan, setPlan] = useState<MergePlan>();
  const [legacy, setLegacy] = useState<LegacyField[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [awaitingAccept, setAwaitingAccept] = useState(false);
  const [busy, setBusy] = useState(false);
  const [logLetters, setLogLetters] = useState<LogLetters>();
  /** Word writes and reads in blocks: shown without Cancel (a block half written helps nobody). */
  const [wordProgress, setWordProgress] = useState<{ label: string; done: number; total: number }>();

  const act = useCallback(
    async (work: () => Promise<Notice[] | void>) => {
      setBusy(true);
      setNotices([]);
      try {
        const out = await work();
        if (out) setNotices(out);
      } catch (e) {
        setNotices([{ intent: 'error', text: errorText(t, e) }]);
      } finally {
        setBusy(false);
        setWordProgress(undefined);
      }
    },
    [t],
  );

  /** Reads the letter, renders every line's letter and checks the fields. */
  const prepare = useCallback(async () => {
    const doc = await readDocumentLetter(word);
    const loaded = await loadMergeSource(workspace, segmentNo, languageCode, doc.ooxml);
    const resolve = legacyResolver(listFields(loaded), caption);
    // The «Name» and MERGEFIELDs of the letters' headers and footers are filled as Word's mail merge does.
    const source = { ...loaded, resolve };
    const found = legacyFieldsOf(doc.ooxml, resolve);
    setLegacy(found);
    const p = await task.run((c) => planMerge(source, found, c.step, t('word.merge.rendering')));
    if (p) setPlan(p);
    return { doc, plan: p };
  }, [word, workspace, segmentNo, languageCode, caption, task, t]);

  const check = useCallback(() => act(async () => void (await prepare())), [act, prepare]);

  /**
   * The letters as the merged .docx and the log keep them: the comments' author (the user) and date, and
   * the paper of the workspace locale's country for letters without a page size.
   */
  const letterOptions = useCallback(async (): Promise<MergedDocxOptions> => {
    const profile = await workspace.profile.get();
    return { author: serverUser || profile.userId || 'Segments', date: new Date().toISOString(), pageLocale: locale };
  }, [workspace, serverUser, locale]);

  /** A new letter makes the last check's findings and previews stale. */
  const letterChanged = useCallback(() => {
    setPlan(undefined);
    setAwaitingAccept(false);
  }, []);

  const merge = useCallback(
    (target: 'document' | 'new' | 'download', opts: MergeOptions, accepted = false) =>
      act(async () => {
        const { doc, plan: first } = await prepare();
        if (!first) return;
        // A segment without lines: the check beneath says there is nothing to merge.
        if (first.check.noLines) return;
        if (first.letters.length === 0)
          return [{ intent: 'error', text: word ? t('word.noLetter') : t('word.noLetter.outside', { no: segmentNo }) }];
        if (!first.check.clean && !accepted) {
          setAwaitingAccept(true);
          return;
        }
        setAwaitingAccept(false);
        const notes: Notice[] = [];
        if (doc.remerge) notes.push({ intent: 'info', text: t('word.merge.remerge') });
        if (doc.ooxml) await saveLetterOnSegment(workspace, segmentNo, languageCode, doc.ooxml);
        const letters = first.letters;
        if (target === 'document' && word) {
          setWordProgress({ label: t('word.merge.writing'), done: 0, total: letters.length });
          const report = await word.mergeLetters(letters, {
            comments: opts.comments,
            commentLabel: t('word.comments.label'),
            onProgress: (done, total) => setWordProgress({ label: t('word.merge.writing'), done, total }),
          });
          notes.push({
            intent: 'success',
            text: t('word.merge.done', { letters: report.letters, syncs: report.syncs + doc.syncs }),
          });
          const c = report.comments;
          if (c.outcome === 'attached')
            notes.push({ intent: 'success', text: t('word.comments.attached', { count: c.attached }) });
          const kept = { inField: c.inField ?? 0, inParagraph: c.inParagraph ?? 0 };
          if (c.outcome === 'unsupported')
            notes.push({ intent: 'warning', text: t('word.comments.unsupported', kept) });
          if (c.outcome === 'refused')
            notes.push({
              intent: 'warning',
              text: t('word.comments.refused', { code: c.errorCode ?? '', attached: c.attached, ...kept }),
            });
          return notes;
        }
        // Outside Word the comments go into the .docx as Word comments, unless the user turned them off.
        // Each letter's header and footer come filled for its line (rendered with the source's resolver).
        const withComments = opts.comments ? letters : letters.map((l) => ({ ...l, comment: '' }));
        const docx = mergedDocx(withComments, await letterOptions());
        if (target === 'new' && word?.supports.createDocument) await word.openDocument(docx);
        else
          downloadBlob(
            new Blob([docx as BlobPart], {
              type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            }),
            `${segmentNo}.docx`,
          );
        notes.push({ intent: 'success', text: t('word.merge.done', { letters: letters.length, syncs: doc.syncs }) });
        return notes;
      }),
    [act, prepare, word, workspace, segmentNo, languageCode, t, letterOptions],
  );

  /** Gathers the letters to log; the page then opens the Log dialog (options, what is written, blockers). */
  const log = useCallback(
    (opts: MergeOptions) =>
      act(async () => {
        const got = await lettersForLog(
          word,
          segmentNo,
          async () => (await prepare()).plan?.letters ?? [],
          (done, total) => setWordProgress({ label: t('word.log.reading'), done, total }),
          // Each entry keeps the letter its contact got in the .docx: headers, footers, the comment (a Word
          // without comments had them merged as text).
          { ...(await letterOptions()), comments: opts.comments && (!word || word.supports.comments) },
        );
        setLogLetters({ letters: got.letters, fromDocument: got.fromDocument });
      }),
    [act, word, segmentNo, prepare, t, letterOptions],
  );

  const logClosed = useCallback(() => setLogLetters(undefined), []);

  const logged = useCallback(
    (result: LogResult) => {
      const notes: Notice[] = [];
      if (!logLetters?.fromDocument)
        notes.push({ intent: 'info', text: t(word ? 'word.log.fromRendered' : 'word.log.fromRenderedOutside') });
      notes.push({
        intent: 'success',
        text: t('word.log.done', { entries: result.entries.length, entryNo: result.loggedSegment.entryNo }),
      });
      setLogLetters(undefined);
      setPlan(undefined);
      setNotices(notes);
    },
    [logLetters, word, t],
  );

  /** Looks for Word mail-merge fields in the open document (when the Fields tab opens). */
  const detectLegacy = useCallback(
    async (fields: MergeFieldDef[]) => {
      if (!word) return;
      try {
        const doc = await readDocumentLetter(word);
        setLegacy(legacyFieldsOf(doc.ooxml, legacyResolver(fields, caption)));
      } catch (e) {
        setNotices([{ intent: 'error', text: errorText(t, e) }]);
      }
    },
    [word, caption, t],
  );

  const insertField = useCallback(
    (f: MergeFieldDef) => act(async () => void (await word?.insertField(f.key, caption(f)))),
    [act, word, caption],
  );

  const convert = useCallback(
    (fields: MergeFieldDef[]) =>
      act(async () => {
        if (!word) return;
        const found = await convertDocument(word, legacyResolver(fields, caption));
        const unmatched = found.filter((f) => !f.key).map((f) => f.name);
        setLegacy(found.filter((f) => !f.key));
        return [
          {
            intent: 'success',
            text: t('word.legacy.converted', {
              converted: found.length - unmatched.length,
              unmatched: unmatched.join(', ') || t('word.legacy.none'),
            }),
          },
        ];
      }),
    [act, word, caption, t],
  );

  return {
    task,
    plan,
    legacy,
    notices,
    awaitingAccept,
    busy,
    wordProgress,
    check,
    merge,
    log,
    letterChanged,
    logLetters,
    logClosed,
    logged,
    insertField,
    convert,
    detectLegacy,
    setNotices,
  };
}
