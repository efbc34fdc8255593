// Add Contacts / Reduce Contacts / Refine Contacts: filters as BC filter expressions, the options, and a
// live +N / −M preview (the same step, nothing written) before running.
import { Button, Checkbox, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { CriteriaOptions, StepResult } from '../../domain/criteria';
import type { CriteriaKind } from '../../domain/enums';
import { isSegmentsError } from '../../domain/errors';
import { quoteFilterValue } from '../../domain/filterExpression';
import type { SegmentHeader } from '../../domain/segment';
import { useConfirm } from '../common/confirm';
import { errorIsForRow, missingPart, toCriteriaFilters, type FilterRow } from './criteriaFilters';
import { optionCaption } from '../common/errorText';
import { criteriaError, criteriaErrorText } from './criteriaCaptions';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { RunDialog, useRunDialogStyles } from '../common/RunDialog';
import { useWorkspace } from '../common/services';
import { SimpleDialog } from '../common/SimpleDialog';
import { ContactCardPage } from '../contacts/ContactCardPage';
import type { Navigate } from '../shell/pageRegistry';
import { FilterRows } from './FilterRows';

const useStyles = makeStyles({
  preview: {
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  result: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  list: { maxHeight: '8em' },
  contact: {
    padding: 0,
    minWidth: 0,
    minHeight: 0,
    textAlign: 'start',
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorBrandForegroundLink,
    overflowWrap: 'anywhere',
  },
});

const addOptions = ['allowExistingContacts', 'expandCompanies', 'allowRelatedCompanies', 'ignoreExclusion'] as const;
const removeOptions = ['entireCompanies'] as const;
const SHOWN = 10;

export interface CriteriaDialogProps {
  header: Pick<SegmentHeader, 'no' | 'noOfLines' | 'noOfCriteriaActions'>;
  kind: CriteriaKind;
  onClose(): void;
  /** Where a link on a contact's card leads when it leaves the dialog (another page). */
  onNavigate: Navigate;
  /** Milliseconds to wait after typing before previewing. */
  previewDelay?: number;
}

export function CriteriaDialog({ header, kind, onClose, onNavigate, previewDelay = 300 }: CriteriaDialogProps) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const rs = useRunDialogStyles();
  const workspace = useWorkspace();
  const confirm = useConfirm();
  const notify = useNotify();
  const [rows, setRows] = useState<FilterRow[]>([{ field: 'contact.city', expression: '' }]);
  const [options, setOptions] = useState<CriteriaOptions>({});
  const [answer, setAnswer] = useState<{ key: string; result?: StepResult; error?: unknown }>();
  const [running, setRunning] = useState(false);
  // The contact whose card is open over the dialog: the filters, options and preview stay as they are.
  const [card, setCard] = useState<string>();
  const filters = useMemo(() => toCriteriaFilters(rows), [rows]);
  const key = JSON.stringify([filters, options]);
  // A row with a filter but no field or column name: the filters would run without it, so nothing is
  // previewed or run until the row says what it filters.
  const incomplete = rows.some((r) => missingPart(r) !== undefined);

  useEffect(() => {
    if (incomplete) return;
    let live = true;
    const timer = setTimeout(() => {
      workspace.segments.previewStep(header.no, { kind, filters, options }).then(
        (result) => live && setAnswer({ key, result }),
        (error: unknown) => live && setAnswer({ key, error }),
      );
    }, previewDelay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for filters and options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace, header.no, kind, key, previewDelay, incomplete]);
  // The preview answers the filters and options as they are now, or is pending (or blocked by a row).
  const preview = incomplete
    ? { pending: false, result: undefined, error: undefined }
    : answer?.key === key
      ? { ...answer, pending: false }
      : { pending: true, result: undefined, error: undefined };

  const filterError = (row: FilterRow) => {
    const missing = missingPart(row);
    if (missing)
      return {
        text: t(missing === 'field' ? 'criteria.error.fieldMissing' : 'criteria.error.columnNameMissing'),
        position: undefined,
      };
    const e = preview.error;
    if (!isSegmentsError(e, 'INVALID_FILTER') || !errorIsForRow(e.details.field, row)) return undefined;
    return {
      text: criteriaErrorText(t, e),
      position: typeof e.details.position === 'number' ? e.details.position : undefined,
    };
  };
  const unplacedError =
    preview.error && !rows.some((r) => filterError(r)) ? criteriaErrorText(t, preview.error) : undefined;

  const run = async () => {
    if (incomplete) return;
    setRunning(true);
    try {
      let result: StepResult;
      if (kind === 'Add Contacts') {
        result = await workspace.segments.addContacts(header.no, filters, pick(options, addOptions));
      } else {
        const empties =
          preview.result !== undefined && header.noOfLines > 0 && preview.result.removed.length >= header.noOfLines;
        const reset =
          empties && header.noOfCriteriaActions >= 1
            ? await confirm({ title: t('segment.emptyResetTitle'), text: t('segment.emptyReset') })
            : false;
        const opts = { ...pick(options, removeOptions), resetCriteriaWhenEmpty: reset };
        result =
          kind === 'Remove Contacts (Reduce)'
            ? await workspace.segments.reduceContacts(header.no, filters, opts)
            : await workspace.segments.refineContacts(header.no, filters, opts);
      }
      notify.success(
        t('segment.stepDone', {
          kind: optionCaption(t, kind),
          added: formatNumber(result.added.length),
          removed: formatNumber(result.removed.length),
        }),
      );
      onClose();
    } catch (e) {
      notify.error(criteriaError(e));
    } finally {
      setRunning(false);
    }
  };

  const title =
    kind === 'Add Contacts'
      ? t('segment.addContacts')
      : kind === 'Remove Contacts (Reduce)'
        ? t('segment.reduceContacts')
        : t('segment.refineContacts');
  const shownOptions = kind === 'Add Contacts' ? addOptions : removeOptions;
  const r = preview.result;
  return (
    <RunDialog
      title={title}
      running={running}
      run={{
        label: t('common.run'),
        disabled: preview.error !== undefined || incomplete,
        testId: 'criteria-run',
        onClick: () => void run(),
      }}
      onClose={onClose}
      preview={
        <div className={s.preview} aria-live="polite" data-testid="criteria-preview">
          <Text weight="semibold">{t('criteria.preview')}: </Text>
          {preview.pending ? (
            <Spinner size="extra-tiny" label={t('criteria.previewPending')} labelPosition="after" />
          ) : r ? (
            <>
              <Text className={s.result} data-testid="criteria-preview-result">
                {t('criteria.previewResult', {
                  added: formatNumber(r.added.length),
                  removed: formatNumber(r.removed.length),
                })}
              </Text>
              <ContactList title={t('criteria.previewAdded')} nos={r.added.map((l) => l.contactNo)} onOpen={setCard} />
              <ContactList
                title={t('criteria.previewRemoved')}
                nos={r.removed.map((l) => l.contactNo)}
                onOpen={setCard}
              />
            </>
          ) : (
            // Not computed: the error is said here, or under the filter row it belongs to.
            <Text role="alert" data-testid="criteria-preview-error">
              {unplacedError ??
                (preview.error !== undefined || incomplete
                  ? t('criteria.previewBlocked')
                  : t('criteria.previewPending'))}
            </Text>
          )}
        </div>
      }
    >
      <div className={rs.section}>
        <Text weight="semibold">{t('criteria.filters')}</Text>
        <Text size={200} className={rs.hint}>
          {t('criteria.hint')}
        </Text>
        <FilterRows rows={rows} onChange={setRows} errorFor={filterError} />
      </div>
      <div className={rs.section} role="group" aria-label={t('criteria.options')}>
        <Text weight="semibold">{t('criteria.options')}</Text>
        {shownOptions.map((o) => (
          <Checkbox
            key={o}
            label={t(`criteria.${o}`)}
            checked={Boolean(options[o])}
            onChange={(_, d) => setOptions({ ...options, [o]: d.checked === true })}
          />
        ))}
      </div>
      {card !== undefined ? (
        <ContactCardDialog
          no={card}
          onClose={() => setCard(undefined)}
          navigate={(to) => {
            if (to.page === 'contact') return setCard(to.no);
            // Another page: the user leaves the dialog for it.
            onClose();
            onNavigate(to);
          }}
        />
      ) : null}
    </RunDialog>
  );
}

/** A contact's card over the dialog (BC opens the card and comes back to where the user was). */
function ContactCardDialog({ no, onClose, navigate }: { no: string; onClose(): void; navigate: Navigate }) {
  const t = useI18n().t;
  return (
    <SimpleDialog title={t('contact.title', { no })} onClose={onClose}>
      <ContactCardPage key={no} no={no} navigate={navigate} />
    </SimpleDialog>
  );
}

function ContactList({ title, nos, onOpen }: { title: string; nos: string[]; onOpen(no: string): void }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const rs = useRunDialogStyles();
  const workspace = useWorkspace();
  const shown = nos.slice(0, SHOWN);
  const shownKey = shown.join('\u0000');
  // Names of the contacts shown, so the preview says who, not only which number.
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    const list = shownKey === '' ? [] : shownKey.split('\u0000');
    if (list.length === 0) return;
    workspace.contacts.list({ contact: { no: list.map(quoteFilterValue).join('|') } }).then(
      (contacts) => live && setNames(new Map(contacts.map((c) => [c.no, c.name]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workspace, shownKey]);
  if (nos.length === 0) return null;
  return (
    <div>
      <Text size={200}>{title}</Text>
      <ul className={mergeClasses(rs.list, s.list)} aria-label={title}>
        {shown.map((n, i) => (
          <li key={`${n}-${i}`}>
            <Button appearance="transparent" size="small" className={s.contact} onClick={() => onOpen(n)}>
              {names.get(n) ? `${n} · ${names.get(n)}` : n}
            </Button>
          </li>
        ))}
        {nos.length > SHOWN ? <li>{t('criteria.previewMore', { n: formatNumber(nos.length - SHOWN) })}</li> : null}
      </ul>
    </div>
  );
}

function pick<K extends keyof CriteriaOptions>(o: CriteriaOptions, keys: readonly K[]): Pick<CriteriaOptions, K> {
  const out: Pick<CriteriaOptions, K> = {} as Pick<CriteriaOptions, K>;
  for (const k of keys) if (o[k]) out[k] = o[k];
  return out;
}
