// The add-in's one server: the task pane (webpack's dev middleware in development, the built files
// otherwise) and the sync API under /api/v1, on one HTTPS origin.
//
// HTTP/2, with HTTP/1.1 for clients that do not offer it: a pane starts with several scripts at once,
// and over HTTP/1.1 each of them waited for a connection of its own (a TLS handshake each) before it
// could arrive; over HTTP/2 they share the page's one connection. The sync API's event stream is one
// more stream on it, not one of the six connections a browser allows an origin.
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { isIPv6, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { API_PREFIX } from '../domain/syncProtocol';
import { createApi } from './api';
import { ensureHistory } from './history';
import { localEvents, postgresEvents } from './notify';
import { lockFolder, type FolderLock } from './lock';
import { migrate } from './migrations';
import { makePrivate, mkdirPrivate } from './privateFiles';
import { openSql, type Sql } from './sql';
import { contentSecurityPolicy, setSecurityHeaders } from './securityHeaders';
import { serveStatic } from './staticFiles';
import { SyncService, type FaultHooks } from './syncService';
import { makeUsers, type Users } from './users';

export type PaneSource = { kind: 'dist'; dir: string; sourceMaps?: boolean } | { kind: 'dev' } | { kind: 'none' };

export interface ServerOptions {
  port?: number;
  /** Loopback unless users and keys are configured. */
  host?: string;
  databaseUrl?: string;
  /** PGlite's data folder (ignored with databaseUrl); omitted = in memory. */
  dataDir?: string;
  users?: Users;
  bodyCap?: number;
  faults?: FaultHooks;
  pane?: PaneSource;
  /** `developer`: the localhost-only developer certificate (no SEGMENTS_TLS_CERT): warned about beyond loopback. */
  tls: { cert: string | Buffer; key: string | Buffer; developer?: boolean };
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  sql: Sql;
  service: SyncService;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const users = opts.users ?? makeUsers([]);
  const host = opts.host ?? (users.required ? '0.0.0.0' : '127.0.0.1');
  if (!users.required && !LOOPBACK.has(host)) {
    throw new Error(
      `refusing to listen on ${host} without keys: configure users and their keys (SEGMENTS_USERS_FILE) or listen on loopback`,
    );
  }
  // PGlite's folder belongs to one server at a time (two would each keep their own copy and lose writes).
  let lock: FolderLock | undefined;
  if (opts.dataDir && !opts.databaseUrl) {
    mkdirSync(dirname(opts.dataDir), { recursive: true, mode: 0o700 }); // a missing parent (.data) is created private
    lock = lockFolder(opts.dataDir);
  }
  let sql: Sql;
  try {
    if (lock) mkdirPrivate(opts.dataDir!);
    sql = await openSql({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
    await migrate(sql);
    await ensureHistory(sql);
    if (lock) makePrivate(opts.dataDir!);
  } catch (e) {
    lock?.release();
    throw e;
  }
  const service = new SyncService(sql, opts.faults);
  const storage = sql.kind === 'postgres' ? 'postgres' : opts.dataDir ? 'pglite' : 'pglite (memory)';
  const events = opts.databaseUrl ? await postgresEvents(opts.databaseUrl, service, opts.log) : localEvents(service);
  const api = createApi({ service, users, bodyCap: opts.bodyCap, storage, sql, events });
  const pane = await paneHandler(opts.pane ?? { kind: 'none' });

  const csp = contentSecurityPolicy({ dev: opts.pane?.kind === 'dev' });
  const server = createSecureServer(
    { cert: opts.tls.cert, key: opts.tls.key, allowHTTP1: true },
    (h2req: Http2ServerRequest | IncomingMessage, h2res: Http2ServerResponse | ServerResponse) => {
      // Node's compatibility objects answer as HTTP/1.1's do (headers, url, method, writeHead, write, end,
      // destroy on the stream), which is all the handlers use.
      const req = h2req as IncomingMessage;
      const res = h2res as ServerResponse;
      setSecurityHeaders(res, csp);
      const path = (req.url ?? '/').split('?')[0];
      if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) void api(req, res);
      else pane.handle(req, res);
    },
  );
  // Every connection (an HTTP/2 session, or an HTTP/1.1 client's socket), to close them all on close().
  const sessions = new Set<Http2Session>();
  const sockets = new Set<Socket>();
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
  } catch (e) {
    await pane.close();
    await events.close();
    await sql.close();
    lock?.release();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const url = `https://localhost:${port}`;
  for (const line of startupLines({ host, port, storage, keys: users.required, developer: opts.tls.developer }))
    opts.log?.(line);
  return {
    url,
    port,
    sql,
    service,
    async close() {
      api.closeStreams();
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      await pane.close();
      await events.close();
      await sql.close();
      lock?.release();
    },
  };
}

const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/**
 * What the server says when it starts: the address the team opens and where it listens (every interface,
 * named by this machine's host name, or one address), and a warning when the developer certificate, which
 * only localhost trusts, serves beyond loopback.
 */
export function startupLines(o: {
  host: string;
  port: number;
  storage: string;
  keys: boolean;
  developer?: boolean;
}): string[] {
  const everywhere = EVERY_INTERFACE.has(o.host);
  const name = everywhere ? hostname() : o.host === '127.0.0.1' ? 'localhost' : o.host;
  const where = everywhere
    ? `every interface, ${o.host}`
    : LOOPBACK.has(o.host)
      ? `${o.host}: this machine only`
      : `${o.host} only`;
  const lines = [
    `Serving https://${isIPv6(name) ? `[${name}]` : name}:${o.port} (listening on ${where}; API ${API_PREFIX}, storage ${o.storage}, ${o.keys ? 'keys required' : 'no keys'})`,
  ];
  if (o.developer && !LOOPBACK.has(o.host))
    lines.push(
      `Warning: this is the developer certificate, valid only for localhost: Office and browsers on other machines will not trust it. Give the machine's own certificate with SEGMENTS_TLS_CERT and SEGMENTS_TLS_KEY (README, "Team server").`,
    );
  return lines;
}

interface PaneHandler {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

async function paneHandler(source: PaneSource): Promise<PaneHandler> {
  if (source.kind === 'dist')
    return { handle: serveStatic(source.dir, { sourceMaps: source.sourceMaps }), close: async () => undefined };
  if (source.kind === 'none') {
    return {
      handle: (_req, res) =>
        res.writeHead(404, { 'content-type': 'text/plain' }).end('This server serves only the API.'),
      close: async () => undefined,
    };
  }
  // Development: webpack compiles the pane in memory and serves it as it changes.
  const [{ default: webpack }, { default: devMiddleware }, { default: makeConfig }] = await Promise.all([
    import('webpack'),
    import('webpack-dev-middleware'),
    // @ts-expect-error: the webpack configuration is plain JavaScript
    import('../../webpack.config.js'),
  ]);
  const config = await makeConfig({}, { mode: 'development' });
  const compiler = webpack(config);
  if (!compiler) throw new Error('webpack could not create a compiler');
  const middleware = devMiddleware(compiler, { publicPath: '/' });
  return {
    handle(req, res) {
      if (req.url === '/' || req.url?.startsWith('/?')) req.url = '/taskpane.html';
      middleware(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
    },
    close: () => new Promise<void>((r) => middleware.close(() => r())),
  };
}
