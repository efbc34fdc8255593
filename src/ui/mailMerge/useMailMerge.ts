// The Mail merge page's actions: check, merge (into the document, a new document, or a download),
// log, insert and convert fields. Each is one user action; long rendering yields to the browser.
import { useCallback, useState } from 'react';
import { mergedDocx } from '../../domain/docx';
import type { LegacyField } from '../../domain/mergeConvert';
import type { MergeFieldDef } from '../../domain/mergeFields';
import type { Workspace } from '../../domain/workspace';
import type { WordPort } from '../../domain/ports/wordPort';
import { downloadBlob } from '../common/download';
import { errorText } from '../common/errorText';
import { useLongTask } from '../common/useLongTask';
import { useT } from '../common/i18n';
import {
  convertDocument,
  legacyFieldsOf,
  legacyResolver,
  lettersForLog,
  listFields,
  loadMergeSource,
  logSegment,
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
  sendAttachments: boolean;
  createFollowUp: boolean;
}

export function useMailMerge(
  workspace: Workspace,
  word: WordPort | undefined,
  segmentNo: string,
  languageCode: string,
  caption: (f: MergeFieldDef) => string,
) {
  const t = useT();
  const task = useLongTask();
  const [plan, setPlan] = useState<MergePlan>();
  const [legacy, setLegacy] = useState<LegacyField[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [awaitingAccept, setAwaitingAccept] = useState(false);
  const [busy, setBusy] = useState(false);
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
    const source = await loadMergeSource(workspace, segmentNo, languageCode, doc.ooxml);
    const found = legacyFieldsOf(doc.ooxml, legacyResolver(listFields(source), caption));
    setLegacy(found);
    const p = await task.run((c) => planMerge(source, found, c.step, t('word.merge.rendering')));
    if (p) setPlan(p);
    return { doc, plan: p };
  }, [word, workspace, segmentNo, languageCode, caption, task, t]);

  const check = useCallback(() => act(async () => void (await prepare())), [act, prepare]);

  const merge = useCallback(
    (target: 'document' | 'new' | 'download', opts: MergeOptions, accepted = false) =>
      act(async () => {
        const { doc, plan: first } = await prepare();
        if (!first) return;
        if (first.letters.length === 0) return [{ intent: 'error', text: t('word.noLetter') }];
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
        const profile = await workspace.profile.get();
        // Outside Word the comments go into the .docx as Word comments, unless the user turned them off.
        const withComments = opts.comments ? letters : letters.map((l) => ({ ...l, comment: '' }));
        const docx = mergedDocx(withComments, {
          author: profile.userId || 'Segments',
          date: new Date().toISOString(),
        });
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
    [act, prepare, word, workspace, segmentNo, languageCode, t],
  );

  const log = useCallback(
    (opts: MergeOptions) =>
      act(async () => {
        const got = await lettersForLog(
          word,
          segmentNo,
          async () => (await prepare()).plan?.letters ?? [],
          (done, total) => setWordProgress({ label: t('word.log.reading'), done, total }),
        );
        const { result, preview } = await logSegment(workspace, segmentNo, {
          letters: got.letters,
          sendAttachments: opts.sendAttachments,
          createFollowUp: opts.createFollowUp,
          ...(opts.createFollowUp ? { followUpDescription: t('log.followUpDescription', { no: segmentNo }) } : {}),
        });
        if (!result)
          return [{ intent: 'error', text: t('word.log.blockers'), items: preview.blockers.map((b) => b.message) }];
        const notes: Notice[] = [];
        if (!got.fromDocument) notes.push({ intent: 'info', text: t('word.log.fromRendered') });
        notes.push({
          intent: 'success',
          text: t('word.log.done', { entries: result.entries.length, entryNo: result.loggedSegment.entryNo }),
        });
        setPlan(undefined);
        return notes;
      }),
    [act, word, segmentNo, prepare, workspace, t],
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
    insertField,
    convert,
    detectLegacy,
    setNotices,
  };
}
