// The shared workspace's wire protocol (sync.md, "Protocol"): the bodies the add-in's server and the
// pane's sync client exchange, validated with zod on both sides. Every message carries schemaVersion.
import * as z from 'zod/mini';
import './zodMessages';

export const SYNC_SCHEMA_VERSION = 1;
export const API_PREFIX = '/api/v1';
/** How often the server writes a keep-alive on an open event stream (a comment line, no event). */
export const EVENTS_HEARTBEAT_MS = 15_000;

/** The workspace tables that travel (the same names as the store's data tables). */
export const syncTables = [
  'setup',
  'series',
  'contacts',
  'salespeople',
  'interactionGroups',
  'mailingGroups',
  'industryGroups',
  'jobResponsibilities',
  'businessRelations',
  'languages',
  'territories',
  'interactionTemplates',
  'segments',
  'segmentLines',
  'criteriaActions',
  'savedCriteria',
  'loggedSegments',
  'interactionLog',
] as const;
export type SyncTable = (typeof syncTables)[number];

/** Row and changeset ids: ULIDs, or the fixed ids of Setup ('setup') and the number series. */
export const rowIdSchema = z
  .string({ error: 'must be text' })
  .check(
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(64, { error: 'is longer than 64 characters' }),
    z.regex(/^[A-Za-z0-9_-]+$/, { error: 'may hold only letters, digits, _ and -' }),
  );

export const revisionSchema = z
  .number({ error: 'must be a number' })
  .check(z.int({ error: 'must be a whole number' }), z.nonnegative({ error: 'must not be negative' }));

export const changeSchema = z
  .strictObject({
    table: z.enum(syncTables, { error: (iss) => `is not a workspace table (${JSON.stringify(iss.input)})` }),
    id: rowIdSchema,
    op: z.enum(['put', 'delete'], { error: 'must be put or delete' }),
    value: z.optional(z.record(z.string(), z.unknown())),
    /** The server revision the client's row was based on; 0 for a row the client created. */
    baseRev: revisionSchema,
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.op === 'put' && !c.value)
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'is required for a put' });
      if (c.op === 'delete' && c.value !== undefined)
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be absent for a delete' });
      if (c.value && c.value.id !== c.id)
        ctx.addIssue({ code: 'custom', path: ['value', 'id'], message: `must equal the change's id ${c.id}` });
    }),
  );
export type Change = z.infer<typeof changeSchema>;

/** The workspace action that wrote a changeset: replayed, with the same clock and ids, on a rebase. */
export const recordedActionSchema = z.looseObject({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  args: z.array(z.unknown()),
  at: z.string().check(z.minLength(1), z.maxLength(40)),
  ids: z.array(z.string().check(z.maxLength(64))),
});
export type RecordedAction = z.infer<typeof recordedActionSchema>;

export const changesetSchema = z.strictObject({
  id: rowIdSchema,
  action: z.optional(recordedActionSchema),
  changes: z.array(changeSchema),
  /** A changeset larger than the body cap travels in numbered parts (1-based), applied with the last. */
  part: z.optional(
    z
      .strictObject({
        no: z.number().check(z.int(), z.positive()),
        of: z.number().check(z.int(), z.positive(), z.maximum(100_000)),
      })
      .check(z.refine((p) => p.no <= p.of, { error: 'part number beyond the number of parts' })),
  ),
  /**
   * For an action that chose rows by reading others (actionReads.ts): the revision the pane had pulled
   * when it ran the action, and the tables it read. The server answers `stale` when one of them changed
   * after `rev` by another client's hand.
   */
  read: z.optional(
    z.strictObject({
      rev: revisionSchema,
      tables: z.array(z.enum(syncTables, { error: 'is not a workspace table' })).check(z.maxLength(syncTables.length)),
    }),
  ),
});
export type Changeset = z.infer<typeof changesetSchema>;

export const pushRequestSchema = z.strictObject({
  schemaVersion: z.literal(SYNC_SCHEMA_VERSION, { error: `must be ${SYNC_SCHEMA_VERSION}` }),
  clientId: rowIdSchema,
  changesets: z.array(changesetSchema).check(z.minLength(1, { error: 'must hold at least one changeset' })),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

const tableNames = new Set<string>(syncTables);
const rowIdPattern = /^[A-Za-z0-9_-]+$/;
const changeKeys = new Set(['table', 'id', 'op', 'value', 'baseRev']);
const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
const isRowId = (x: unknown): x is string =>
  typeof x === 'string' && x.length >= 1 && x.length <= 64 && rowIdPattern.test(x);

/**
 * The changes of a push as changeSchema parses them, checked by hand: undefined as soon as one is not
 * plainly valid (changeSchema then says what is wrong, and where). A 10,000-line changeset is 10,000
 * changes, and parsing each with the schema was a tenth of the server's time on it.
 */
export function plainChanges(list: readonly unknown[]): Change[] | undefined {
  const out = new Array<Change>(list.length);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (!isRecord(c)) return undefined;
    for (const k in c) if (!changeKeys.has(k)) return undefined;
    const { table, id, op, value, baseRev } = c;
    if (typeof table !== 'string' || !tableNames.has(table) || !isRowId(id)) return undefined;
    if (typeof baseRev !== 'number' || !Number.isSafeInteger(baseRev) || baseRev < 0) return undefined;
    if (op === 'delete' && !('value' in c)) out[i] = { table: table as SyncTable, id, op, baseRev };
    else if (op === 'put' && isRecord(value) && value.id === id && !Object.hasOwn(value, '__proto__'))
      // A copy, as the schema makes. Measured: with the request's own objects kept, a 50 MB push in parts
      // cost up to 1.44x per MB what 10 MB costs (test/server/issue11Suite.ts allows 1.2x); 1.06-1.15x copied.
      out[i] = { table: table as SyncTable, id, op, value: { ...value }, baseRev };
    else return undefined;
  }
  return out;
}

/**
 * A push body parsed as pushRequestSchema parses it (the same result, the same messages for bad input):
 * the changes by plainChanges, the rest by the schema; any change plainChanges does not take, or any
 * fault of the rest, and the whole body goes through the schema.
 */
export function parsePushRequest(body: unknown): ReturnType<typeof pushRequestSchema.safeParse> {
  const sets = isRecord(body) && Array.isArray(body.changesets) ? (body.changesets as unknown[]) : undefined;
  if (!sets) return pushRequestSchema.safeParse(body);
  const changes: Change[][] = [];
  for (const cs of sets) {
    const plain = isRecord(cs) && Array.isArray(cs.changes) ? plainChanges(cs.changes) : undefined;
    if (!plain) return pushRequestSchema.safeParse(body);
    changes.push(plain);
  }
  const rest = pushRequestSchema.safeParse({
    ...(body as Record<string, unknown>),
    changesets: sets.map((cs) => ({ ...(cs as Record<string, unknown>), changes: [] })),
  });
  if (!rest.success) return pushRequestSchema.safeParse(body);
  rest.data.changesets.forEach((cs, i) => (cs.changes = changes[i]));
  return rest;
}

/** A row as the server holds it. */
export const serverRowSchema = z.object({
  table: z.enum(syncTables),
  id: z.string(),
  rev: revisionSchema,
  deleted: z.boolean(),
  value: z.nullable(z.record(z.string(), z.unknown())),
});
export type ServerRow = z.infer<typeof serverRowSchema>;

export const pushResultSchema = z.discriminatedUnion('status', [
  /** Applied: every row of the changeset is now at revision `rev`. */
  z.object({ id: z.string(), status: z.literal('applied'), rev: revisionSchema }),
  /** Applied before (a retried push): the same answer again. */
  z.object({ id: z.string(), status: z.literal('duplicate'), rev: revisionSchema }),
  z.object({
    id: z.string(),
    status: z.literal('partial'),
    received: z.number().check(z.int(), z.nonnegative()),
    of: z.number().check(z.int(), z.positive()),
  }),
  z.object({
    id: z.string(),
    status: z.literal('conflict'),
    reason: z.string(),
    /** What clashed: a stale revision, a business key in use, a missing parent, a parent still in use. */
    kind: z.enum(['stale', 'duplicateKey', 'missingParent', 'parentInUse']),
    rows: z.array(serverRowSchema),
  }),
  /** The action read tables that changed after the revision it was based on: pull, replay, push again. */
  z.object({ id: z.string(), status: z.literal('stale'), reason: z.string(), table: z.string(), rev: revisionSchema }),
  /** The changeset's content can never be applied (a row naming a parent that never existed, a value the
   * database refuses): nothing of it was written; the pane shows it as a failed action. */
  z.object({ id: z.string(), status: z.literal('refused'), reason: z.string() }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  schemaVersion: z.literal(SYNC_SCHEMA_VERSION),
  results: z.array(pushResultSchema),
  lastRev: revisionSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullResponseSchema = z.object({
  schemaVersion: z.literal(SYNC_SCHEMA_VERSION),
  rows: z.array(serverRowSchema),
  /** The revision this page reaches: the next page starts after it. */
  lastRev: revisionSchema,
  more: z.boolean(),
  /**
   * Set when one changeset is larger than a page: this page ends inside revision `rev`, after the row
   * (`table`, `id`); the next page is asked with `after=<rev>:<table>:<id>` and the same `since`. The
   * pane applies the rows of `rev` only once it has them all.
   */
  next: z.optional(z.object({ rev: revisionSchema, table: z.enum(syncTables), id: z.string() })),
  /**
   * Who made the revisions of this page's rows: the revision (as text) → the user of the key that pushed
   * it, so that a pane can say which colleague replaced a value. Only revisions pushed with a key (a
   * server without users has none); absent when there are none, and from servers that do not send it
   * (optional: the schema version stays, older panes drop the unknown field).
   */
  authors: z.optional(z.record(z.string(), z.string())),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** What the event stream says: "changed at rev N". */
export const syncEventSchema = z.object({ schemaVersion: z.literal(SYNC_SCHEMA_VERSION), rev: revisionSchema });
export type SyncEvent = z.infer<typeof syncEventSchema>;

export const apiErrorSchema = z.object({ error: z.string(), reason: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

/** zod issues as one readable line each: "changesets.0.changes.3.table: is not a workspace table". */
export function describeIssues(error: z.core.$ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}
