// The sync API under /api/v1 (sync.md, "Protocol"): push, pull, the event stream and a status line.
// Every body is validated; bad input gets a 4xx with a reason and changes nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  API_PREFIX,
  describeIssues,
  EVENTS_HEARTBEAT_MS,
  parsePushRequest,
  SYNC_SCHEMA_VERSION,
} from '../domain/syncProtocol';
import { readHistory } from './history';
import { JsonScanner } from './jsonGuard';
import type { ChangeEvents } from './notify';
import type { Sql } from './sql';
import { BadRequest, type SyncService } from './syncService';
import type { Users } from './users';

export const DEFAULT_BODY_CAP = 4 * 1024 * 1024;

export interface ApiOptions {
  service: SyncService;
  users: Users;
  /** The largest request body accepted, in bytes; larger changesets travel in parts. */
  bodyCap?: number;
  storage: string;
  sql: Sql;
  /** Where the event stream hears of new revisions (notify.ts); the service's own by default. */
  events?: Pick<ChangeEvents, 'onChange'>;
}

/** A fault hook asks to play a crash: the connection is dropped without an answer. */
export class SimulatedCrash extends Error {}

export type ApiHandler = ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & { closeStreams(): void };

export function createApi(opts: ApiOptions): ApiHandler {
  const bodyCap = opts.bodyCap ?? DEFAULT_BODY_CAP;
  const streams = new Set<ServerResponse>();

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'https://localhost');
      const route = url.pathname.slice(API_PREFIX.length);
      checkOrigin(req);
      const user = authenticate(req, opts.users);
      if (route === '/push') {
        allow(req, 'POST');
        const body = await readJson(req, bodyCap);
        const parsed = parsePushRequest(body);
        if (!parsed.success) throw new BadRequest(`push body: ${describeIssues(parsed.error)}`);
        send(
          res,
          200,
          await opts.service.push(parsed.data, {
            userId: user,
            role: user === undefined ? undefined : opts.users.roleOf(user),
          }),
        );
      } else if (route === '/pull') {
        allow(req, 'GET');
        const since = intParam(url, 'since', 0);
        const limit = Math.min(intParam(url, 'limit', 50_000), 50_000);
        if (limit < 1) throw new BadRequest('limit must be at least 1');
        // Pages are cut by bytes under the body cap (a pane on Excel on the web reads at most ~5 MB at once).
        const maxBytes = Math.min(intParam(url, 'maxBytes', bodyCap), bodyCap);
        if (maxBytes < 1024) throw new BadRequest('maxBytes must be at least 1024');
        sendJson(
          res,
          200,
          await opts.service.pullJson(since, { limit, maxBytes, after: afterParam(url), skip: skipParam(url, since) }),
        );
      } else if (route === '/history') {
        allow(req, 'GET');
        send(res, 200, await readHistory(opts.sql, url.searchParams.get('table'), url.searchParams.get('id')));
      } else if (route === '/events') {
        allow(req, 'GET');
        await openStream(req, res);
      } else if (route === '/status') {
        allow(req, 'GET');
        send(res, 200, {
          schemaVersion: SYNC_SCHEMA_VERSION,
          lastRev: await opts.service.lastRev(),
          user: user ?? null,
          role: user === undefined ? null : (opts.users.roleOf(user) ?? null),
          storage: opts.storage,
          keysRequired: opts.users.required,
        });
      } else {
        throw new BadRequest(`no such API: ${req.method} ${url.pathname}`, 404);
      }
    } catch (e) {
      if (e instanceof SimulatedCrash) {
        req.socket.destroy();
        return;
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof BadRequest) send(res, e.status, { error: errorName(e.status), reason: e.message });
      else
        send(res, 503, {
          error: 'unavailable',
          reason: `the server could not complete the request: ${(e as Error).message}`,
        });
    }
  };

  async function openStream(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    const write = (rev: number) =>
      res.write(`data: ${JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, rev })}\n\n`);
    write(await opts.service.lastRev());
    streams.add(res);
    const off = (opts.events ?? opts.service).onChange(write);
    const beat = setInterval(() => res.write(': keep-alive\n\n'), EVENTS_HEARTBEAT_MS);
    const done = () => {
      clearInterval(beat);
      off();
      streams.delete(res);
    };
    req.on('close', done);
    res.on('close', done);
  }

  return Object.assign(handler, {
    closeStreams() {
      for (const s of streams) s.destroy();
      streams.clear();
    },
  });
}

function errorName(status: number): string {
  return (
    (
      {
        400: 'bad_request',
        401: 'unauthorized',
        403: 'forbidden',
        404: 'not_found',
        405: 'method_not_allowed',
        409: 'conflict',
        410: 'gone',
        413: 'too_large',
        415: 'unsupported_media_type',
        422: 'unprocessable',
      } as Record<number, string>
    )[status] ?? 'error'
  );
}

function send(res: ServerResponse, status: number, body: unknown) {
  sendJson(res, status, JSON.stringify(body));
}

/** A body that is JSON text already (a pull page, joined by the database). */
function sendJson(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function allow(req: IncomingMessage, method: string) {
  if (req.method !== method) throw new BadRequest(`${req.method} is not allowed here; use ${method}`, 405);
}

/** Only the add-in's own origin may call the API (the pane is served from this same origin). */
function checkOrigin(req: IncomingMessage) {
  const origin = req.headers.origin;
  if (!origin) return;
  if (origin === 'null') throw new BadRequest('origin null (a sandboxed frame or a file) may not call this API', 403);
  // HTTP/2 names the host in its :authority pseudo-header (a client may also send host).
  const host = req.headers.host ?? (req.headers[':authority'] as string | undefined);
  if (!host || origin !== `https://${host}`) throw new BadRequest(`origin ${origin} may not call this API`, 403);
}

/** The user from the personal key, when keys are configured; a missing or wrong key is refused. */
function authenticate(req: IncomingMessage, users: Users): string | undefined {
  if (!users.required) return undefined;
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new BadRequest('a personal key is required: send "Authorization: Bearer <key>"', 401);
  const user = users.userFor(m[1]);
  if (!user) throw new BadRequest("the key is not one of this server's keys", 401);
  return user;
}

function intParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,15}$/.test(raw))
    throw new BadRequest(`${name} must be a whole number ≥ 0, got ${JSON.stringify(raw.slice(0, 40))}`);
  return Number(raw);
}

/** `skip=<rev>,<rev>,…`: revisions after `since` that the pane pushed itself and holds already (at most 1,000). */
function skipParam(url: URL, since: number): number[] | undefined {
  const raw = url.searchParams.get('skip');
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,15}(,\d{1,15}){0,999}$/.test(raw))
    throw new BadRequest(
      `skip must list at most 1,000 revisions separated by commas, got ${JSON.stringify(raw.slice(0, 80))}`,
    );
  const revs = raw.split(',').map(Number);
  const early = revs.find((r) => r <= since);
  if (early !== undefined) throw new BadRequest(`skip=${early} must name a revision after since=${since}`);
  return revs;
}

/** `after=<rev>:<table>:<id>`: where a page that ended inside one changeset left off. */
function afterParam(url: URL): { rev: number; table: string; id: string } | undefined {
  const raw = url.searchParams.get('after');
  if (raw === null) return undefined;
  const m = /^(\d{1,15}):([A-Za-z]{1,40}):([A-Za-z0-9_-]{1,64})$/.exec(raw);
  if (!m) throw new BadRequest(`after must be <revision>:<table>:<id>, got ${JSON.stringify(raw.slice(0, 80))}`);
  return { rev: Number(m[1]), table: m[2], id: m[3] };
}

async function readJson(req: IncomingMessage, cap: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new BadRequest(`the body must be application/json, got ${JSON.stringify(type)}`, 415);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > cap) {
    req.resume();
    throw new BadRequest(`the body is ${declared} bytes, over the cap of ${cap}: send large changesets in parts`, 413);
  }
  const chunks: Buffer[] = [];
  const scanner = new JsonScanner();
  let size = 0;
  // Read with 'data' events, not an async iterator: leaving the iterator early destroys the socket, and
  // a client still uploading then gets a reset instead of the answer. After a refusal the rest of the
  // body is read and dropped (up to twice the cap; past that the connection is closed).
  await new Promise<void>((done, fail) => {
    let refused: BadRequest | undefined;
    const refuse = (e: BadRequest) => {
      refused = e;
      chunks.length = 0;
      fail(e);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > 2 * cap) req.destroy();
        return;
      }
      if (size > cap)
        return refuse(new BadRequest(`the body is over the cap of ${cap} bytes: send large changesets in parts`, 413));
      const broken = scanner.push(chunk);
      if (broken) return refuse(new BadRequest(broken));
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) done();
    });
    req.on('error', (e) => {
      if (!refused) fail(e);
    });
  });
  const body = Buffer.concat(chunks);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new BadRequest(`the body is not JSON: ${(e as Error).message}`);
  }
}
