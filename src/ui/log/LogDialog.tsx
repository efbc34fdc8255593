// Log (BC's "Log Segment"): the options, and the pre-flight: the entries that would be written and every
// blocker, per line, in words; Log stays disabled while anything blocks it.
import { Checkbox, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { SegmentsError } from '../../domain/errors';
import type { LogBlocker, LogOptions, LogPreview, LogResult } from '../../domain/log';
import type { PaneLogOptions } from '../../domain/logRules';
import { errorText, optionCaption } from '../common/errorText';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { RunDialog, useRunDialogStyles } from '../common/RunDialog';
import { useWorkspace } from '../common/services';
import { useRole } from '../common/useRole';

const useStyles = makeStyles({
  list: { maxHeight: '10em' },
  blockers: { color: tokens.colorPaletteRedForeground1 },
});
const SHOWN = 25;

export interface LogDialogProps {
  segmentNo: string;
  onClose(): void;
  /** Called once the segment is logged (it no longer exists as an open segment). */
  onLogged(result: LogResult): void;
  letters?: LogOptions['letters'];
}

export function LogDialog({ segmentNo, onClose, onLogged, letters }: LogDialogProps) {
  const { t, formatNumber, formatDate } = useI18n();
  const s = useStyles();
  const rs = useRunDialogStyles();
  const list = mergeClasses(rs.list, s.list);
  const workspace = useWorkspace();
  const notify = useNotify();
  const [options, setOptions] = useState<{ sendAttachments: boolean; createFollowUp: boolean }>({
    sendAttachments: false,
    createFollowUp: false,
  });
  // On a team server that knows the user, the server stamps that user on what is logged: the pane writes
  // the same and does not ask for the profile's User ID.
  const serverUser = useRole().user;
  const [answer, setAnswer] = useState<{ key: string; value?: LogPreview; error?: unknown }>();
  const key = JSON.stringify([segmentNo, options, letters?.length ?? 0, serverUser]);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    let live = true;
    const opts: PaneLogOptions = { ...options, letters, serverUser };
    workspace.segments.previewLog(segmentNo, opts).then(
      (value) => live && setAnswer({ key, value }),
      (error: unknown) => live && setAnswer({ key, error }),
    );
    return () => {
      live = false;
    };
    // `key` stands for the segment, the options and the letters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace, key]);
  const preview = answer?.key === key ? answer : undefined;

  const log = async () => {
    setRunning(true);
    try {
      // The follow-up's description in the user's language, recorded with the action (a replay in another
      // pane writes the same text).
      const followUpDescription = options.createFollowUp ? t('log.followUpDescription', { no: segmentNo }) : undefined;
      const opts: PaneLogOptions = {
        ...options,
        letters,
        serverUser,
        ...(followUpDescription ? { followUpDescription } : {}),
      };
      const result = await workspace.segments.log(segmentNo, opts);
      // One note says both: the segment logged and, below it, the follow-up created.
      notify.success(
        t('log.done', { no: segmentNo }),
        result.followUpSegmentNo ? t('log.followUp', { no: result.followUpSegmentNo }) : undefined,
      );
      onLogged(result);
    } catch (e) {
      notify.error(e);
      setRunning(false);
    }
  };

  const blockers = preview?.value?.blockers ?? [];
  const entries = preview?.value?.entries ?? [];
  return (
    <RunDialog
      title={t('log.title')}
      running={running}
      run={{
        label: t('log.run'),
        disabled: !preview?.value || blockers.length > 0,
        testId: 'log-run',
        onClick: () => void log(),
      }}
      onClose={onClose}
      preview={
        <div className={rs.section} aria-live="polite" data-testid="log-preflight">
          <Text weight="semibold">{t('log.preflight')}</Text>
          {preview === undefined ? (
            <Spinner size="extra-tiny" label={t('common.loading')} labelPosition="after" />
          ) : preview.error ? (
            <Text role="alert" className={s.blockers}>
              {errorText(t, preview.error)}
            </Text>
          ) : (
            <>
              <Text data-testid="log-entries">{t('log.entries', { n: formatNumber(entries.length) })}</Text>
              <ul className={list} tabIndex={0} aria-label={t('log.entries', { n: formatNumber(entries.length) })}>
                {entries.slice(0, SHOWN).map((e, i) => (
                  <li key={i}>
                    {t('log.entryLine', {
                      contact: e.contactNo,
                      type: optionCaption(t, e.correspondenceType),
                      template: e.interactionTemplateCode || t('common.blank'),
                      date: formatDate(e.date),
                    })}
                  </li>
                ))}
                {entries.length > SHOWN ? (
                  <li>{t('criteria.previewMore', { n: formatNumber(entries.length - SHOWN) })}</li>
                ) : null}
              </ul>
              {blockers.length === 0 ? (
                <Text data-testid="log-no-blockers">{t('log.noBlockers')}</Text>
              ) : (
                <>
                  <Text weight="semibold" className={s.blockers} data-testid="log-blockers">
                    {t('log.blockers', { n: formatNumber(blockers.length) })}
                  </Text>
                  <ul
                    className={list}
                    tabIndex={0}
                    aria-label={t('log.blockers', { n: formatNumber(blockers.length) })}
                  >
                    {blockers.map((b, i) => (
                      <li key={i} className={s.blockers}>
                        {blockerText(t, b)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      }
    >
      <div className={rs.section} role="group" aria-label={t('criteria.options')}>
        <Checkbox
          label={t('log.sendAttachments')}
          checked={options.sendAttachments}
          onChange={(_, d) => setOptions({ ...options, sendAttachments: d.checked === true })}
        />
        <Text size={200} className={rs.hint}>
          {t('log.sendAttachmentsHint')}
        </Text>
        <Checkbox
          label={t('log.createFollowUp')}
          checked={options.createFollowUp}
          onChange={(_, d) => setOptions({ ...options, createFollowUp: d.checked === true })}
        />
      </div>
    </RunDialog>
  );
}

/** A blocker in the user's language: the same words as the error `log` would throw. */
function blockerText(t: Parameters<typeof errorText>[0], b: LogBlocker): string {
  const err = new SegmentsError(b.code, b.message, {
    lineNo: b.lineNo,
    contactNo: b.contactNo,
    field: b.field,
    segmentNo: undefined,
  });
  return errorText(t, err);
}
