// Log (segments.md, section 3): its preview, and the action that turns a segment into a logged segment
// with its interaction log entries (and a follow-up segment when asked).
import type { Contact } from '../domain/contact';
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import type { InteractionTemplate } from '../domain/interaction';
import {
  defaultFollowUpDescription,
  logOptionsSchema,
  type InteractionLogEntry,
  type LogOptions,
  type LogPreview,
  type LogResult,
  type LoggedSegmentRecord,
} from '../domain/log';
import { loggingUser, planLog, type PaneLogOptions } from '../domain/logRules';
import type { SegmentHeaderRecord, SegmentLine } from '../domain/segment';
import { isoDateOf, isoTimeOf } from '../domain/time';
import { defineAction, runRead, type ActionScope } from './action';
import type { StoreContext } from './context';
import { addLoggedContacts } from './loggedContacts';
import { describeIssues } from './rows';
import { createSegment } from './segmentCreation';
import { headerById, headerByNo, linesOf } from './segmentState';
import { takeEntryNos } from './series';
import { readProfile } from './setupProfile';
import { readByIndexKeys } from './indexReads';
import { letterCleaner } from './letters';

const ENTRY_BLOCK = 1000;

function parseOptions(opts: unknown): LogOptions {
  const r = logOptionsSchema.safeParse(opts ?? {});
  if (!r.success)
    throw new SegmentsError('INVALID_INPUT', `Log options: ${describeIssues(r.error).join('; ')}`, {
      field: String(r.error.issues[0]?.path.join('.') ?? ''),
    });
  return r.data;
}

async function plan(
  ctx: StoreContext,
  s: Pick<ActionScope, 'today' | 'time'>,
  header: SegmentHeaderRecord,
  options: LogOptions,
  lines: SegmentLine[],
  serverUser: string | undefined,
): Promise<LogPreview> {
  const db = ctx.db;
  const contacts = await readByIndexKeys(
    db.contacts,
    'no',
    lines.map((l) => l.contactNo),
  );
  const codes = [
    ...new Set([header.interactionTemplateCode, ...lines.map((l) => l.interactionTemplateCode)].filter(Boolean)),
  ];
  const templates = codes.length ? await readByIndexKeys(db.interactionTemplates, 'code', codes) : [];
  const salespersonCodes = [...new Set(lines.map((l) => l.salespersonCode).filter(Boolean))];
  const salespeople = salespersonCodes.length ? await readByIndexKeys(db.salespeople, 'code', salespersonCodes) : [];
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
    serverUser,
    salespersonCodes: new Set(salespeople.map((p) => p.code)),
  });
}

/** The team server's user of the pane's options (outside BC's options, which their schema keeps). */
function serverUserOf(opts: { serverUser?: unknown } | undefined): { serverUser?: string } {
  const user = opts?.serverUser;
  if (user === undefined) return {};
  if (typeof user !== 'string' || user.length > 50)
    throw new SegmentsError(
      'INVALID_INPUT',
      'Log options: the team server user must be a text of up to 50 characters',
      {
        field: 'serverUser',
      },
    );
  return user.trim() ? { serverUser: user.trim() } : {};
}

export function logApi(ctx: StoreContext) {
  const db = ctx.db;
  /**
   * Letters named by line id in the recorded options (a line number may move on replay); the team server's
   * user as the pane knew it when the user logged (a replay records the same user).
   */
  type RecordedLogOptions = Omit<LogOptions, 'letters'> & {
    letters?: { lineId: string; ooxml: string }[];
    serverUser?: string;
  };
  async function optionsByLineNo(header: SegmentHeaderRecord, recorded: RecordedLogOptions): Promise<LogOptions> {
    const { letters, ...rest } = recorded; // the schema keeps BC's options only
    if (!letters) return parseOptions(rest);
    const lines = new Map((await linesOf(ctx, header.id)).map((l) => [l.id, l.lineNo]));
    return parseOptions({
      ...rest,
      letters: letters.map((l) => {
        const lineNo = lines.get(l.lineId);
        if (lineNo === undefined)
          throw new SegmentsError(
            'NOT_FOUND',
            `The line of segment ${header.no} a letter was merged for no longer exists`,
            { field: 'letters', segmentNo: header.no, lineId: l.lineId },
          );
        return { lineNo, ooxml: l.ooxml };
      }),
    });
  }

  const log = defineAction(ctx, {
    name: actionNames.segments.log,
    resolve: async (no: string, opts?: PaneLogOptions): Promise<[string, RecordedLogOptions]> => {
      const header = await headerByNo(ctx, no);
      const { letters, ...rest } = parseOptions(opts);
      const user = serverUserOf(opts);
      if (!letters) return [header.id, { ...rest, ...user }];
      const lines = new Map((await linesOf(ctx, header.id)).map((l) => [l.lineNo, l.id]));
      return [
        header.id,
        {
          ...rest,
          ...user,
          letters: letters.map((l) => {
            const lineId = lines.get(l.lineNo);
            if (!lineId)
              throw new SegmentsError('NOT_FOUND', `Segment ${no} has no line ${l.lineNo}`, {
                field: 'letters',
                lineNo: l.lineNo,
                segmentNo: no,
              });
            return { lineId, ooxml: l.ooxml };
          }),
        },
      ];
    },
    body: async (s, segmentId: string, recordedOpts: RecordedLogOptions): Promise<LogResult> => {
      const header = await headerById(ctx, segmentId);
      const no = (s.action.about = header.no);
      const options = await optionsByLineNo(header, recordedOpts);
      const lines = await linesOf(ctx, header.id);
      const serverUser = serverUserOf(recordedOpts).serverUser;
      const { entries: drafts, blockers } = await plan(ctx, s, header, options, lines, serverUser);
      const first = blockers[0];
      if (first)
        throw new SegmentsError(first.code, first.message, {
          lineNo: first.lineNo,
          contactNo: first.contactNo,
          field: first.field,
          segmentNo: no,
        });

      const profile = await readProfile(ctx);
      const [loggedNo] = await takeEntryNos(ctx, s, 'loggedSegment', 1, db.loggedSegments);
      const logged: LoggedSegmentRecord = {
        id: s.newId(),
        createdAt: s.stamp,
        updatedAt: s.stamp,
        entryNo: loggedNo,
        segmentNo: header.no,
        description: header.description,
        creationDate: s.today,
        userId: loggingUser({ userId: profile.userId, serverUser }),
        canceled: false,
      };
      await db.loggedSegments.add(logged);
      const entryNos = await takeEntryNos(ctx, s, 'interactionLogEntry', drafts.length, db.interactionLog);
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
      // In blocks, each put in the task in which the block before the last was written: the database always
      // has the next block while the page copies the one after, and no task copies more than one block.
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < entries.length; i += ENTRY_BLOCK) {
        const upTo = Math.min(i + ENTRY_BLOCK, entries.length);
        const written = db.interactionLog.bulkAdd(entries.slice(i, upTo)).then(() => ctx.faults?.duringLog?.(upTo));
        // Awaited below, in order; a failure meanwhile is not left unhandled.
        written.catch(() => undefined);
        inFlight.push(written);
        if (inFlight.length >= 2) await inFlight.shift();
      }
      while (inFlight.length) await inFlight.shift();
      // The lines read for the plan, by key: no second read of the segment's lines to find them.
      await db.segmentLines.bulkDelete(lines.map((l) => l.id));
      await db.criteriaActions.where('segmentId').equals(header.id).delete();
      await db.segments.delete(header.id);

      let followUpSegmentNo: string | undefined;
      if (options.createFollowUp) {
        const follow = await createSegment(ctx, s, {
          description: options.followUpDescription ?? defaultFollowUpDescription(header.no),
          campaignNo: header.campaignNo,
          campaignTarget: header.campaignTarget,
          campaignResponse: header.campaignResponse,
        });
        await addLoggedContacts(ctx, s, follow, logged, {});
        followUpSegmentNo = follow.no;
      }
      return {
        loggedSegment: { ...logged, noOfInteractions: entries.length },
        entries,
        ...(followUpSegmentNo ? { followUpSegmentNo } : {}),
      };
    },
  });

  return {
    previewLog: (no: string, opts?: PaneLogOptions) =>
      runRead(ctx, async () => {
        const now = ctx.now();
        const s = { today: isoDateOf(now), time: isoTimeOf(now) };
        const header = await headerByNo(ctx, no);
        return plan(ctx, s, header, parseOptions(opts), await linesOf(ctx, header.id), serverUserOf(opts).serverUser);
      }),

    log: (no: string, opts?: PaneLogOptions) => log(no, opts),
  };
}
