// Log, Logged Segments and Interaction Log Entries (segments.md, section 3).
import Dexie from 'dexie';
import type { Contact } from '../domain/contact';
import { evaluationSchema, deliveryStatusSchema, type DeliveryStatus, type Evaluation } from '../domain/enums';
import { actionNames, type ActionName } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { parseFilter } from '../domain/filterExpression';
import type { InteractionTemplate } from '../domain/interaction';
import { logOptionsSchema, type InteractionLogEntry, type LogOptions, type LogPreview, type LogResult, type LoggedSegment, type LoggedSegmentRecord } from '../domain/log';
import { planLog } from '../domain/logRules';
import type { SegmentHeaderRecord } from '../domain/segment';
import { isoDateOf, isoTimeOf } from '../domain/time';
import type { InteractionLogFilter } from '../domain/workspace';
import { defineAction, runRead, type ActionScope } from './action';
import type { StoreContext } from './context';
import { addLoggedContacts } from './criteriaApi';
import { filterContext } from './filterContext';
import { describeIssues } from './rows';
import { createSegment } from './segmentsApi';
import { headerById, headerByNo, linesOf, withFigures } from './segmentState';
import { takeEntryNos } from './series';
import { readProfile } from './setupProfile';
import { readByIndexKeys } from './indexReads';
import { letterCleaner } from './letters';

const ENTRY_BLOCK = 1000;

function parseOptions(opts: unknown): LogOptions {
  const r = logOptionsSchema.safeParse(opts ?? {});
  if (!r.success) throw new SegmentsError('INVALID_INPUT', `Log options: ${describeIssues(r.error).join('; ')}`, { field: String(r.error.issues[0]?.path.join('.') ?? '') });
  return r.data;
}

async function plan(ctx: StoreContext, s: Pick<ActionScope, 'today' | 'time'>, header: SegmentHeaderRecord, options: LogOptions): Promise<LogPreview> {
  const db = ctx.db;
  const lines = await linesOf(ctx, header.id);
  const contacts = await readByIndexKeys(db.contacts, 'no', lines.map((l) => l.contactNo));
  const codes = [...new Set([header.interactionTemplateCode, ...lines.map((l) => l.interactionTemplateCode)].filter(Boolean))];
  const templates = codes.length ? await readByIndexKeys(db.interactionTemplates, 'code', codes) : [];
  const alreadyLogged = (await db.loggedSegments.where('segmentNo').equals(header.no).count()) > 0;
  const profile = await readProfile(ctx);
  return planLog({
    header,
    lines,
    contactsByNo: new Map<string, Contact>(contacts.map((c) => [c.no, c])),
    templatesByCode: new Map<string, InteractionTemplate>(templates.map((t) => [t.code, t])),
    alreadyLogged,
    options,
    date: s.today,
    time: s.time,
    userId: profile.userId,
  });
}

async function countInteractions(ctx: StoreContext, ls: LoggedSegmentRecord): Promise<LoggedSegment> {
  // One read of the logged segment's entries, counted here: a Dexie filter() would walk a cursor, one
  // round trip per entry, where toArray() alone is a single getAll.
  const entries = await ctx.db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
  let n = 0;
  for (const e of entries) if (e.canceled === ls.canceled) n++;
  return { ...ls, noOfInteractions: n };
}

async function loggedByEntryNo(ctx: StoreContext, entryNo: number): Promise<LoggedSegmentRecord> {
  const ls = await ctx.db.loggedSegments.where('entryNo').equals(entryNo).first();
  if (!ls) throw new SegmentsError('NOT_FOUND', `Logged segment ${entryNo} does not exist`, { field: 'entryNo' });
  return ls;
}

async function entryByNo(ctx: StoreContext, entryNo: number): Promise<InteractionLogEntry> {
  const e = await ctx.db.interactionLog.where('entryNo').equals(entryNo).first();
  if (!e) throw new SegmentsError('NOT_FOUND', `Interaction log entry ${entryNo} does not exist`, { field: 'entryNo' });
  return e;
}

const maxEntryNo = async (ctx: StoreContext, table: 'loggedSegments' | 'interactionLog') => (await ctx.db[table].orderBy('entryNo').last())?.entryNo ?? 0;

export function logApi(ctx: StoreContext) {
  const db = ctx.db;
  /** Letters named by line id in the recorded options (a line number may move on replay). */
  type RecordedLogOptions = Omit<LogOptions, 'letters'> & { letters?: { lineId: string; ooxml: string }[] };
  async function optionsByLineNo(header: SegmentHeaderRecord, recorded: RecordedLogOptions): Promise<LogOptions> {
    const { letters, ...rest } = recorded;
    if (!letters) return parseOptions(rest);
    const lines = new Map((await linesOf(ctx, header.id)).map((l) => [l.id, l.lineNo]));
    return parseOptions({
      ...rest,
      letters: letters.map((l) => {
        const lineNo = lines.get(l.lineId);
        if (lineNo === undefined) throw new SegmentsError('NOT_FOUND', `The line of segment ${header.no} a letter was merged for no longer exists`, { field: 'letters', segmentNo: header.no, lineId: l.lineId });
        return { lineNo, ooxml: l.ooxml };
      }),
    });
  }

  const log = defineAction(ctx, {
    name: actionNames.segments.log,
    resolve: async (no: string, opts?: LogOptions): Promise<[string, RecordedLogOptions]> => {
      const header = await headerByNo(ctx, no);
      const { letters, ...rest } = parseOptions(opts);
      if (!letters) return [header.id, rest];
      const lines = new Map((await linesOf(ctx, header.id)).map((l) => [l.lineNo, l.id]));
      return [
        header.id,
        {
          ...rest,
          letters: letters.map((l) => {
            const lineId = lines.get(l.lineNo);
            if (!lineId) throw new SegmentsError('NOT_FOUND', `Segment ${no} has no line ${l.lineNo}`, { field: 'letters', lineNo: l.lineNo, segmentNo: no });
            return { lineId, ooxml: l.ooxml };
          }),
        },
      ];
    },
    body: async (s, segmentId: string, recordedOpts: RecordedLogOptions): Promise<LogResult> => {
        const header = await headerById(ctx, segmentId);
        const no = (s.action.about = header.no);
        const options = await optionsByLineNo(header, recordedOpts);
        const { entries: drafts, blockers } = await plan(ctx, s, header, options);
        const first = blockers[0];
        if (first) throw new SegmentsError(first.code, first.message, { lineNo: first.lineNo, contactNo: first.contactNo, field: first.field, segmentNo: no });

        const profile = await readProfile(ctx);
        const [loggedNo] = await takeEntryNos(ctx, s, 'loggedSegment', 1, await maxEntryNo(ctx, 'loggedSegments'));
        const logged: LoggedSegmentRecord = {
          id: s.newId(),
          createdAt: s.stamp,
          updatedAt: s.stamp,
          entryNo: loggedNo,
          segmentNo: header.no,
          description: header.description,
          creationDate: s.today,
          userId: profile.userId,
          canceled: false,
        };
        await db.loggedSegments.add(logged);
        const entryNos = await takeEntryNos(ctx, s, 'interactionLogEntry', drafts.length, await maxEntryNo(ctx, 'interactionLog'));
        const clean = letterCleaner();
        const entries: InteractionLogEntry[] = drafts.map((d, i) =>
          Object.assign({}, d, d.letter ? { letter: clean(d.letter) } : {}, {
            id: s.newId(),
            createdAt: s.stamp,
            updatedAt: s.stamp,
            entryNo: entryNos[i],
            loggedSegmentId: logged.id,
            loggedSegmentEntryNo: logged.entryNo,
          }),
        );
        for (let i = 0; i < entries.length; i += ENTRY_BLOCK) {
          await db.interactionLog.bulkAdd(entries.slice(i, i + ENTRY_BLOCK));
          ctx.faults?.duringLog?.(Math.min(i + ENTRY_BLOCK, entries.length));
        }
        await db.segmentLines.where('segmentId').equals(header.id).delete();
        await db.criteriaActions.where('segmentId').equals(header.id).delete();
        await db.segments.delete(header.id);

        let followUpSegmentNo: string | undefined;
        if (options.createFollowUp) {
          const follow = await createSegment(ctx, s, {
            description: `Follow-up on segment ${header.no}`,
            campaignNo: header.campaignNo,
            campaignTarget: header.campaignTarget,
            campaignResponse: header.campaignResponse,
          });
          await addLoggedContacts(ctx, s, follow, logged, {});
          followUpSegmentNo = follow.no;
        }
      return { loggedSegment: { ...logged, noOfInteractions: entries.length }, entries, ...(followUpSegmentNo ? { followUpSegmentNo } : {}) };
    },
  });

  return {
    previewLog: (no: string, opts?: LogOptions) =>
      runRead(ctx, async () => {
        const now = ctx.now();
        const s = { today: isoDateOf(now), time: isoTimeOf(now) };
        return plan(ctx, s, await headerByNo(ctx, no), parseOptions(opts));
      }),

    log: (no: string, opts?: LogOptions) => log(no, opts),
  };
}

export function loggedSegmentsApi(ctx: StoreContext) {
  const db = ctx.db;
  const A = actionNames.loggedSegments;
  const byId = async (id: string): Promise<LoggedSegmentRecord> => {
    const ls = await db.loggedSegments.get(id);
    if (!ls) throw new SegmentsError('NOT_FOUND', 'The logged segment this action was about no longer exists', { field: 'entryNo', loggedSegmentId: id });
    return ls;
  };

  // Set, don't flip (sync.md): the check mark the user chose is recorded, so two panes that both cancel
  // agree, and a replay never undoes what someone else did.
  const setCanceled = defineAction(ctx, {
    name: A.setCanceled,
    resolve: async (entryNo: number, canceled: boolean) => {
      if (typeof canceled !== 'boolean') throw new SegmentsError('INVALID_INPUT', `Canceled must be true or false, got ${String(canceled)}`, { field: 'canceled' });
      return [(await loggedByEntryNo(ctx, entryNo)).id, canceled] as [string, boolean];
    },
    body: async (s, loggedSegmentId, canceled) => {
      const ls = await byId(loggedSegmentId);
      s.action.about = String(ls.entryNo);
      const next = { ...ls, canceled, updatedAt: s.stamp };
      await db.loggedSegments.put(next);
      // The check mark cascades to the logged segment's entries.
      const entries = await db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
      await db.interactionLog.bulkPut(entries.map((e) => ({ ...e, canceled, updatedAt: s.stamp })));
      return countInteractions(ctx, next);
    },
  });

  const createFollowUp = defineAction(ctx, {
    name: A.createFollowUp,
    resolve: async (entryNo: number) => [(await loggedByEntryNo(ctx, entryNo)).id] as [string],
    body: async (s, loggedSegmentId) => {
      const ls = await byId(loggedSegmentId);
      s.action.about = String(ls.entryNo);
      const first = await db.interactionLog.where('loggedSegmentId').equals(ls.id).first();
      const header = await createSegment(ctx, s, {
        description: `Follow-up on segment ${ls.segmentNo}`,
        campaignNo: first?.campaignNo ?? '',
        campaignTarget: first?.campaignTarget ?? false,
        campaignResponse: first?.campaignResponse ?? false,
      });
      const r = await addLoggedContacts(ctx, s, header, ls, {});
      return withFigures(header, await linesOf(ctx, header.id), r.noOfCriteriaActions);
    },
  });

  // The logged segments canceled when the user chose the action, by id: one canceled meanwhile by
  // someone else is not deleted on replay, and one uncanceled meanwhile stays.
  const deleteCanceled = defineAction(ctx, {
    name: A.deleteCanceled,
    resolve: async () => [await db.loggedSegments.filter((ls) => ls.canceled).primaryKeys()] as [string[]],
    body: async (s, ids) => {
      const canceled = (await db.loggedSegments.bulkGet(ids)).filter((ls): ls is LoggedSegmentRecord => Boolean(ls?.canceled));
      for (const ls of canceled) {
        // Their entries stay, detached from the deleted logged segment.
        const entries = await db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
        await db.interactionLog.bulkPut(entries.map((e) => ({ ...e, loggedSegmentId: '', loggedSegmentEntryNo: 0, updatedAt: s.stamp })));
      }
      await db.loggedSegments.bulkDelete(canceled.map((ls) => ls.id));
      return canceled.length;
    },
  });

  return {
    list: () => runRead(ctx, async () => Promise.all((await db.loggedSegments.orderBy('entryNo').toArray()).map((ls) => countInteractions(ctx, ls)))),
    get: (entryNo: number) =>
      runRead(ctx, async () => {
        const ls = await db.loggedSegments.where('entryNo').equals(entryNo).first();
        return ls ? countInteractions(ctx, ls) : undefined;
      }),
    setCanceled: (entryNo: number, canceled: boolean) => setCanceled(entryNo, canceled),
    /** Switch Check Mark in Canceled: recorded as the value it sets (loggedSegments.setCanceled). */
    toggleCanceled: async (entryNo: number) => {
      const ls = await runRead(ctx, () => loggedByEntryNo(ctx, entryNo));
      return setCanceled(entryNo, !ls.canceled);
    },
    createFollowUp: (entryNo: number) => createFollowUp(entryNo),
    deleteCanceled: () => deleteCanceled(),
  };
}

export function interactionLogApi(ctx: StoreContext) {
  const db = ctx.db;
  const A = actionNames.interactionLog;
  const byId = async (id: string): Promise<InteractionLogEntry> => {
    const e = await db.interactionLog.get(id);
    if (!e) throw new SegmentsError('NOT_FOUND', 'The interaction log entry this action was about no longer exists', { field: 'entryNo', entryId: id });
    return e;
  };
  /** An action that sets one value of one entry: recorded as [entry id, the value chosen]. */
  const setter = <V>(name: ActionName, check: (value: V) => void, change: (e: InteractionLogEntry, value: V) => Promise<Partial<InteractionLogEntry>> | Partial<InteractionLogEntry>) =>
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
      if (typeof canceled !== 'boolean') throw new SegmentsError('INVALID_INPUT', `Canceled must be true or false, got ${String(canceled)}`, { field: 'canceled' });
    },
    async (e, canceled) => {
      const ls = e.loggedSegmentId ? await db.loggedSegments.get(e.loggedSegmentId) : undefined;
      if (ls?.canceled && canceled !== e.canceled) {
        throw new SegmentsError('LOGGED_SEGMENT_CANCELED', `Entry ${e.entryNo} belongs to logged segment ${ls.entryNo}, which is canceled: switch the check mark on the logged segment`, { field: 'canceled' });
      }
      return { canceled };
    },
  );
  const setEvaluation = setter<Evaluation>(
    A.setEvaluation,
    (evaluation) => {
      if (!evaluationSchema.safeParse(evaluation).success) {
        throw new SegmentsError('INVALID_INPUT', `Evaluation "${String(evaluation)}" is not one of ${evaluationSchema.options.map((o) => `"${o}"`).join(', ')}`, { field: 'evaluation' });
      }
    },
    (_e, evaluation) => ({ evaluation }),
  );
  const setDeliveryStatus = setter<DeliveryStatus>(
    A.setDeliveryStatus,
    (status) => {
      if (!deliveryStatusSchema.safeParse(status).success) {
        throw new SegmentsError('INVALID_INPUT', `Delivery status "${String(status)}" is not one of ${deliveryStatusSchema.options.map((o) => `"${o}"`).join(', ')}`, { field: 'deliveryStatus' });
      }
    },
    (_e, deliveryStatus) => ({ deliveryStatus }),
  );

  // The canceled entries when the user chose the action, by id (as for logged segments).
  const deleteCanceled = defineAction(ctx, {
    name: A.deleteCanceled,
    resolve: async () => [await db.interactionLog.filter((e) => e.canceled).primaryKeys()] as [string[]],
    body: async (_s, ids) => {
      const still = (await db.interactionLog.bulkGet(ids)).filter((e): e is InteractionLogEntry => Boolean(e?.canceled)).map((e) => e.id);
      await db.interactionLog.bulkDelete(still);
      return still.length;
    },
  });

  return {
    list: (filter: InteractionLogFilter = {}) =>
      runRead(ctx, async () => {
        const c = db.interactionLog;
        // The most selective filter with an index picks the entries, already in entry order (schema v2's
        // [field+entryNo] indexes); the others are checked on the records read. No Dexie filter(): it
        // would walk a cursor, one round trip per entry, where a range read is a single getAll.
        const byKey = (field: 'loggedSegmentEntryNo' | 'contactNo' | 'segmentNo', value: string | number) =>
          c.where(`[${field}+entryNo]`).between([value, Dexie.minKey], [value, Dexie.maxKey], true, true).toArray();
        const read =
          filter.loggedSegmentEntryNo !== undefined
            ? byKey('loggedSegmentEntryNo', filter.loggedSegmentEntryNo)
            : filter.contactNo !== undefined
              ? byKey('contactNo', filter.contactNo)
              : filter.segmentNo !== undefined
                ? byKey('segmentNo', filter.segmentNo)
                : c.orderBy('entryNo').toArray();
        const date = filter.date && filter.date.trim() !== '' ? parseFilter(filter.date, 'date', await filterContext(ctx), 'date') : undefined;
        return (await read).filter(
          (e) =>
            (filter.contactNo === undefined || e.contactNo === filter.contactNo) &&
            (filter.segmentNo === undefined || e.segmentNo === filter.segmentNo) &&
            (filter.canceled === undefined || e.canceled === filter.canceled) &&
            (filter.interactionTemplateCode === undefined || e.interactionTemplateCode === filter.interactionTemplateCode) &&
            (filter.salespersonCode === undefined || e.salespersonCode === filter.salespersonCode) &&
            (!date || date.matches(e.date)),
        );
      }),
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
