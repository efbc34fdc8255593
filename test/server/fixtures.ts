// Builders for server tests: rows that satisfy the domain schemas, and a small API client.
import { emptyContactFields } from '../../src/domain/contact';
import { emptySegmentHeaderInput } from '../../src/domain/segment';
import type { Change, Changeset } from '../../src/domain/syncProtocol';
import type { Sql } from '../../src/server/sql';

let seq = 0;
/** A fresh id, unique within the test run (ULID-shaped enough for the server). */
export const newId = (prefix = 'T') =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${(++seq).toString(36).toUpperCase().padStart(6, '0')}`;

const at = '2026-11-29T10:00:00.000Z';
const base = (id: string) => ({ id, createdAt: at, updatedAt: at });

export function segment(id: string, no: string, patch: Record<string, unknown> = {}) {
  return {
    ...base(id),
    ...emptySegmentHeaderInput(),
    no,
    description: `Segment ${no}`,
    date: '2026-11-29',
    ...patch,
  };
}

export function line(id: string, segmentId: string, segmentNo: string, lineNo: number, contactNo: string) {
  return {
    ...base(id),
    segmentId,
    segmentNo,
    lineNo,
    contactNo,
    contactCompanyNo: '',
    description: '',
    salespersonCode: '',
    interactionTemplateCode: '',
    interactionGroupCode: '',
    correspondenceType: '' as const,
    languageCode: '',
    subject: '',
    cost: 0,
    duration: 0,
    date: '2026-11-29',
    campaignNo: '',
    campaignTarget: false,
    campaignResponse: false,
    informationFlow: '' as const,
    initiatedBy: '' as const,
    evaluation: '' as const,
    attemptFailed: false,
    comment: '',
  };
}

export function loggedSegment(id: string, entryNo: number, segmentNo: string, userId = 'someone') {
  return {
    ...base(id),
    entryNo,
    segmentNo,
    description: `Logged ${segmentNo}`,
    creationDate: '2026-11-29',
    userId,
    canceled: false,
  };
}

export function contact(id: string, no: string) {
  return { ...base(id), ...emptyContactFields(no), name: `Contact ${no}` };
}

export const put = (table: Change['table'], value: { id: string; [field: string]: unknown }, baseRev = 0): Change => ({
  table,
  id: value.id,
  op: 'put',
  value,
  baseRev,
});
export const del = (table: Change['table'], id: string, baseRev: number): Change => ({
  table,
  id,
  op: 'delete',
  baseRev,
});
export const changeset = (changes: Change[], id = newId('CS')): Changeset => ({ id, changes });

export interface ApiReply<T = any> {
  status: number;
  body: T;
}

/** Calls the server's API as a pane would (fetch, JSON, the key as a bearer token). */
export async function call<T = any>(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; key?: string; headers?: Record<string, string> } = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] ??= 'application/json';
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  const r = await fetch(`${url}/api/v1${path}`, {
    method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

export const push = (url: string, changesets: Changeset[], opts: { clientId?: string; key?: string } = {}) =>
  call(url, '/push', { body: { schemaVersion: 1, clientId: opts.clientId ?? 'client-a', changesets }, key: opts.key });

/** Every row the server holds, pulled from 0 through all pages. */
export async function pullAll(url: string, key?: string, limit = 5000) {
  const rows: any[] = [];
  let since = 0;
  for (;;) {
    const r = await call(url, `/pull?since=${since}&limit=${limit}`, { key });
    if (r.status !== 200) throw new Error(`pull: ${r.status} ${JSON.stringify(r.body)}`);
    rows.push(...r.body.rows);
    since = r.body.lastRev;
    if (!r.body.more) return { rows, lastRev: since };
  }
}

/** An interaction log entry of a logged segment, with a letter when one is given. */
export function logEntry(
  id: string,
  entryNo: number,
  logged: { id: string; entryNo: number; segmentNo: string },
  contactNo: string,
  letter?: string,
) {
  return {
    ...base(id),
    entryNo,
    loggedSegmentId: logged.id,
    loggedSegmentEntryNo: logged.entryNo,
    segmentNo: logged.segmentNo,
    contactNo,
    contactCompanyNo: '',
    date: '2026-11-29',
    time: '10:00:00',
    description: 'Christmas letter',
    subject: '',
    interactionTemplateCode: '',
    interactionGroupCode: '',
    correspondenceType: '' as const,
    languageCode: '',
    salespersonCode: '',
    informationFlow: '' as const,
    initiatedBy: '' as const,
    cost: 0,
    duration: 0,
    attemptFailed: false,
    evaluation: '' as const,
    campaignNo: '',
    campaignTarget: false,
    campaignResponse: false,
    canceled: false,
    deliveryStatus: '' as const,
    userId: 'someone',
    comment: '',
    ...(letter === undefined ? {} : { letter }),
  };
}

/** A letter body of about `bytes` bytes, as OOXML paragraphs. */
export function letterOf(bytes: number, seed = 0): string {
  const para = (i: number) =>
    `<w:p><w:r><w:t>Gentile cliente ${seed}-${i}, le auguriamo buone feste da tutto il team di CRONUS Italia S.p.A.</w:t></w:r></w:p>`;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = para(i);
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}

/**
 * `db` with every statement it runs (in or out of a transaction) told to `onStart` as it starts, its text
 * on one line; what `onStart` returns is told how many rows the statement returned. For the tests that
 * count a request's statements.
 */
export function loggingSql(db: Sql, onStart: (text: string) => ((rows: number) => void) | void): Sql {
  const logged =
    (q: Sql['query']) =>
    async <T>(text: string, params?: unknown[]) => {
      const done = onStart(text.replace(/\s+/g, ' ').trim());
      const rows = await q<T>(text, params);
      done?.(rows.length);
      return rows;
    };
  return {
    kind: db.kind,
    query: logged(db.query.bind(db)),
    transaction: (fn) => db.transaction((tx) => fn({ query: logged(tx.query.bind(tx)) })),
    close: () => db.close(),
  };
}
