// The pane's sync loop (sync.md): one per database, under navigator.locks when the browser has them.
// Each round pushes the pending changesets in order, pulls what changed, and rebases; the event stream
// (read with fetch, so it can carry the key) wakes the loop when another pane changed something.
// Network failures back off; the pane keeps working offline and catches up when the server is back.
import * as z from 'zod/mini';
import { tablesReadBy } from '../domain/actionReads';
import {
  API_PREFIX,
  EVENTS_HEARTBEAT_MS,
  pullResponseSchema,
  pushResponseSchema,
  serverRowSchema,
  SYNC_SCHEMA_VERSION,
  type PushResult,
  type ServerRow,
} from '../domain/syncProtocol';
import type { PendingChangeset, RebaseReport, SyncPort } from '../store/syncPort';
import { packForPush, type Outgoing, type PackedBody } from './packing';

import type { Connection, SyncStatus } from '../domain/ports/syncStatus';
export type { Connection, SyncStatus };

export interface SyncClientOptions {
  port: SyncPort;
  /** The server's origin, e.g. https://localhost:3000 (the pane's own origin in production). */
  serverUrl: string;
  /** The user's personal key, when the server requires one. */
  key?: string;
  fetch?: typeof fetch;
  /** navigator.locks, or null to run without (one loop per database then rests on the caller). */
  locks?: Pick<LockManager, 'request'> | null;
  lockName?: string;
  /** The server's body cap in bytes; larger changesets travel in numbered parts. */
  bodyCap?: number;
  maxChangesetsPerPush?: number;
  /** At most this many rows per pulled page (the server also cuts pages by bytes under its body cap). */
  pageSize?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** Read the server's event stream (default true). */
  events?: boolean;
  /**
   * An open event stream that carries nothing for this long (not even the server's keep-alive) is taken
   * as a dropped connection and opened again; opening it may take a quarter of this. Default: the
   * server's keep-alive interval × 2 + 10 s.
   */
  eventsSilenceMs?: number;
  now?: () => Date;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Whether the request carried a personal key (a 401 without one asks for it; with one, refuses it). */
    readonly keySent = true,
  ) {
    super(message);
  }
}

const MAX_ROWS_PER_REBASE = 50_000;
/** Bytes of one pulled page at most (the server's body cap when smaller). */
const PULL_PAGE_BYTES = 2 * 1024 * 1024;
/** Parts of one large changeset uploaded at once. */
const PARTS_IN_FLIGHT = 2;
/** Pulled rows are met with the pending changes in rebases of about this many bytes (big letters). */
const MAX_BYTES_PER_REBASE = 32 * 1024 * 1024;
/** How often one changeset may come back as a conflict or a stale read before it is shown as failed. */
const MAX_SETBACKS = 5;
/** A pull of at least this many rows, or of more than one page, is shown while it arrives and applies. */
export const RECEIVING_SHOWN_ROWS = 1000;
/** 4xx answers about the caller or the moment, not about what was sent: retrying later may succeed. */
const NOT_ABOUT_CONTENT = new Set([401, 403, 404, 405, 408, 410, 425, 429]);

/**
 * Whether an answer refuses the content of what was pushed for good (retrying cannot help): every 4xx
 * but those about the key, the address or the moment. Network errors, 5xx and 429 are retried.
 */
export function refusesContent(status: number): boolean {
  return status >= 400 && status < 500 && !NOT_ABOUT_CONTENT.has(status);
}

/** A changeset the server sent back to be run again (a conflict, a stale read). */
type Setback = Extract<PushResult, { status: 'conflict' | 'stale' }>;

export class SyncClient {
  private status: SyncStatus = { connection: 'starting', pending: 0, lastRev: 0, failed: [], renumbered: [] };
  private listeners = new Set<(s: SyncStatus) => void>();
  private stopped = true;
  private dirty = false;
  private wakeUp?: () => void;
  private exclusive: Promise<unknown> = Promise.resolve();
  private abort?: AbortController;
  /** Panes sharing one database (older Windows builds) tell the one running the loop about their changes. */
  private channel?: BroadcastChannel;
  private loops: Promise<unknown>[] = [];
  private serverRev = 0;
  /** How often each pending changeset came back as a conflict or a stale read. */
  private setbacks = new Map<string, number>();
  /**
   * Revisions this pane's own changesets were applied at (acknowledged: their rows here are as the server
   * holds them), not yet pulled past: a pull asks the server to leave their rows out, so a pane never
   * downloads and meets again the megabytes it just pushed, also when it pushed before its first pull.
   * Kept only while the sync state is not reset (`ownResets`, the port's count of resets when they were
   * acknowledged) and the cursor stays at or above where it was: after a restore every row comes back.
   */
  private own = new Set<number>();
  private ownFloor = 0;
  private ownResets = 0;
  /** The last round failed: the next one first asks the server cheaply whether it is back. */
  private failing = false;
  /** Rounds that reached the server: an event stream that failed before the latest of them says nothing new. */
  private roundsDone = 0;
  /** Ends the event stream's wait before it is opened again (a new key). */
  private wakeEvents?: () => void;
  private readonly fetch: typeof fetch;
  private readonly opts: Required<
    Pick<SyncClientOptions, 'bodyCap' | 'maxChangesetsPerPush' | 'pageSize' | 'backoff' | 'eventsSilenceMs'>
  > &
    SyncClientOptions;

  constructor(options: SyncClientOptions) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as SyncClientOptions;
    this.opts = {
      bodyCap: 4 * 1024 * 1024,
      maxChangesetsPerPush: 100,
      pageSize: 50_000,
      backoff: { initialMs: 500, maxMs: 30_000 },
      eventsSilenceMs: EVENTS_HEARTBEAT_MS * 2 + 10_000,
      ...given,
    };
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** For useSyncExternalStore: the listener runs after every change of the status. */
  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the loop (and the event stream); returns at once. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(this.opts.lockName ?? 'segments-sync');
      this.channel.onmessage = () => {
        this.dirty = true;
        this.wakeUp?.();
        void this.refreshStatus().catch(() => undefined);
      };
    }
    const locks =
      this.opts.locks === undefined ? (globalThis.navigator as Navigator | undefined)?.locks : this.opts.locks;
    const loop = () => this.loop();
    this.loops = [
      locks
        ? locks
            .request(this.opts.lockName ?? 'segments-sync', { signal: this.abort.signal }, loop)
            .catch(() => undefined)
        : loop(),
    ];
    if (this.opts.events !== false) this.loops.push(this.readEvents());
    void this.refreshStatus();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.channel?.close();
    this.channel = undefined;
    this.abort?.abort();
    this.wakeUp?.();
    await Promise.all(this.loops);
    await this.exclusive.catch(() => undefined);
    this.set({ connection: 'stopped' });
  }

  /** A local action wrote to the outbox: push soon. */
  notifyLocalChange(): void {
    this.channel?.postMessage('changed');
    this.dirty = true;
    this.wakeUp?.();
    // "Changes waiting" moves at once, online or not.
    void this.refreshStatus().catch(() => undefined);
  }

  /** Runs one full round now (push, pull, rebase), after any round already running. */
  syncNow(): Promise<void> {
    const run = this.exclusive.then(() => this.round());
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  async retry(failedId: string): Promise<unknown> {
    const r = await this.opts.port.retryFailed(failedId);
    await this.refreshStatus();
    this.notifyLocalChange();
    return r;
  }

  async dismiss(failedId: string): Promise<void> {
    await this.opts.port.dismissFailed(failedId);
    await this.refreshStatus();
  }

  /** The user entered (or changed) their personal key: use it from the next call, and try now. */
  setKey(key: string | undefined): void {
    this.opts.key = key || undefined;
    this.wakeEvents?.();
    this.notifyLocalChange();
  }

  /** Forgets the renumbering notices the user has seen. */
  clearRenumbered(): void {
    this.set({ renumbered: [], overridden: [] });
  }

  private set(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }

  /**
   * Reads the status from the store: one read at a time, and callers that come while one runs share the
   * next. An action of many writes asked once per write, and those reads met the push in the database
   * right after the action.
   */
  private refreshStatus(): Promise<void> {
    if (!this.statusRead) {
      const port = this.opts.port;
      const read = (async () => {
        this.set({ pending: await port.pendingCount(), lastRev: await port.cursor(), failed: await port.failed() });
      })();
      this.statusRead = read.finally(() => (this.statusRead = undefined));
      return this.statusRead;
    }
    this.statusNext ??= this.statusRead
      .catch(() => undefined)
      .then(() => {
        this.statusNext = undefined;
        return this.refreshStatus();
      });
    return this.statusNext;
  }
  private statusRead?: Promise<void>;
  private statusNext?: Promise<void>;

  private async loop() {
    let delay = this.opts.backoff.initialMs;
    while (!this.stopped) {
      try {
        this.dirty = false;
        // While the server is away, a local change or the end of a backoff costs one small request, not
        // the reading and packing of every pending changeset (a 10,000-line segment is megabytes).
        if (this.failing) await this.probe();
        await this.syncNow();
        this.failing = false;
        delay = this.opts.backoff.initialMs;
        await this.idle(undefined);
      } catch (e) {
        if (this.stopped) break;
        this.failing = true;
        await this.refreshStatus().catch(() => undefined);
        this.set({ connection: connectionAfter(e), lastError: (e as Error).message });
        await this.idle(delay * (0.75 + Math.random() / 2));
        delay = Math.min(delay * 2, this.opts.backoff.maxMs);
      }
    }
  }

  /** Waits until woken (a local change, a server event) or, with a delay, until it passes. */
  private idle(ms: number | undefined): Promise<void> {
    if (this.stopped || (ms === undefined && this.dirty)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async round(): Promise<void> {
    const port = this.opts.port;
    for (let attempt = 0; ; attempt++) {
      const setback = await this.pushAll();
      let drop: { id: string; code: string; message: string } | undefined;
      if (setback) {
        const n = (this.setbacks.get(setback.id) ?? 0) + 1;
        this.setbacks.set(setback.id, n);
        // Bounded: an action that keeps meeting newer data is shown as failed, with Retry and Dismiss.
        if (n >= MAX_SETBACKS)
          drop = { id: setback.id, code: 'CONFLICT', message: `${setback.reason} (tried ${n} times)` };
      }
      let report: RebaseReport | undefined;
      let received = 0;
      try {
        for (;;) {
          const cursor = await port.cursor();
          const { rows, lastRev, more, authors } = await this.pullFrom(cursor, (n, last) => {
            if (!last || received + n >= RECEIVING_SHOWN_ROWS) this.set({ receiving: received + n });
          });
          received += rows.length;
          // Nothing new to replay it on: the setback stands, and the action is shown as failed.
          if (setback && !report && !drop && lastRev === cursor)
            drop = { id: setback.id, code: 'CONFLICT', message: setback.reason };
          if (rows.length || (drop && !report) || (setback && !report)) {
            report = await port.rebase(rows, lastRev, report ? undefined : drop, authors);
            if (report.renumbered.length) this.set({ renumbered: [...this.status.renumbered, ...report.renumbered] });
            if (report.overridden?.length)
              this.set({ overridden: [...(this.status.overridden ?? []), ...report.overridden] });
          }
          if (!more) break;
        }
      } catch (e) {
        // A pull or a rebase that failed on the way: no "receiving" line outlives it.
        if (this.status.receiving !== undefined) this.set({ receiving: undefined });
        throw e;
      }
      this.roundsDone++;
      this.set({
        connection: 'connected',
        lastError: undefined,
        receiving: undefined,
        lastSyncAt: (this.opts.now?.() ?? new Date()).toISOString(),
      });
      await this.refreshStatus();
      // After the round's rows are visible: the base revisions of a large batch, row by row.
      await port.settle();
      if (!setback) {
        this.setbacks.clear();
        return;
      }
      if (drop) this.setbacks.delete(drop.id);
      if (attempt >= 50) throw new Error(`changeset ${setback.id} keeps coming back: ${setback.reason}`);
    }
  }

  /**
   * Pushes pending changesets in order until none is left or one comes back (a conflict, a stale read).
   * A changeset refused for its content becomes a failed action (its effects reverted) and the others go on.
   */
  private async pushAll(): Promise<Setback | undefined> {
    const port = this.opts.port;
    const clientId = await port.clientId();
    let single = false;
    for (;;) {
      const batch = await port.pending(single ? 1 : this.opts.maxChangesetsPerPush);
      if (batch.length === 0) return undefined;
      try {
        const answer = await this.pushBatch(batch, clientId);
        single = false;
        if (answer?.status === 'refused') await this.setAside(answer.id, answer.reason);
        else if (answer) return answer;
      } catch (e) {
        if (!(e instanceof HttpError) || !refusesContent(e.status)) throw e;
        // The server refuses something in this batch for good, and nothing of it was committed: find
        // which changeset, alone, and set it aside as a failed action (the user sees why), so the others go.
        if (batch.length > 1) {
          single = true;
          continue;
        }
        await this.setAside(batch[0].id, e.message);
        single = false;
      }
      // Read beside the next batch, not before it: after a large action a count awaited here held the
      // next upload for as long as it took (50-280 ms after a 10,000-line action).
      void this.refreshStatus().catch(() => undefined);
    }
  }

  /** A changeset the server refuses for its content: reverted as a refused replay is, and shown as failed. */
  private async setAside(id: string, reason: string): Promise<void> {
    const port = this.opts.port;
    const report = await port.rebase([], await port.cursor(), { id, code: 'INVALID_INPUT', message: reason });
    if (report.renumbered.length) this.set({ renumbered: [...this.status.renumbered, ...report.renumbered] });
  }

  private async pushBatch(
    batch: PendingChangeset[],
    clientId: string,
  ): Promise<Extract<PushResult, { status: 'conflict' | 'stale' | 'refused' }> | undefined> {
    const port = this.opts.port;
    // What the pane has pulled is what every pending action was (re)run on: a rebase replays them all.
    const cursor = await port.cursor();
    const outgoing: Outgoing[] = batch.map((p) => {
      const tables = tablesReadBy(p.action?.name);
      return tables.length ? { ...p, read: { rev: cursor, tables: [...tables] } } : p;
    });
    let bodies: PackedBody[];
    try {
      // In slices: serialising a 10,000-line segment must not hold the pane.
      bodies = await packForPush(outgoing, this.opts.bodyCap);
    } catch (e) {
      throw new HttpError(413, (e as Error).message);
    }
    // One push per batch (its base revisions hold only until it is acknowledged), or every part of one
    // changeset larger than the cap. Parts go PARTS_IN_FLIGHT at a time: the server keeps each part in
    // whatever order they arrive and applies the changeset with the last one, so the upload and reading of
    // one part overlap the server's work on the one before.
    const first = bodies[0].changesets[0];
    const sends = first.part
      ? bodies.filter((b) => b.changesets[0].part && b.changesets[0].id === first.id)
      : bodies.slice(0, 1);
    const replies = await inOrder(sends, first.part ? PARTS_IN_FLIGHT : 1, async ({ json, blob }) => {
      const body = new RawJson(
        `{"schemaVersion":${SYNC_SCHEMA_VERSION},"clientId":${JSON.stringify(clientId)},"changesets":`,
        json,
        '}',
        blob,
      );
      return pushResponseSchema.parse((await this.call('POST', '/push', body)).body);
    });
    const acknowledged = new Set<string>();
    for (const reply of replies) {
      this.serverRev = Math.max(this.serverRev, reply.lastRev);
      for (const r of reply.results) {
        if (r.status === 'applied' || r.status === 'duplicate') {
          if (acknowledged.has(r.id)) continue;
          acknowledged.add(r.id);
          const resets = await port.acknowledge(
            r.id,
            r.rev,
            batch.find((p) => p.id === r.id),
          );
          await this.holdsOwn(r.rev, resets);
        } else if (r.status === 'conflict' || r.status === 'stale' || r.status === 'refused') return r;
      }
    }
    return undefined;
  }

  /**
   * The pane holds the rows of its changeset applied at `rev`, as the server does (acknowledged when the
   * sync state had been reset `resets` times). A new pane's cursor is 0 too: its own rows are left out
   * of its first pull as well; only a reset (a restore) since they were acknowledged brings them back.
   */
  private async holdsOwn(rev: number, resets: number): Promise<void> {
    const cursor = await this.opts.port.cursor();
    if (resets !== this.ownResets || cursor < this.ownFloor) this.own.clear();
    this.ownResets = resets;
    if (this.own.size === 0) this.ownFloor = cursor;
    if (rev > cursor) this.own.add(rev);
  }

  /** The revisions after `since` whose rows this pane holds already (none once its sync state was reset). */
  private skipAfter(since: number, resets: number): number[] {
    if (resets !== this.ownResets || since < this.ownFloor) this.own.clear();
    for (const r of this.own) if (r <= since) this.own.delete(r);
    return [...this.own].sort((a, b) => a - b).slice(0, 1000);
  }

  /** One row at most from where this pane is: throws as a round would when the server is away or refuses. */
  private async probe(): Promise<void> {
    pullResponseSchema.parse((await this.call('GET', `/pull?since=${await this.opts.port.cursor()}&limit=1`)).body);
  }

  /**
   * Pulls pages from `since` until the end or until enough rows (or bytes) for one rebase; a changeset
   * that came in several pages is always taken whole. `onPage` hears the rows received after each page,
   * and whether that page was the pull's last. The next page is asked for while this one's rows
   * are checked, and pages are at most PULL_PAGE_BYTES: a page of megabytes is parsed in one task.
   */
  private async pullFrom(
    since: number,
    onPage: (rows: number, last: boolean) => void,
  ): Promise<{ rows: ServerRow[]; lastRev: number; more: boolean; authors?: Record<string, string> }> {
    const rows: ServerRow[] = [];
    /** Who made the revisions of the rows pulled, as the pages name them (none from a server without users). */
    let authors: Record<string, string> | undefined;
    let bytes = 0;
    let last = since;
    let after: string | undefined;
    const resets = await this.opts.port.resets();
    const ask = () => {
      const skip = this.skipAfter(last, resets);
      const query = `/pull?since=${last}&limit=${this.opts.pageSize}&maxBytes=${Math.min(this.opts.bodyCap, PULL_PAGE_BYTES)}${after ? `&after=${after}` : ''}${skip.length ? `&skip=${skip.join(',')}` : ''}`;
      const request = this.call('GET', query);
      // Not awaited when checking the page before it fails: that failure is the one thrown.
      request.catch(() => undefined);
      return request;
    };
    let request = ask();
    for (;;) {
      const answer = await request;
      const frame = pageFrame.parse(answer.body);
      bytes += answer.bytes;
      last = frame.lastRev;
      after = frame.next ? `${frame.next.rev}:${frame.next.table}:${frame.next.id}` : undefined;
      const done =
        !after &&
        (!frame.more || rows.length + frame.rows.length >= MAX_ROWS_PER_REBASE || bytes >= MAX_BYTES_PER_REBASE);
      if (!done) request = ask();
      if (frame.authors) authors = { ...authors, ...frame.authors };
      for (const r of await parseRows(frame.rows)) rows.push(r);
      onPage(rows.length, done && !frame.more);
      if (done) return { rows, lastRev: last, more: frame.more, ...(authors ? { authors } : {}) };
    }
  }

  private headers(json: boolean): Record<string, string> {
    const h: Record<string, string> = {};
    if (json) h['content-type'] = 'application/json';
    if (this.opts.key) h.authorization = `Bearer ${this.opts.key}`;
    return h;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ body: unknown; bytes: number }> {
    let res: Response;
    const keySent = this.opts.key !== undefined;
    try {
      res = await this.fetch(`${this.opts.serverUrl}${API_PREFIX}${path}`, {
        method,
        headers: this.headers(body !== undefined),
        body: body === undefined ? undefined : body instanceof RawJson ? body.body() : JSON.stringify(body),
        signal: this.abort?.signal,
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(
        `the server ${this.opts.serverUrl} cannot be reached (${cause?.code ?? cause?.message ?? (e as Error).message})`,
        { cause: e },
      );
    }
    const text = await res.text();
    if (!res.ok) throw httpError(res.status, text, `${method} ${path.split('?')[0]}`, keySent);
    return { body: JSON.parse(text), bytes: text.length };
  }

  /** The event stream could not be opened: the connection as it says, and the next round probes first. */
  private eventsFailed(e: unknown): void {
    this.failing = true;
    const connection = connectionAfter(e);
    if (this.status.connection !== connection) this.set({ connection, lastError: (e as Error).message });
  }

  /**
   * The server's "changed at rev N" stream: wakes the loop when the server is ahead of this pane. A stream
   * that broke is opened again after a backoff; when that fails, the pane says so at once (an idle pane
   * makes no other request that would tell), and the loop's next round first asks whether the server is
   * back. When the stream opens again, the loop catches up, and says connected.
   */
  private async readEvents(): Promise<void> {
    let delay = this.opts.backoff.initialMs;
    while (!this.stopped) {
      let res: Response | undefined;
      const key = this.opts.key;
      const rounds = this.roundsDone;
      // A connection dropped without a close (a sleeping laptop, a proxy, a network gone) sends nothing
      // more: the stream is given up when even the keep-alive stops coming, and so is an answer that
      // does not come.
      const stream = new AbortController();
      let reader: ReadableStreamDefaultReader<string> | undefined;
      const stop = () => {
        stream.abort();
        reader?.cancel().catch(() => undefined);
      };
      this.abort?.signal.addEventListener('abort', stop, { once: true });
      let silence: ReturnType<typeof setTimeout> | undefined;
      const listen = (ms: number) => {
        clearTimeout(silence);
        silence = setTimeout(stop, ms);
      };
      try {
        const keySent = key !== undefined;
        listen(this.opts.eventsSilenceMs / 4);
        try {
          res = await this.fetch(`${this.opts.serverUrl}${API_PREFIX}/events`, {
            headers: this.headers(false),
            signal: stream.signal,
          });
        } catch (e) {
          throw new Error(`the server ${this.opts.serverUrl} cannot be reached (${(e as Error).message})`, {
            cause: e,
          });
        }
        if (!res.ok || !res.body) throw httpError(res.status, await res.text().catch(() => ''), 'GET /events', keySent);
        delay = this.opts.backoff.initialMs;
        if (this.status.connection !== 'connected') {
          // The server is back: catch up now rather than at the end of the backoff.
          this.dirty = true;
          this.wakeUp?.();
        }
        reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          listen(this.opts.eventsSilenceMs);
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(event)?.[1];
            if (!data) continue;
            const rev = Number((JSON.parse(data) as { rev?: unknown }).rev);
            if (Number.isFinite(rev) && rev > this.status.lastRev) {
              this.serverRev = Math.max(this.serverRev, rev);
              this.dirty = true;
              this.wakeUp?.();
            }
          }
        }
      } catch (e) {
        // The stream could not be opened: the server is away (or refuses the key), whatever the last round
        // said. A stream that broke once open is tried again first (a restarted server, a proxy's timeout).
        // Unless the key changed or a round reached the server meanwhile: they know better.
        if (!res?.ok && !this.stopped && key === this.opts.key && rounds === this.roundsDone) this.eventsFailed(e);
      } finally {
        clearTimeout(silence);
        this.abort?.signal.removeEventListener('abort', stop);
        stream.abort();
      }
      if (this.stopped) break;
      await sleep(delay, this.abort?.signal, (wake) => (this.wakeEvents = wake));
      this.wakeEvents = undefined;
      delay = Math.min(delay * 2, this.opts.backoff.maxMs);
    }
  }
}

/** Rows checked against the protocol between two hand-backs of the thread. */
const PARSE_SLICE = 500;
const pageFrame = z.extend(pullResponseSchema, { rows: z.array(z.unknown()) });

/**
 * A pulled page's rows checked against the protocol a slice at a time, with the thread handed back
 * between slices: checking 5,000 rows at once held the pane for hundreds of milliseconds.
 */
async function parseRows(raw: unknown[]): Promise<ServerRow[]> {
  const rows: ServerRow[] = new Array<ServerRow>(raw.length);
  for (let from = 0; from < raw.length; from += PARSE_SLICE) {
    if (from > 0) await macrotask();
    const to = Math.min(raw.length, from + PARSE_SLICE);
    for (let i = from; i < to; i++) rows[i] = serverRowSchema.parse(raw[i]);
  }
  return rows;
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `send` on each item, at most `width` at a time, and resolves with the answers in the items' order.
 * After a failure no more are started; those already sent are awaited, then the first failure is thrown.
 */
async function inOrder<T, R>(items: T[], width: number, send: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        out[i] = await send(items[i]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  if (failure) throw failure.error;
  return out;
}

/**
 * A body already serialised (packed in slices): sent as it is, as the Blob of the chunks encoded while
 * packing where there is one. Handing fetch a string of megabytes held the pane for 40-200 ms while
 * it was encoded and copied; a Blob of encoded chunks is built in a few milliseconds and fetch takes it
 * by reference.
 */
class RawJson {
  constructor(
    readonly head: string,
    readonly json: string,
    readonly tail: string,
    readonly blob?: Blob,
  ) {}
  body(): BodyInit {
    if (this.blob) return new Blob([this.head, this.blob, this.tail], { type: 'application/json' });
    return this.head + this.json + this.tail;
  }
}

/** An answer that is not OK, with the server's reason when it gave one. */
function httpError(status: number, text: string, what: string, keySent: boolean): HttpError {
  let reason = text;
  try {
    reason = (JSON.parse(text) as { reason?: string }).reason ?? text;
  } catch {
    // not JSON: keep the text
  }
  return new HttpError(status, `${what}: ${status} ${reason}`, keySent);
}

/** What a failed round says about the connection. */
function connectionAfter(e: unknown): Connection {
  if (e instanceof HttpError) {
    if (e.status === 401 || e.status === 403) return e.keySent ? 'refused' : 'noKey';
    if (e.status === 404 || e.status === 405 || e.status >= 500) return 'unavailable';
    return 'offline';
  }
  // An answer that is not the protocol (an HTML page, another JSON): not a sync server.
  if (e instanceof SyntaxError || e instanceof z.core.$ZodError) return 'unavailable';
  return 'offline';
}

/** Waits `ms`, or less when aborted or woken (`wakeWith` hears how to wake it). */
function sleep(ms: number, signal?: AbortSignal, wakeWith?: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
    wakeWith?.(done);
  });
}
