// `npm start` / `npm run dev-server` / `npm run server`: the add-in's server, configured from the
// environment (README, "Team server"), and its CLI: add-user, remove-user, rotate-key, list-users.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { httpsOptions } from '../../scripts/certs.mjs';
import { SimulatedCrash } from './api';
import { startServer, type PaneSource } from './app';
import type { FaultHooks } from './syncService';
import { privateUmask } from './privateFiles';
import { addUser, listUsers, loadUsers, removeUser, rotateKey } from './users';

// Everything the server writes (database files, the users file, lock files) is private to its user.
privateUmask();
const env = process.env;
const usersFile = resolve(env.SEGMENTS_USERS_FILE || '.data/users.json');
const args = process.argv.slice(2);

const commands: Record<string, { usage: string; run(name: string): string }> = {
  'add-user': {
    usage: 'add-user <name> [--admin]',
    run(name) {
      const role = args.includes('--admin') ? 'admin' : 'member';
      const key = addUser(usersFile, name, role);
      return `User ${name} (${role}) added to ${usersFile}. Their personal key (shown only now):\n\n  ${key}\n\nRestart the server: from now on every API call needs a key.`;
    },
  },
  'remove-user': {
    usage: 'remove-user <name>',
    run(name) {
      removeUser(usersFile, name);
      return `User ${name} removed from ${usersFile}. Restart the server: their key no longer works.`;
    },
  },
  'rotate-key': {
    usage: 'rotate-key <name>',
    run(name) {
      const key = rotateKey(usersFile, name);
      return `New personal key for ${name} (shown only now):\n\n  ${key}\n\nRestart the server: the old key no longer works.`;
    },
  },
  'list-users': {
    usage: 'list-users',
    run() {
      const list = listUsers(usersFile);
      return list.length
        ? list.map((u) => `${u.user}\t${u.role}`).join('\n')
        : `No users in ${usersFile}: the server answers on loopback only, without keys.`;
    },
  },
};

const command = args[0] !== undefined ? commands[args[0]] : undefined;
if (command) {
  const name = args.slice(1).find((a) => !a.startsWith('--'));
  if (args[0] !== 'list-users' && !name) {
    console.error(`usage: node --import tsx src/server/main.ts ${command.usage}`);
    process.exit(2);
  }
  try {
    console.log(command.run(name ?? ''));
    process.exit(0);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
} else if (args[0] !== undefined && !args[0].startsWith('--')) {
  console.error(
    `unknown command ${args[0]}; the commands are: ${Object.values(commands)
      .map((c) => c.usage)
      .join(', ')}`,
  );
  process.exit(2);
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

async function tls() {
  if (env.SEGMENTS_TLS_CERT && env.SEGMENTS_TLS_KEY)
    return { cert: readFileSync(env.SEGMENTS_TLS_CERT), key: readFileSync(env.SEGMENTS_TLS_KEY) };
  const o = await httpsOptions();
  return { cert: o.cert, key: o.key };
}

// The built server (dist/server/main.js, `npm run build`) serves the built pane by default.
const built = process.env.SEGMENTS_SERVER_BUILD === 'dist' && !args.includes('--dev');
const pane: PaneSource =
  args.includes('--dist') || built
    ? { kind: 'dist', dir: resolve('dist'), sourceMaps: args.includes('--source-maps') }
    : args.includes('--api-only')
      ? { kind: 'none' }
      : { kind: 'dev' };

try {
  const server = await startServer({
    port: Number(env.PORT ?? 3000),
    host: env.HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.SEGMENTS_DATA_DIR ?? '.data/pglite'),
    users: loadUsers(usersFile),
    bodyCap: env.SEGMENTS_BODY_CAP ? Number(env.SEGMENTS_BODY_CAP) : undefined,
    faults: faultsFromEnv(env.SEGMENTS_FAULT),
    pane,
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
  console.error(`The server did not start: ${(e as Error).message}`);
  process.exit(1);
}
