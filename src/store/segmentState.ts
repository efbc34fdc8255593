// Reading and writing one segment as a unit: header, lines, criteria actions with their history.
// Any change to lines or criteria also writes the header, so the segment is versioned as one unit.
import Dexie from 'dexie';
import type { Contact } from '../domain/contact';
import type { CriteriaAction, CriteriaFilters, CriteriaOptions } from '../domain/criteria';
import type { CriteriaKind } from '../domain/enums';
import { SegmentsError } from '../domain/errors';
import type { InteractionTemplate } from '../domain/interaction';
import { makeSegmentLines } from '../domain/criteriaPlan';
import type { SegmentHeader, SegmentHeaderRecord, SegmentLine } from '../domain/segment';
import type { SegmentView } from '../domain/workspace';
import type { ActionScope } from './action';
import { segmentFiguresOf } from './figures';
import type { StoreContext } from './context';

export async function headerByNo(ctx: StoreContext, no: string): Promise<SegmentHeaderRecord> {
  const h = await ctx.db.segments.where('no').equals(no).first();
  if (!h) throw new SegmentsError('NOT_FOUND', `Segment ${no} does not exist`, { segmentNo: no });
  return h;
}

/** The segment a recorded action names by id (replay): it may have been renumbered, never re-identified. */
export async function headerById(ctx: StoreContext, id: string): Promise<SegmentHeaderRecord> {
  const h = await ctx.db.segments.get(id);
  if (!h) throw new SegmentsError('NOT_FOUND', `The segment this action was about no longer exists`, { segmentId: id });
  return h;
}

/** A line of a segment by its number (what the user sees). */
export async function lineByNo(ctx: StoreContext, header: SegmentHeaderRecord, lineNo: number): Promise<SegmentLine> {
  const line = await ctx.db.segmentLines.where('[segmentId+lineNo]').equals([header.id, lineNo]).first();
  if (!line)
    throw new SegmentsError('NOT_FOUND', `Segment ${header.no} has no line ${lineNo}`, {
      lineNo,
      segmentNo: header.no,
    });
  return line;
}

/** A line of a segment by id (replay). */
export async function lineById(ctx: StoreContext, header: SegmentHeaderRecord, id: string): Promise<SegmentLine> {
  const line = await ctx.db.segmentLines.get(id);
  if (!line || line.segmentId !== header.id)
    throw new SegmentsError('NOT_FOUND', `The line of segment ${header.no} this action was about no longer exists`, {
      segmentNo: header.no,
      lineId: id,
    });
  return line;
}

export function linesOf(ctx: StoreContext, segmentId: string): Promise<SegmentLine[]> {
  return ctx.db.segmentLines
    .where('[segmentId+lineNo]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey])
    .toArray();
}

/** A segment's criteria actions through its [segmentId+actionNo] index, in action order. */
function actionRange(ctx: StoreContext, segmentId: string) {
  return ctx.db.criteriaActions
    .where('[segmentId+actionNo]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey]);
}

/** A segment's last criteria action and how many it has, reading no other action (each holds its lines). */
export async function lastActionOf(
  ctx: StoreContext,
  segmentId: string,
): Promise<{ last: CriteriaAction | undefined; count: number }> {
  const [last, count] = await Promise.all([actionRange(ctx, segmentId).last(), actionRange(ctx, segmentId).count()]);
  return { last, count };
}

export function actionsOf(ctx: StoreContext, segmentId: string): Promise<CriteriaAction[]> {
  return actionRange(ctx, segmentId).toArray();
}

/** The header with the figures its lines and criteria actions give (figures.ts counts them the one way). */
export function withFigures(
  header: SegmentHeaderRecord,
  lines: readonly SegmentLine[],
  noOfCriteriaActions: number,
): SegmentHeader {
  return { ...header, ...segmentFiguresOf(lines, noOfCriteriaActions) };
}

export function viewOf(
  header: SegmentHeaderRecord,
  lines: readonly SegmentLine[],
  actions: readonly CriteriaAction[],
): SegmentView {
  return {
    header: withFigures(header, lines, actions.length),
    lines: [...lines],
    criteria: actions.map((a) => ({
      actionNo: a.actionNo,
      kind: a.kind,
      options: a.options,
      filters: a.filters,
      ...(a.contactNos ? { contactNos: a.contactNos } : {}),
    })),
  };
}

export async function readView(ctx: StoreContext, header: SegmentHeaderRecord): Promise<SegmentView> {
  const [lines, actions] = await Promise.all([linesOf(ctx, header.id), actionsOf(ctx, header.id)]);
  return viewOf(header, lines, actions);
}

/** Writes the header with a new updatedAt: every change to a segment moves its version. */
export async function touchHeader(
  ctx: StoreContext,
  s: ActionScope,
  header: SegmentHeaderRecord,
): Promise<SegmentHeaderRecord> {
  const next = { ...header, updatedAt: s.stamp };
  await ctx.db.segments.put(next);
  return next;
}

export async function templateByCode(ctx: StoreContext, code: string): Promise<InteractionTemplate | undefined> {
  if (!code) return undefined;
  return ctx.db.interactionTemplates.where('code').equals(code).first();
}

/** New lines for these contacts, appended after the last line number, made with the action's clock and ids. */
export function makeLines(
  s: ActionScope,
  header: SegmentHeaderRecord,
  lastLineNo: number,
  contacts: readonly Contact[],
  template: InteractionTemplate | undefined,
  actionNo: number,
): SegmentLine[] {
  return makeSegmentLines(s, header, lastLineNo, contacts, template, actionNo);
}

/** The id of a segment's last criteria action, read from its index alone (the action holds its lines). */
export async function lastActionIdOf(ctx: StoreContext, segmentId: string): Promise<string | undefined> {
  const [id] = await actionRange(ctx, segmentId).reverse().limit(1).primaryKeys();
  return id;
}

/** The number the segment's next criteria action gets, from the index alone (no action record is read). */
export async function nextActionNo(ctx: StoreContext, segmentId: string): Promise<number> {
  const [key] = (await actionRange(ctx, segmentId).reverse().limit(1).keys()) as unknown as [string, number][];
  return (key?.[1] ?? 0) + 1;
}

export function makeAction(
  s: ActionScope,
  header: SegmentHeaderRecord,
  actionNo: number,
  kind: CriteriaKind,
  options: CriteriaOptions,
  filters: CriteriaFilters,
  inserted: readonly SegmentLine[],
  deleted: readonly SegmentLine[],
  contactNos?: string[],
): CriteriaAction {
  return {
    id: s.newId(),
    createdAt: s.stamp,
    updatedAt: s.stamp,
    segmentId: header.id,
    segmentNo: header.no,
    actionNo,
    kind,
    options,
    filters,
    ...(contactNos ? { contactNos } : {}),
    insertedLineIds: inserted.map((l) => l.id),
    deletedLines: deleted.map((l) => ({ ...l })),
  };
}
