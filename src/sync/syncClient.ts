// The pane's sync loop (sync.md): one per database, under navigator.locks when the browser has them.
// Each round pushes the pending changesets in order, pulls what changed, and rebases; the event stream
// (read with fetch, so it can carry the key) wakes the loop when another pane changed something.
// Network failures back off; the pane keeps working offline and catches up when the server is back.
import { API_PREFIX, pullResponseSchema, pushResponseSchema, SYNC_SCHEMA_VERSION, type PushResult, type ServerRow } from '../domain/syncProtocol';
import type { PendingChangeset, RebaseReport, SyncPort } from '../store/syncPort';
import { packChangesets } from './packing';

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
  pageSize?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** Read the server's event stream (default true). */
  events?: boolean;
  now?: () => Date;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_ROWS_PER_REBASE = 50_000;
/** Answers that refuse a changeset's content (not the caller, not the moment): retrying cannot help. */
const REFUSED_CHANGESET = new Set([400, 409, 413, 415, 422]);

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
  /** The last round failed: the next one first asks the server cheaply whether it is back. */
  private failing = false;
  private readonly fetch: typeof fetch;
  private readonly opts: Required<Pick<SyncClientOptions, 'bodyCap' | 'maxChangesetsPerPush' | 'pageSize' | 'backoff'>> & SyncClientOptions;

  constructor(options: SyncClientOptions) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as SyncClientOptions;
    this.opts = { bodyCap: 4 * 1024 * 1024, maxChangesetsPerPush: 100, pageSize: 5000, backoff: { initialMs: 500, maxMs: 30_000 }, ...given };
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
    const locks = this.opts.locks === undefined ? (globalThis.navigator as Navigator | undefined)?.locks : this.opts.locks;
    const loop = () => this.loop();
    this.loops = [locks ? locks.request(this.opts.lockName ?? 'segments-sync', { signal: this.abort.signal }, loop).catch(() => undefined) : loop()];
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
    this.notifyLocalChange();
  }

  /** Forgets the renumbering notices the user has seen. */
  clearRenumbered(): void {
    this.set({ renumbered: [] });
  }

  private set(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }

  private async refreshStatus() {
    const port = this.opts.port;
    this.set({ pending: await port.pendingCount(), lastRev: await port.cursor(), failed: await port.failed() });
  }

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
      const conflict = await this.pushAll();
      let report: RebaseReport | undefined;
      for (;;) {
        const cursor = await port.cursor();
        const { rows, lastRev, more } = await this.pullFrom(cursor);
        const drop = conflict && !report && lastRev === cursor ? { id: conflict.id, code: 'CONFLICT', message: conflict.reason } : undefined;
        if (rows.length || drop || (conflict && !report)) {
          report = await port.rebase(rows, lastRev, drop);
          if (report.renumbered.length) this.set({ renumbered: [...this.status.renumbered, ...report.renumbered] });
        }
        if (!more) break;
      }
      this.set({ connection: 'connected', lastError: undefined, lastSyncAt: (this.opts.now?.() ?? new Date()).toISOString() });
      await this.refreshStatus();
      if (!conflict) return;
      if (attempt >= 20) throw new Error(`changeset ${conflict.id} keeps conflicting: ${conflict.reason}`);
    }
  }

  /** Pushes pending changesets in order until none is left or one conflicts. */
  private async pushAll(): Promise<Extract<PushResult, { status: 'conflict' }> | undefined> {
    const port = this.opts.port;
    const clientId = await port.clientId();
    let single = false;
    for (;;) {
      const batch = await port.pending(single ? 1 : this.opts.maxChangesetsPerPush);
      if (batch.length === 0) return undefined;
      try {
        const conflict = await this.pushBatch(batch, clientId);
        if (conflict) return conflict;
        single = false;
      } catch (e) {
        if (!(e instanceof HttpError) || !REFUSED_CHANGESET.has(e.status)) throw e;
        // The server refuses something in this batch for good: find which changeset, alone, and set it
        // aside as a failed action (the user sees why), so the others still go.
        if (batch.length > 1) {
          single = true;
          continue;
        }
        const report = await port.rebase([], await port.cursor(), { id: batch[0].id, code: 'INVALID_INPUT', message: e.message });
        if (report.renumbered.length) this.set({ renumbered: [...this.status.renumbered, ...report.renumbered] });
        single = false;
      }
      this.set({ pending: await port.pendingCount() });
    }
  }

  private async pushBatch(batch: PendingChangeset[], clientId: string): Promise<Extract<PushResult, { status: 'conflict' }> | undefined> {
    const port = this.opts.port;
    let bodies: ReturnType<typeof packChangesets>;
    try {
      bodies = packChangesets(batch, this.opts.bodyCap);
    } catch (e) {
      throw new HttpError(413, (e as Error).message);
    }
    // One push per batch (its base revisions hold only until it is acknowledged), or every part of one
    // changeset larger than the cap.
    for (const changesets of bodies[0][0].part ? bodies.filter((b) => b[0].part && b[0].id === bodies[0][0].id) : bodies.slice(0, 1)) {
      const body = { schemaVersion: SYNC_SCHEMA_VERSION, clientId, changesets };
      const reply = pushResponseSchema.parse(await this.call('POST', '/push', body));
      this.serverRev = Math.max(this.serverRev, reply.lastRev);
      for (const r of reply.results) {
        if (r.status === 'applied' || r.status === 'duplicate') await port.acknowledge(r.id, r.rev);
        else if (r.status === 'conflict') return r;
        // Refused for good (a role's rule): set aside as a failed action with the reason, as a 4xx is.
        else if (r.status === 'refused') throw new HttpError(422, r.reason);
      }
    }
    return undefined;
  }

  /** One row at most from where this pane is: throws as a round would when the server is away or refuses. */
  private async probe(): Promise<void> {
    pullResponseSchema.parse(await this.call('GET', `/pull?since=${await this.opts.port.cursor()}&limit=1`));
  }

  /** Pulls pages from `since` until the end or until enough rows for one rebase. */
  private async pullFrom(since: number): Promise<{ rows: ServerRow[]; lastRev: number; more: boolean }> {
    const rows: ServerRow[] = [];
    let last = since;
    for (;;) {
      const page = pullResponseSchema.parse(await this.call('GET', `/pull?since=${last}&limit=${this.opts.pageSize}`));
      rows.push(...page.rows);
      last = page.lastRev;
      if (!page.more || rows.length >= MAX_ROWS_PER_REBASE) return { rows, lastRev: last, more: page.more };
    }
  }

  private headers(json: boolean): Record<string, string> {
    const h: Record<string, string> = {};
    if (json) h['content-type'] = 'application/json';
    if (this.opts.key) h.authorization = `Bearer ${this.opts.key}`;
    return h;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await this.fetch(`${this.opts.serverUrl}${API_PREFIX}${path}`, {
        method,
        headers: this.headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: this.abort?.signal,
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`the server ${this.opts.serverUrl} cannot be reached (${cause?.code ?? cause?.message ?? (e as Error).message})`, { cause: e });
    }
    const text = await res.text();
    if (!res.ok) {
      let reason = text;
      try {
        reason = (JSON.parse(text) as { reason?: string }).reason ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new HttpError(res.status, `${method} ${path.split('?')[0]}: ${res.status} ${reason}`);
    }
    return JSON.parse(text);
  }

  /** The server's "changed at rev N" stream: wakes the loop when the server is ahead of this pane. */
  private async readEvents(): Promise<void> {
    let delay = this.opts.backoff.initialMs;
    while (!this.stopped) {
      try {
        const res = await this.fetch(`${this.opts.serverUrl}${API_PREFIX}/events`, { headers: this.headers(false), signal: this.abort?.signal });
        if (!res.ok || !res.body) throw new HttpError(res.status, `events: ${res.status}`);
        delay = this.opts.backoff.initialMs;
        if (this.status.connection !== 'connected') {
          // The server is back: catch up now rather than at the end of the backoff.
          this.dirty = true;
          this.wakeUp?.();
        }
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
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
      } catch {
        // The stream broke (offline, server restarted): the loop's own backoff handles the rest.
      }
      if (this.stopped) break;
      await sleep(delay, this.abort?.signal);
      delay = Math.min(delay * 2, this.opts.backoff.maxMs);
    }
  }
}

/** What a failed round says about the connection. */
function connectionAfter(e: unknown): Connection {
  if (e instanceof HttpError) {
    if (e.status === 401 || e.status === 403) return 'refused';
    if (e.status === 404 || e.status === 405 || e.status >= 500) return 'unavailable';
    return 'offline';
  }
  // An answer that is not the protocol (an HTML page, another JSON): not a sync server.
  if (e instanceof SyntaxError || (e as { name?: string } | undefined)?.name === 'ZodError') return 'unavailable';
  return 'offline';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
