// `npm start` / `npm run dev-server` / `npm run serve`: the add-in's server, configured from the
// environment (README, "Team server"), and its CLI (cli.ts): add-user, set-role, rotate-key, remove-user,
// list-users, help. Built, it is dist/server/main.js, which a production install runs without tsx.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { httpsOptions } from '../../scripts/certs.mjs';
import { SimulatedCrash } from './api';
import { startServer } from './app';
import { commandLine, parseCommandLine, startFailure } from './cli';
import type { FaultHooks } from './syncService';
import { privateUmask } from './privateFiles';
import { loadUsers } from './users';

// Everything the server writes (database files, the users file, lock files) is private to its user.
privateUmask();
const env = process.env;
const usersFile = resolve(env.SEGMENTS_USERS_FILE || '.data/users.json');

// The built server (dist/server/main.js, `npm run build`) serves the built pane by default.
const cli = parseCommandLine(process.argv.slice(2), {
  self: commandLine(process.argv[1], process.cwd()),
  usersFile,
  built: process.env.SEGMENTS_SERVER_BUILD === 'dist',
  distDir: resolve('dist'),
});
if (cli.kind === 'exit') {
  if (cli.stdout) console.log(cli.stdout);
  if (cli.stderr) console.error(cli.stderr);
  process.exit(cli.code);
}

/** SEGMENTS_FAULT=before-commit:N or after-commit:N ends the process at the Nth changeset (fault tests). */
function faultsFromEnv(spec: string | undefined): FaultHooks {
  if (!spec) return {};
  const m = /^(before|after)-commit:(\d+)$/.exec(spec);
  if (!m) throw new Error(`SEGMENTS_FAULT must be before-commit:N or after-commit:N, got ${spec}`);
  let count = 0;
  const hit = () => {
    if (++count === Number(m[2])) {
      console.error(`fault: the server stops ${m[1]} committing changeset ${count}`);
      process.kill(process.pid, 'SIGKILL');
      throw new SimulatedCrash('killed');
    }
  };
  return m[1] === 'before' ? { beforeCommit: hit } : { afterCommit: hit };
}

/** The team's certificate, or else the developer one for localhost (app.ts warns beyond loopback). */
async function tls() {
  const { SEGMENTS_TLS_CERT: cert, SEGMENTS_TLS_KEY: key } = env;
  if (cert && key) return { cert: readFileSync(cert), key: readFileSync(key), developer: false };
  if (cert || key) throw new Error('give both SEGMENTS_TLS_CERT and SEGMENTS_TLS_KEY (the certificate and its key)');
  try {
    const o = await httpsOptions();
    return { cert: o.cert, key: o.key, developer: true };
  } catch (e) {
    throw new Error(
      `no certificate: give SEGMENTS_TLS_CERT and SEGMENTS_TLS_KEY (the developer certificate could not be made: ${(e as Error).message})`,
      { cause: e },
    );
  }
}

const dataDir = env.DATABASE_URL ? undefined : resolve(env.SEGMENTS_DATA_DIR ?? '.data/pglite');
try {
  const server = await startServer({
    port: Number(env.PORT ?? 3000),
    host: env.HOST || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: dataDir ?? resolve(env.SEGMENTS_DATA_DIR ?? '.data/pglite'),
    users: loadUsers(usersFile),
    bodyCap: env.SEGMENTS_BODY_CAP ? Number(env.SEGMENTS_BODY_CAP) : undefined,
    faults: faultsFromEnv(env.SEGMENTS_FAULT),
    pane: cli.pane,
    tls: await tls(),
    log: (line) => console.log(line),
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(`The server did not start: ${startFailure(e, dataDir)}`);
  process.exit(1);
}
