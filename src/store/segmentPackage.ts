// The segment package: a versioned JSON file that carries one segment (header, lines, criteria with
// their history) and the contacts it needs from one pane, machine or person to another. Validated with
// zod before anything is written; importing twice does not duplicate (same id → updated; a segment
// number used by another record → renumbered, and the report says so). A record the package holds as
// it is here already is not written again (an unchanged contact is not counted as updated, and nothing
// is pushed for it), and the report tells unchanged records from updated ones; the preview before an
// import compares the same way, so the pane's question names only what would really change. An import
// is one workspace action ('packages.import', its argument the file's text), so the shared workspace
// records and replays it.
import type { Table } from 'dexie';
import * as z from 'zod/mini';
import { contactSchema, type Contact } from '../domain/contact';
import { criteriaActionSchema, type CriteriaAction } from '../domain/criteria';
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { nextNo, splitSeries } from '../domain/series';
import {
  segmentHeaderRecordSchema,
  segmentLineSchema,
  type SegmentHeaderRecord,
  type SegmentLine,
} from '../domain/segment';
import { runAction, runRead } from './action';
import type { StoreContext } from './context';
import { readByIndexKeys } from './indexReads';
import { cleanLetter, cleanLetters } from './letters';

export const SEGMENT_PACKAGE_FORMAT = 'segments-package';
export const SEGMENT_PACKAGE_VERSION = 1;

const packageV1Schema = z.strictObject({
  format: z.literal(SEGMENT_PACKAGE_FORMAT),
  version: z.literal(SEGMENT_PACKAGE_VERSION),
  exportedAt: z.string(),
  segment: segmentHeaderRecordSchema,
  lines: z.array(segmentLineSchema),
  criteria: z.array(criteriaActionSchema),
  contacts: z.array(contactSchema),
});
export type SegmentPackage = z.infer<typeof packageV1Schema>;

import type { SegmentPackageContents, SegmentPackageReport, SegmentPackageSummary } from '../domain/ports/transfer';
export type { SegmentPackageContents, SegmentPackageReport, SegmentPackageSummary };

/** The package of one open segment, as a JSON-ready object. */
export async function exportSegmentPackage(ctx: StoreContext, segmentNo: string): Promise<SegmentPackage> {
  const { db } = ctx;
  return db.transaction('r', [db.segments, db.segmentLines, db.criteriaActions, db.contacts], async () => {
    const segment = await db.segments.where('no').equals(segmentNo).first();
    if (!segment) throw new SegmentsError('NOT_FOUND', `Segment ${segmentNo} does not exist.`, { segmentNo });
    const lines = await db.segmentLines.where('segmentId').equals(segment.id).sortBy('lineNo');
    const criteria = await db.criteriaActions.where('segmentId').equals(segment.id).sortBy('actionNo');
    const contactNos = new Set(lines.map((l) => l.contactNo).filter((n) => n !== ''));
    const contacts = (await readByIndexKeys(db.contacts, 'no', contactNos)) as Contact[];
    // The companies of those contacts come along too (Expand Companies and Entire Companies need them).
    const companyNos = new Set(contacts.map((c) => c.companyNo).filter((n) => n !== '' && !contactNos.has(n)));
    const companies = companyNos.size ? await readByIndexKeys(db.contacts, 'no', companyNos) : [];
    return {
      format: SEGMENT_PACKAGE_FORMAT,
      version: SEGMENT_PACKAGE_VERSION,
      exportedAt: ctx.now().toISOString(),
      segment: { ...segment, letters: cleanLetters(segment.letters) },
      lines: lines.map((l) => (l.letter ? { ...l, letter: cleanLetter(l.letter) } : l)),
      criteria,
      contacts: [...contacts, ...companies].sort((a, b) => (a.no < b.no ? -1 : a.no > b.no ? 1 : 0)),
    };
  });
}

/** How an exported package begins (JSON.stringify of exportSegmentPackage's object, with or without spaces). */
const PACKAGE_OPENING = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${SEGMENT_PACKAGE_FORMAT}"`);

/**
 * Whether a file's text is a segment package, whole or cut off (its own opening): the restore of a backup
 * says so rather than calling it a foreign file. `raw` is the parsed text, when it parses.
 */
export function isSegmentPackageText(body: string, raw?: unknown): boolean {
  if (raw !== undefined)
    return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === SEGMENT_PACKAGE_FORMAT;
  return PACKAGE_OPENING.test(body);
}

/** How a workspace backup begins (exportDB writes its format first, then its database's tables). */
const BACKUP_OPENING = /^\s*\{\s*"formatName"\s*:\s*"dexie"/;

/**
 * Whether a file's text is a workspace backup, whole or cut off: so that the import says it is one (and
 * is restored, not imported) rather than calling it a foreign file. A parsed one is a Dexie export that
 * lists the segments table; a cut-off one begins as a backup does.
 */
function isBackupText(body: string, raw?: unknown): boolean {
  if (raw === undefined) return BACKUP_OPENING.test(body);
  const tables = (raw as { formatName?: unknown; data?: { tables?: unknown } } | null)?.data?.tables;
  return (
    (raw as { formatName?: unknown }).formatName === 'dexie' &&
    Array.isArray(tables) &&
    tables.some((t) => (t as { name?: unknown } | null)?.name === 'segments')
  );
}

/** A workspace backup chosen to import: said to be one (it is restored, not imported), whole or cut off. */
function backupGivenError(): SegmentsError {
  return new SegmentsError(
    'INVALID_PACKAGE',
    'The file is a workspace backup, not a segment package: a backup is restored, not imported.',
    { reason: 'backup' },
  );
}

/**
 * What a package holds, read and validated in full as an import would (nothing is written): so that the
 * pane asks its question only about a package it can import.
 */
export function readSegmentPackage(text: string): SegmentPackageContents {
  return contentsOf(parseSegmentPackage(text));
}

function contentsOf(pkg: SegmentPackage): SegmentPackageContents {
  return {
    id: pkg.segment.id,
    segmentNo: pkg.segment.no,
    description: pkg.segment.description,
    lines: pkg.lines.length,
    criteriaActions: pkg.criteria.length,
    contactNos: pkg.contacts.map((c) => c.no),
  };
}

/**
 * What a package holds and what importing it would do here now: each contact and the segment compared
 * with this workspace's records as importSegmentPackage compares them, in one read (nothing is written).
 */
export async function previewSegmentPackage(ctx: StoreContext, text: string): Promise<SegmentPackageSummary> {
  const pkg = parseSegmentPackage(text);
  const { db } = ctx;
  return runRead(ctx, async () => {
    const contacts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const c of pkg.contacts) contacts[(await contactHere(ctx, c)).outcome]++;
    const existing = await db.segments.get(pkg.segment.id);
    const changes = { description: false, otherFields: false, lines: false, criteria: false };
    if (!existing) return { ...contentsOf(pkg), segment: 'inserted', changes, contacts };
    // Imported before: the import keeps its number here while the package's is another segment's.
    const taken = await segmentNoTaken(ctx, pkg.segment.no, pkg.segment.id);
    const diff = await segmentDiff(
      ctx,
      segmentAsHere(pkg, taken ? existing.no : pkg.segment.no, existing, ''),
      existing,
    );
    Object.assign(changes, changesOf(diff));
    return {
      ...contentsOf(pkg),
      here: {
        segmentNo: existing.no,
        description: existing.description,
        lines: await db.segmentLines.where('segmentId').equals(existing.id).count(),
        criteriaActions: await db.criteriaActions.where('segmentId').equals(existing.id).count(),
      },
      segment: Object.values(changes).some(Boolean) ? 'updated' : 'unchanged',
      changes,
      contacts,
    };
  });
}

/** Parses and validates a package file's text; throws INVALID_PACKAGE naming what is wrong and where. */
export function parseSegmentPackage(text: string): SegmentPackage {
  let raw: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(body);
  } catch (e) {
    if (isBackupText(body)) throw backupGivenError();
    // A package's own opening that does not parse to its end: a package cut off or damaged, not a foreign file.
    if (PACKAGE_OPENING.test(body))
      throw new SegmentsError('INVALID_PACKAGE', `The segment package is cut off or damaged: ${(e as Error).message}`, {
        reason: 'damaged',
      });
    throw new SegmentsError('INVALID_PACKAGE', `The file is not JSON: ${(e as Error).message}`);
  }
  if (typeof raw === 'object' && raw !== null && isBackupText(body, raw)) throw backupGivenError();
  if (!isSegmentPackageText(body, raw)) {
    throw new SegmentsError(
      'INVALID_PACKAGE',
      'The file is not a segment package (its "format" is not "segments-package").',
    );
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== SEGMENT_PACKAGE_VERSION) {
    throw new SegmentsError(
      'INVALID_PACKAGE',
      `The segment package has version ${String(version)}; this add-in reads version ${SEGMENT_PACKAGE_VERSION}.`,
      {
        field: 'version',
      },
    );
  }
  const parsed = packageV1Schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.');
    throw new SegmentsError(
      'INVALID_PACKAGE',
      `The segment package is invalid at ${where || 'its top level'}: ${issue.message}`,
      { field: where },
    );
  }
  const pkg = parsed.data;
  const fail = (msg: string, field: string) => {
    throw new SegmentsError('INVALID_PACKAGE', `The segment package is inconsistent: ${msg}`, { field });
  };
  const lineNos = new Set<number>();
  pkg.lines.forEach((l, i) => {
    if (l.segmentId !== pkg.segment.id) fail(`line ${l.lineNo} belongs to another segment`, `lines.${i}.segmentId`);
    if (lineNos.has(l.lineNo)) fail(`line number ${l.lineNo} appears twice`, `lines.${i}.lineNo`);
    lineNos.add(l.lineNo);
  });
  const actionNos = new Set<number>();
  pkg.criteria.forEach((a, i) => {
    if (a.segmentId !== pkg.segment.id)
      fail(`criteria action ${a.actionNo} belongs to another segment`, `criteria.${i}.segmentId`);
    if (actionNos.has(a.actionNo)) fail(`criteria action ${a.actionNo} appears twice`, `criteria.${i}.actionNo`);
    actionNos.add(a.actionNo);
  });
  const contactNos = new Set<string>();
  pkg.contacts.forEach((c, i) => {
    if (contactNos.has(c.no)) fail(`contact ${c.no} appears twice`, `contacts.${i}.no`);
    contactNos.add(c.no);
  });
  pkg.lines.forEach((l, i) => {
    if (l.contactNo !== '' && !contactNos.has(l.contactNo))
      fail(`line ${l.lineNo} names contact ${l.contactNo}, which the package does not carry`, `lines.${i}.contactNo`);
  });
  return pkg;
}

/** Imports a package (text of the file) as one action; nothing is written when it is invalid. */
export async function importSegmentPackage(ctx: StoreContext, text: string): Promise<SegmentPackageReport> {
  const pkg = parseSegmentPackage(text);
  const { db } = ctx;
  return runAction(ctx, actionNames.packages.import, [text], async ({ stamp }) => {
    const contacts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const c of pkg.contacts) {
      const { outcome, record } = await contactHere(ctx, c);
      contacts[outcome]++;
      // Held here as the package has it: not rewritten (no write, nothing to push).
      if (outcome !== 'unchanged') await db.contacts.put({ ...record, updatedAt: stamp });
    }

    const existing = await db.segments.get(pkg.segment.id);
    let segmentNo = pkg.segment.no;
    let renumberedFrom: string | undefined;
    if (await segmentNoTaken(ctx, segmentNo, pkg.segment.id)) {
      renumberedFrom = segmentNo;
      // Imported before and renumbered then: it keeps the number it got here.
      segmentNo = existing ? existing.no : await nextSegmentNo(ctx, stamp);
    } else {
      await advanceSeriesPast(ctx, segmentNo, stamp);
    }
    const here = segmentAsHere(pkg, segmentNo, existing, stamp);
    const diff = await segmentDiff(ctx, here, existing);
    if (!existing || diff.description || diff.otherFields) await db.segments.put({ ...here.header, updatedAt: stamp });
    await applyDiff(db.segmentLines, diff.lines);
    await applyDiff(db.criteriaActions, diff.criteria);
    return {
      segmentNo,
      ...(renumberedFrom ? { renumberedFrom } : {}),
      segment: !existing ? 'inserted' : Object.values(changesOf(diff)).some(Boolean) ? 'updated' : 'unchanged',
      lines: here.lines.length,
      criteriaActions: here.criteria.length,
      contacts,
    } satisfies SegmentPackageReport;
  });
}

/**
 * The record here that a package's contact is, and what importing it does: the same id, else the same
 * contact number (a user's key, never renumbered: updated in place); unchanged when that record already
 * holds the package's values. `record` is what the import writes (its stamp aside).
 */
async function contactHere(
  ctx: StoreContext,
  c: Contact,
): Promise<{ outcome: 'inserted' | 'updated' | 'unchanged'; record: Contact }> {
  const byId = await ctx.db.contacts.get(c.id);
  const byNo = await ctx.db.contacts.where('no').equals(c.no).first();
  const here = byId && (!byNo || byNo.id === byId.id) ? byId : byNo;
  if (!here) return { outcome: 'inserted', record: c };
  const record: Contact = { ...c, id: here.id, createdAt: here.createdAt, updatedAt: here.updatedAt };
  return { outcome: sameRecord(record, here) ? 'unchanged' : 'updated', record };
}

interface SegmentAsHere {
  header: SegmentHeaderRecord;
  lines: SegmentLine[];
  criteria: CriteriaAction[];
}

/**
 * The package's segment as this workspace holds it under `segmentNo`: created and last changed when the
 * same segment here was (`stamp` for one not here yet), its letters cleaned, its lines and criteria numbered.
 */
function segmentAsHere(
  pkg: SegmentPackage,
  segmentNo: string,
  existing: SegmentHeaderRecord | undefined,
  stamp: string,
): SegmentAsHere {
  return {
    header: {
      ...pkg.segment,
      letters: cleanLetters(pkg.segment.letters),
      no: segmentNo,
      createdAt: existing?.createdAt ?? pkg.segment.createdAt,
      updatedAt: existing?.updatedAt ?? stamp,
    },
    lines: pkg.lines.map((l) => ({
      ...l,
      ...(l.letter ? { letter: cleanLetter(l.letter) } : {}),
      segmentNo,
    })),
    criteria: pkg.criteria.map((a) => ({
      ...a,
      segmentNo,
      deletedLines: a.deletedLines.map((l) => ({ ...l, segmentNo })),
    })),
  };
}

interface RecordsDiff<T> {
  /** Ids stored here that the package lacks. */
  gone: string[];
  /** The package's records not stored here as they are. */
  changed: T[];
}

interface SegmentDiff {
  description: boolean;
  otherFields: boolean;
  lines: RecordsDiff<SegmentLine>;
  criteria: RecordsDiff<CriteriaAction>;
}

/** What of the segment here differs from the package's: its description, its other fields, its lines and criteria. */
async function segmentDiff(
  ctx: StoreContext,
  { header, lines, criteria }: SegmentAsHere,
  existing: SegmentHeaderRecord | undefined,
): Promise<SegmentDiff> {
  return {
    description: !!existing && existing.description !== header.description,
    // The list figures are this workspace's, counted from its lines at the action's end: not compared.
    otherFields:
      !!existing &&
      !sameRecord(withoutFigures({ ...header, description: '' }), withoutFigures({ ...existing, description: '' })),
    lines: await recordsDiff(ctx.db.segmentLines, header.id, lines),
    criteria: await recordsDiff(ctx.db.criteriaActions, header.id, criteria),
  };
}

/** Which parts of the segment here a diff changes. */
function changesOf(diff: SegmentDiff): SegmentPackageSummary['changes'] {
  return {
    description: diff.description,
    otherFields: diff.otherFields,
    lines: diff.lines.gone.length + diff.lines.changed.length > 0,
    criteria: diff.criteria.gone.length + diff.criteria.changed.length > 0,
  };
}

/**
 * What makes the segment's records of `table` those of the package: the ones it lacks (deleted) and the
 * ones that differ from what is stored (written); the equal ones are left untouched.
 */
async function recordsDiff<T extends { id: string; segmentId: string }>(
  table: Table<T, string>,
  segmentId: string,
  records: T[],
): Promise<RecordsDiff<T>> {
  const stored = new Map((await table.where('segmentId').equals(segmentId).toArray()).map((r) => [r.id, r]));
  const wanted = new Set(records.map((r) => r.id));
  return {
    gone: [...stored.keys()].filter((id) => !wanted.has(id)),
    changed: records.filter((r) => {
      const here = stored.get(r.id);
      return !here || !sameRecord(r, here);
    }),
  };
}

async function applyDiff<T>(table: Table<T, string>, { gone, changed }: RecordsDiff<T>): Promise<void> {
  if (gone.length) await table.bulkDelete(gone);
  if (changed.length) await table.bulkPut(changed);
}

function withoutFigures(h: SegmentHeaderRecord): Partial<SegmentHeaderRecord> {
  const { noOfLines: _l, noOfCriteriaActions: _a, cost: _c, duration: _d, ...rest } = h;
  return rest;
}

/**
 * Whether two records hold the same values: key order aside, and a property stored as undefined the same
 * as one that is absent (a stored row and a parsed package may differ in both without differing in data).
 */
function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((v, i) => sameRecord(v, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const ak = keys(ao);
  return ak.length === keys(bo).length && ak.every((k) => Object.hasOwn(bo, k) && sameRecord(ao[k], bo[k]));
}

async function segmentNoTaken(ctx: StoreContext, no: string, exceptId: string): Promise<boolean> {
  const open = await ctx.db.segments.where('no').equals(no).first();
  if (open && open.id !== exceptId) return true;
  // A segment number is unique across open and logged segments (sync.md).
  return (await ctx.db.loggedSegments.where('segmentNo').equals(no).count()) > 0;
}

/** The next segment number of the series (the series stores the last number used). */
async function nextSegmentNo(ctx: StoreContext, stamp: string): Promise<string> {
  const { db } = ctx;
  const series = await db.series.get('segment');
  const pattern = (await db.setup.get('setup'))?.segmentNos ?? 'SEG00001';
  let candidate = nextNo(pattern, series?.lastNo);
  while (await segmentNoTaken(ctx, candidate, '')) candidate = nextNo(pattern, candidate);
  await db.series.put({ id: 'segment', lastNo: candidate, updatedAt: stamp });
  return candidate;
}

/** An imported number of this series beyond its last number moves the series on, so it is never issued again. */
async function advanceSeriesPast(ctx: StoreContext, no: string, stamp: string): Promise<void> {
  const { db } = ctx;
  const series = await db.series.get('segment');
  const pattern = (await db.setup.get('setup'))?.segmentNos ?? 'SEG00001';
  const last = series?.lastNo;
  const mine = splitSeries(no);
  const ref = splitSeries(last ?? pattern);
  if (!mine || !ref || mine.prefix !== ref.prefix) return;
  if (last !== undefined && BigInt(mine.digits) <= BigInt(ref.digits)) return;
  if (last === undefined && BigInt(mine.digits) < BigInt(ref.digits)) return;
  await db.series.put({ id: 'segment', lastNo: no, updatedAt: stamp });
}
