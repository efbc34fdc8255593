// Log, Logged Segments and Interaction Log Entries (segments.md, section 3).
import Dexie from 'dexie';
import type { Contact } from '../domain/contact';
import { evaluationSchema, deliveryStatusSchema, type DeliveryStatus, type Evaluation } from '../domain/enums';
import { SegmentsError } from '../domain/errors';
import { parseFilter } from '../domain/filterExpression';
import type { InteractionTemplate } from '../domain/interaction';
import { logOptionsSchema, type InteractionLogEntry, type LogOptions, type LogPreview, type LogResult, type LoggedSegment, type LoggedSegmentRecord } from '../domain/log';
import { planLog } from '../domain/logRules';
import type { SegmentHeaderRecord } from '../domain/segment';
import { isoDateOf, isoTimeOf } from '../domain/time';
import type { InteractionLogFilter } from '../domain/workspace';
import { runAction, runRead, type ActionScope } from './action';
import type { StoreContext } from './context';
import { addLoggedContacts } from './criteriaApi';
import { filterContext } from './filterContext';
import { describeIssues } from './rows';
import { createSegment } from './segmentsApi';
import { headerByNo, linesOf, withFigures } from './segmentState';
import { takeEntryNos } from './series';
import { readProfile } from './setupProfile';
import { readByIndexKeys } from './indexReads';

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
  return {
    previewLog: (no: string, opts?: LogOptions) =>
      runRead(ctx, async () => {
        const now = ctx.now();
        const s = { today: isoDateOf(now), time: isoTimeOf(now) };
        return plan(ctx, s, await headerByNo(ctx, no), parseOptions(opts));
      }),

    log: (no: string, opts?: LogOptions) =>
      runAction(ctx, 'segments.log', [no, opts ?? {}], async (s): Promise<LogResult> => {
        const options = parseOptions(opts);
        const header = await headerByNo(ctx, no);
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
        const entries: InteractionLogEntry[] = drafts.map((d, i) =>
          Object.assign({}, d, {
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
          await addLoggedContacts(ctx, s, follow, logged.entryNo, {});
          followUpSegmentNo = follow.no;
        }
        return { loggedSegment: { ...logged, noOfInteractions: entries.length }, entries, ...(followUpSegmentNo ? { followUpSegmentNo } : {}) };
      }),
  };
}

export function loggedSegmentsApi(ctx: StoreContext) {
  const db = ctx.db;
  return {
    list: () => runRead(ctx, async () => Promise.all((await db.loggedSegments.orderBy('entryNo').toArray()).map((ls) => countInteractions(ctx, ls)))),
    get: (entryNo: number) =>
      runRead(ctx, async () => {
        const ls = await db.loggedSegments.where('entryNo').equals(entryNo).first();
        return ls ? countInteractions(ctx, ls) : undefined;
      }),
    toggleCanceled: (entryNo: number) =>
      runAction(ctx, 'loggedSegments.toggleCanceled', [entryNo], async (s) => {
        const ls = await loggedByEntryNo(ctx, entryNo);
        const next = { ...ls, canceled: !ls.canceled, updatedAt: s.stamp };
        await db.loggedSegments.put(next);
        // The check mark cascades to the logged segment's entries.
        const entries = await db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
        await db.interactionLog.bulkPut(entries.map((e) => ({ ...e, canceled: next.canceled, updatedAt: s.stamp })));
        return countInteractions(ctx, next);
      }),
    createFollowUp: (entryNo: number) =>
      runAction(ctx, 'loggedSegments.createFollowUp', [entryNo], async (s) => {
        const ls = await loggedByEntryNo(ctx, entryNo);
        const first = await db.interactionLog.where('loggedSegmentId').equals(ls.id).first();
        const header = await createSegment(ctx, s, {
          description: `Follow-up on segment ${ls.segmentNo}`,
          campaignNo: first?.campaignNo ?? '',
          campaignTarget: first?.campaignTarget ?? false,
          campaignResponse: first?.campaignResponse ?? false,
        });
        const r = await addLoggedContacts(ctx, s, header, ls.entryNo, {});
        return withFigures(header, await linesOf(ctx, header.id), r.noOfCriteriaActions);
      }),
    deleteCanceled: () =>
      runAction(ctx, 'loggedSegments.deleteCanceled', [], async (s) => {
        const canceled = await db.loggedSegments.filter((ls) => ls.canceled).toArray();
        for (const ls of canceled) {
          // Their entries stay, detached from the deleted logged segment.
          const entries = await db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
          await db.interactionLog.bulkPut(entries.map((e) => ({ ...e, loggedSegmentId: '', loggedSegmentEntryNo: 0, updatedAt: s.stamp })));
        }
        await db.loggedSegments.bulkDelete(canceled.map((ls) => ls.id));
        return canceled.length;
      }),
  };
}

export function interactionLogApi(ctx: StoreContext) {
  const db = ctx.db;
  const update = (name: string, entryNo: number, change: (e: InteractionLogEntry) => Promise<Partial<InteractionLogEntry>> | Partial<InteractionLogEntry>) =>
    runAction(ctx, name, [entryNo], async (s) => {
      const e = await entryByNo(ctx, entryNo);
      const next = { ...e, ...(await change(e)), updatedAt: s.stamp };
      await db.interactionLog.put(next);
      return next;
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
    toggleCanceled: (entryNo: number) =>
      update('interactionLog.toggleCanceled', entryNo, async (e) => {
        const ls = e.loggedSegmentId ? await db.loggedSegments.get(e.loggedSegmentId) : undefined;
        if (ls?.canceled) {
          throw new SegmentsError('LOGGED_SEGMENT_CANCELED', `Entry ${entryNo} belongs to logged segment ${ls.entryNo}, which is canceled: switch the check mark on the logged segment`, { field: 'canceled' });
        }
        return { canceled: !e.canceled };
      }),
    setEvaluation: (entryNo: number, evaluation: Evaluation) =>
      update('interactionLog.setEvaluation', entryNo, () => {
        const r = evaluationSchema.safeParse(evaluation);
        if (!r.success) throw new SegmentsError('INVALID_INPUT', `Evaluation "${String(evaluation)}" is not one of ${evaluationSchema.options.map((o) => `"${o}"`).join(', ')}`, { field: 'evaluation' });
        return { evaluation: r.data };
      }),
    setDeliveryStatus: (entryNo: number, status: DeliveryStatus) =>
      update('interactionLog.setDeliveryStatus', entryNo, () => {
        const r = deliveryStatusSchema.safeParse(status);
        if (!r.success) throw new SegmentsError('INVALID_INPUT', `Delivery status "${String(status)}" is not one of ${deliveryStatusSchema.options.map((o) => `"${o}"`).join(', ')}`, { field: 'deliveryStatus' });
        return { deliveryStatus: r.data };
      }),
    deleteCanceled: () =>
      runAction(ctx, 'interactionLog.deleteCanceled', [], async () => {
        const ids = await db.interactionLog.filter((e) => e.canceled).primaryKeys();
        await db.interactionLog.bulkDelete(ids);
        return ids.length;
      }),
  };
}
