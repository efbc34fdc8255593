// Interaction Log Entries (segments.md, section 3): the list by filter (Contact No., Segment No. and Date
// are BC filter expressions, section 4), Canceled, Evaluation, Delivery Status, Delete Canceled.
import Dexie from 'dexie';
import { actionNames, type ActionName } from '../domain/actionNames';
import { deliveryStatusSchema, evaluationSchema, type DeliveryStatus, type Evaluation } from '../domain/enums';
import { SegmentsError } from '../domain/errors';
import { parseFilter } from '../domain/filterExpression';
import { filterKeys, plainFilterValue, type FilterKeys } from '../domain/filterKeys';
import type { InteractionLogEntry } from '../domain/log';
import type { InteractionLogFilter } from '../domain/workspace';
import { defineAction, runRead } from './action';
import type { StoreContext } from './context';
import { filterContext } from './filterContext';

/** The filters on a code of the entry that are BC filter expressions, each with its [field+entryNo] index. */
const codeFields = ['contactNo', 'segmentNo'] as const;
type CodeField = (typeof codeFields)[number];

async function entryByNo(ctx: StoreContext, entryNo: number): Promise<InteractionLogEntry> {
  const e = await ctx.db.interactionLog.where('entryNo').equals(entryNo).first();
  if (!e) throw new SegmentsError('NOT_FOUND', `Interaction log entry ${entryNo} does not exist`, { field: 'entryNo' });
  return e;
}

export function interactionLogApi(ctx: StoreContext) {
  const db = ctx.db;
  const A = actionNames.interactionLog;
  const byId = async (id: string): Promise<InteractionLogEntry> => {
    const e = await db.interactionLog.get(id);
    if (!e)
      throw new SegmentsError('NOT_FOUND', 'The interaction log entry this action was about no longer exists', {
        field: 'entryNo',
        entryId: id,
      });
    return e;
  };
  /** An action that sets one value of one entry: recorded as [entry id, the value chosen]. */
  const setter = <V>(
    name: ActionName,
    check: (value: V) => void,
    change: (e: InteractionLogEntry, value: V) => Promise<Partial<InteractionLogEntry>> | Partial<InteractionLogEntry>,
  ) =>
    defineAction(ctx, {
      name,
      resolve: async (entryNo: number, value: V) => {
        check(value);
        return [(await entryByNo(ctx, entryNo)).id, value] as [string, V];
      },
      body: async (s, entryId, value) => {
        check(value);
        const e = await byId(entryId);
        s.action.about = String(e.entryNo);
        const next = { ...e, ...(await change(e, value)), updatedAt: s.stamp };
        await db.interactionLog.put(next);
        return next;
      },
    });

  const setCanceled = setter<boolean>(
    A.setCanceled,
    (canceled) => {
      if (typeof canceled !== 'boolean')
        throw new SegmentsError('INVALID_INPUT', `Canceled must be true or false, got ${String(canceled)}`, {
          field: 'canceled',
        });
    },
    async (e, canceled) => {
      const ls = e.loggedSegmentId ? await db.loggedSegments.get(e.loggedSegmentId) : undefined;
      if (ls?.canceled && canceled !== e.canceled) {
        throw new SegmentsError(
          'LOGGED_SEGMENT_CANCELED',
          `Entry ${e.entryNo} belongs to logged segment ${ls.entryNo}, which is canceled: switch the check mark on the logged segment`,
          { field: 'canceled' },
        );
      }
      return { canceled };
    },
  );
  const setEvaluation = setter<Evaluation>(
    A.setEvaluation,
    (evaluation) => {
      if (!evaluationSchema.safeParse(evaluation).success) {
        throw new SegmentsError(
          'INVALID_INPUT',
          `Evaluation "${String(evaluation)}" is not one of ${evaluationSchema.options.map((o) => `"${o}"`).join(', ')}`,
          { field: 'evaluation' },
        );
      }
    },
    (_e, evaluation) => ({ evaluation }),
  );
  const setDeliveryStatus = setter<DeliveryStatus>(
    A.setDeliveryStatus,
    (status) => {
      if (!deliveryStatusSchema.safeParse(status).success) {
        throw new SegmentsError(
          'INVALID_INPUT',
          `Delivery status "${String(status)}" is not one of ${deliveryStatusSchema.options.map((o) => `"${o}"`).join(', ')}`,
          { field: 'deliveryStatus' },
        );
      }
    },
    (_e, deliveryStatus) => ({ deliveryStatus }),
  );

  // The canceled entries when the user chose the action, by id (as for logged segments).
  const deleteCanceled = defineAction(ctx, {
    name: A.deleteCanceled,
    resolve: async () => [await db.interactionLog.filter((e) => e.canceled).primaryKeys()] as [string[]],
    body: async (_s, ids) => {
      const still = (await db.interactionLog.bulkGet(ids))
        .filter((e): e is InteractionLogEntry => Boolean(e?.canceled))
        .map((e) => e.id);
      await db.interactionLog.bulkDelete(still);
      return still.length;
    },
  });

  /**
   * The index that picks the entries, already in entry order (schema v2's [field+entryNo] indexes), and the
   * field it answers: the logged segment, or a Contact No. or Segment No. that names one value.
   */
  const indexed = (filter: InteractionLogFilter) => {
    const c = db.interactionLog;
    const byKey = (field: 'loggedSegmentEntryNo' | CodeField, value: string | number) =>
      c.where(`[${field}+entryNo]`).between([value, Dexie.minKey], [value, Dexie.maxKey], true, true);
    if (filter.loggedSegmentEntryNo !== undefined)
      return { by: 'loggedSegmentEntryNo', read: byKey('loggedSegmentEntryNo', filter.loggedSegmentEntryNo) };
    for (const field of codeFields) {
      const value = plainFilterValue(filter[field]);
      if (value !== undefined) return { by: field, read: byKey(field, value) };
    }
    return { by: undefined, read: c.orderBy('entryNo') };
  };
  /** The first Contact No. or Segment No. expression whose keys (`SP*`, `SP0001|SC0001`) the index can narrow. */
  const narrowing = (filter: InteractionLogFilter) => {
    for (const field of codeFields) {
      const keys = filter[field] === undefined ? undefined : filterKeys(filter[field]);
      if (keys) return { field, keys };
    }
    return undefined;
  };
  /**
   * The entries under an expression's keys, in entry order: what the index narrows before the expression
   * is checked on the records. One range read (a getAll) per value and prefix, where a cursor over several
   * ranges would walk entry by entry. Each read is its own: inside one read transaction around them all,
   * Chromium committed it between two of them ("Transaction committed too early"), which took
   * `SP0001|SP0002` down every time.
   */
  const readUnder = async ({ field, keys }: { field: CodeField; keys: FilterKeys }) => {
    const index = db.interactionLog.where(`[${field}+entryNo]`);
    const ranges = [
      ...keys.values.map((v) => [v, v] as const),
      ...keys.prefixes.map((p) => [p, `${p}\uffff`] as const),
    ];
    const rows = new Map<string, InteractionLogEntry>();
    for (const [lo, hi] of ranges)
      for (const e of await index.between([lo, Dexie.minKey], [hi, Dexie.maxKey], true, true).toArray())
        rows.set(e.id, e);
    return [...rows.values()].sort((a, b) => a.entryNo - b.entryNo);
  };
  /** Whether the filter asks for more than its index gives (the others are checked on the records read). */
  const checksRecords = (filter: InteractionLogFilter) => {
    const { by } = indexed(filter);
    return (
      codeFields.some((field) => filter[field] !== undefined && field !== by) ||
      filter.canceled !== undefined ||
      filter.interactionTemplateCode !== undefined ||
      filter.salespersonCode !== undefined ||
      (filter.date !== undefined && filter.date.trim() !== '')
    );
  };
  /** Filters the index does not answer alone: a date, or a Contact No. or Segment No. that is an expression. */
  const needsContext = (filter: InteractionLogFilter) =>
    (filter.date !== undefined && filter.date.trim() !== '') ||
    codeFields.some((field) => filter[field] !== undefined && plainFilterValue(filter[field]) === undefined);
  // The most selective filter with an index picks the entries; the others are checked on the records read.
  // No Dexie filter(): it would walk a cursor, one round trip per entry, where a range read is a single getAll.
  const select = async (filter: InteractionLogFilter) => {
    // Every expression is read first: a malformed one is an error naming its field and position.
    const fctx = needsContext(filter) ? await filterContext(ctx) : undefined;
    const codes = codeFields.flatMap((field) => {
      const expression = filter[field];
      if (expression === undefined) return [];
      const plain = plainFilterValue(expression);
      // Only a plain value comes without a context (needsContext): it is compared as it is.
      const matches =
        plain !== undefined || !fctx
          ? (value: string) => value === plain
          : parseFilter(expression, 'text', fctx, field).matches;
      return [{ field, matches }];
    });
    const date =
      fctx && filter.date && filter.date.trim() !== '' ? parseFilter(filter.date, 'date', fctx, 'date') : undefined;
    const { by, read } = indexed(filter);
    const narrow = by === undefined ? narrowing(filter) : undefined;
    const rows = narrow ? await readUnder(narrow) : await read.toArray();
    return rows.filter(
      (e) =>
        codes.every((c) => c.matches(e[c.field])) &&
        (filter.canceled === undefined || e.canceled === filter.canceled) &&
        (filter.interactionTemplateCode === undefined ||
          e.interactionTemplateCode === filter.interactionTemplateCode) &&
        (filter.salespersonCode === undefined || e.salespersonCode === filter.salespersonCode) &&
        (!date || date.matches(e.date)),
    );
  };

  /**
   * The filter's entries read as one read transaction, the Setup its expressions are read with included;
   * except where an expression's keys are read range by range (readUnder): there each read is its own, as a
   * transaction around them all was committed between two of them in Chromium.
   */
  const selected = (filter: InteractionLogFilter) =>
    indexed(filter).by === undefined && narrowing(filter) ? select(filter) : runRead(ctx, () => select(filter));

  return {
    // Without an expression to read (a date; a Contact No. or Segment No. that is more than one value) the
    // list is one index read, consistent on its own: no transaction over every table around it (opening one
    // costs more than reading a contact's entries).
    list: (filter: InteractionLogFilter = {}) => (needsContext(filter) ? selected(filter) : select(filter)),
    /**
     * The first `limit` entries of the filter, in entry order, and whether more follow: what a page opens
     * with. A filter its index answers alone reads only those entries (a range read with a limit, one
     * more to know whether more follow); the others read the filter's entries as list() does.
     */
    page: async (filter: InteractionLogFilter = {}, limit: number) => {
      if (!Number.isInteger(limit) || limit < 0)
        throw new SegmentsError('INVALID_INPUT', `The page size must be a whole number from 0, got ${limit}`, {
          field: 'limit',
        });
      // One index read is its own read transaction, on the log alone.
      const read = checksRecords(filter)
        ? await selected(filter)
        : await indexed(filter)
            .read.limit(limit + 1)
            .toArray();
      return { entries: read.slice(0, limit), more: read.length > limit };
    },
    /** How many entries match the filter: counted on its index alone when the index answers it. */
    count: async (filter: InteractionLogFilter = {}) =>
      checksRecords(filter) ? (await selected(filter)).length : indexed(filter).read.count(),
    get: (entryNo: number) => db.interactionLog.where('entryNo').equals(entryNo).first(),
    setCanceled: (entryNo: number, canceled: boolean) => setCanceled(entryNo, canceled),
    /** Switch Check Mark in Canceled: recorded as the value it sets (interactionLog.setCanceled). */
    toggleCanceled: async (entryNo: number) => {
      const e = await runRead(ctx, () => entryByNo(ctx, entryNo));
      return setCanceled(entryNo, !e.canceled);
    },
    setEvaluation: (entryNo: number, evaluation: Evaluation) => setEvaluation(entryNo, evaluation),
    setDeliveryStatus: (entryNo: number, status: DeliveryStatus) => setDeliveryStatus(entryNo, status),
    deleteCanceled: () => deleteCanceled(),
  };
}
