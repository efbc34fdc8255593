// The server's command line (src/server/main.ts): the commands that manage the team's users, the help, and
// the options that start the server. Nothing here starts the server: `parseCommandLine` says what to do.
import { isAbsolute, relative } from 'node:path';
import type { PaneSource } from './app';
import { addUser, listUsers, parseRole, removeUser, rotateKey, setRole } from './users';

/**
 * How to run this script from `cwd`, as the usage shows it: the built server (`node dist/server/main.js`,
 * what a production install runs) or the source through tsx (a developer checkout, dev dependencies).
 */
export function commandLine(script: string | undefined, cwd: string): string {
  const path = script ?? 'dist/server/main.js';
  const shown = isAbsolute(path) && !relative(cwd, path).startsWith('..') ? relative(cwd, path) : path;
  return `node ${/\.[cm]?ts$/.test(path) ? '--import tsx ' : ''}${shown}`;
}

interface Command {
  usage: string;
  what: string;
  /** The options it takes besides its arguments. */
  options: string[];
  /** How many arguments (names, roles) it needs. */
  arity: number;
  run(usersFile: string, args: string[], options: string[]): string;
}

const restart = 'Restart the server: it reads the users file when it starts.';

const commands: Record<string, Command> = {
  'add-user': {
    usage: 'add-user <name> [--admin]',
    what: "adds a user (a member, or an admin) and prints their personal key, once (the file keeps only the key's SHA-256)",
    options: ['--admin'],
    arity: 1,
    run(file, [name], options) {
      const role = options.includes('--admin') ? 'admin' : 'member';
      const key = addUser(file, name, role);
      return `User ${name} (${role}) added to ${file}. Their personal key (shown only now):\n\n  ${key}\n\n${restart} From then on every API call needs a key.`;
    },
  },
  'set-role': {
    usage: 'set-role <name> member|admin',
    what: "changes a user's role; their key stays",
    options: [],
    arity: 2,
    run(file, [name, roleText]) {
      const role = parseRole(roleText);
      const was = setRole(file, name, role);
      return was === role
        ? `${name} is already ${role}: nothing changed in ${file}.`
        : `${name} is now ${role} (was ${was}) in ${file}. ${restart}`;
    },
  },
  'rotate-key': {
    usage: 'rotate-key <name>',
    what: 'gives a user a new key, printed once; the old one stops working',
    options: [],
    arity: 1,
    run(file, [name]) {
      const key = rotateKey(file, name);
      return `New personal key for ${name} (shown only now):\n\n  ${key}\n\n${restart} The old key no longer works then.`;
    },
  },
  'remove-user': {
    usage: 'remove-user <name>',
    what: 'removes a user; their key stops working',
    options: [],
    arity: 1,
    run(file, [name]) {
      removeUser(file, name);
      return `User ${name} removed from ${file}. ${restart} Their key no longer works then.`;
    },
  },
  'list-users': {
    usage: 'list-users',
    what: 'the users and their roles (never their keys)',
    options: [],
    arity: 0,
    run(file) {
      const list = listUsers(file);
      return list.length
        ? list.map((u) => `${u.user}\t${u.role}`).join('\n')
        : `No users in ${file}: the server answers on loopback only, without keys.`;
    },
  },
};

const serverOptions: Record<string, string> = {
  '--dist': 'serve the built pane from dist/ (the default of dist/server/main.js)',
  '--dev': 'compile the pane on the fly (the default of src/server/main.ts; needs the dev dependencies)',
  '--api-only': 'serve only the API under /api/v1',
  '--source-maps': "serve the built pane's source maps too",
};

const environment: [string, string][] = [
  ['PORT', 'the HTTPS port (default 3000)'],
  ['HOST', 'the address to listen on (default 0.0.0.0, every interface, once users exist; else 127.0.0.1)'],
  ['DATABASE_URL', 'PostgreSQL 13+ (postgres://user:password@host/db); without it PGlite in SEGMENTS_DATA_DIR'],
  ['SEGMENTS_DATA_DIR', "PGlite's folder (default .data/pglite)"],
  ['SEGMENTS_USERS_FILE', 'the users file (default .data/users.json); the commands above change it'],
  ['SEGMENTS_TLS_CERT', "the server's certificate (PEM) for the name the team uses; with SEGMENTS_TLS_KEY"],
  ['SEGMENTS_TLS_KEY', 'its private key (PEM); without both, the developer certificate, trusted for localhost only'],
  ['SEGMENTS_BODY_CAP', 'the largest request body in bytes (default 4 MiB; larger changesets travel in parts)'],
];

const serveUsage = `[${Object.keys(serverOptions).slice(0, 3).join(' | ')}] [--source-maps]`;

/** The usage of every command, the server's options and the environment. */
export function helpText(self: string): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  return [
    "The add-in's server (Segments & Interactions) and its users.",
    '',
    'usage:',
    `  ${self} ${serveUsage}`,
    '      starts the server',
    ...Object.values(commands).flatMap((c) => [`  ${self} ${c.usage}`, `      ${c.what}`]),
    `  ${self} help | --help | -h`,
    '      this text',
    '',
    'After a change to the users, restart the server: it reads the users file when it starts.',
    '',
    'options (starting the server):',
    ...Object.entries(serverOptions).map(([o, what]) => `  ${pad(o, 15)}${what}`),
    '',
    'environment:',
    ...environment.map(([v, what]) => `  ${pad(v, 21)}${what}`),
  ].join('\n');
}

/** The usage in short, after an error. */
function shortUsage(self: string): string {
  const lines = [
    serveUsage,
    ...Object.values(commands).map((c) => c.usage),
    'help   (every option and environment variable)',
  ];
  return lines.map((l, i) => `${i ? '       ' : 'usage: '}${self} ${l}`).join('\n');
}

export type CommandLine =
  { kind: 'exit'; code: number; stdout?: string; stderr?: string } | { kind: 'serve'; pane: PaneSource };

/**
 * What the arguments ask for: a command's result (run here, against the users file), the help, an error
 * with the usage, or the server with its pane. `built` is the compiled server (dist/server/main.js).
 */
export function parseCommandLine(
  args: string[],
  ctx: { self: string; usersFile: string; built: boolean; distDir: string },
): CommandLine {
  const usage = (message: string, short = shortUsage(ctx.self)) => ({
    kind: 'exit' as const,
    code: 2,
    stderr: `${message}\n${short}`,
  });
  if (args[0] === 'help' || args.some((a) => a === '--help' || a === '-h'))
    return { kind: 'exit', code: 0, stdout: helpText(ctx.self) };
  const [first, ...rest] = args;
  const command = first !== undefined && !first.startsWith('-') ? commands[first] : undefined;
  if (first !== undefined && !first.startsWith('-') && !command) return usage(`unknown command ${first}`);
  if (command) {
    const options = rest.filter((a) => a.startsWith('-'));
    const names = rest.filter((a) => !a.startsWith('-'));
    const unknown = options.find((o) => !command.options.includes(o));
    if (unknown) return usage(`unknown option ${unknown} for ${first}`, `usage: ${ctx.self} ${command.usage}`);
    if (names.length > command.arity)
      return usage(
        command.arity
          ? `${first} takes ${command.arity === 1 ? 'one name' : 'a name and a role'}, got ${names.join(' ')}`
          : `${first} takes no name, got ${names.join(' ')}`,
      );
    const own = `usage: ${ctx.self} ${command.usage}`;
    if (names.length < command.arity)
      return usage(`${first} needs ${command.usage.split(' ').slice(1).join(' ')}`, own);
    if (first === 'set-role') {
      try {
        parseRole(names[1]);
      } catch (e) {
        return usage((e as Error).message, own);
      }
    }
    try {
      return { kind: 'exit', code: 0, stdout: command.run(ctx.usersFile, names, options) };
    } catch (e) {
      return { kind: 'exit', code: 1, stderr: (e as Error).message };
    }
  }
  const unknown = args.find((a) => !(a in serverOptions));
  if (unknown) return usage(`unknown option ${unknown}`);
  const panes = args.filter((a) => a !== '--source-maps');
  if (panes.length > 1) return usage(`choose one of ${panes.join(', ')}`);
  const pane: PaneSource = args.includes('--api-only')
    ? { kind: 'none' }
    : args.includes('--dist') || (ctx.built && !args.includes('--dev'))
      ? { kind: 'dist', dir: ctx.distDir, sourceMaps: args.includes('--source-maps') }
      : { kind: 'dev' };
  return { kind: 'serve', pane };
}

/** Error numbers of the embedded database's file system (Emscripten's), by name. */
const FILE_ERRORS: Record<number, string> = {
  2: 'permission denied',
  20: 'a file is in the way',
  44: 'a file or folder is missing: was the folder removed while the server started?',
  51: 'the disk is full',
  54: 'a path that should be a folder is a file',
  69: 'the file system is read-only',
};

/**
 * Why the server did not start, in words: the embedded database's file errors carry only a number (no
 * message), and a thrown value may not be an Error at all.
 */
export function startFailure(e: unknown, dataDir: string | undefined): string {
  const o = (typeof e === 'object' && e !== null ? e : {}) as { name?: unknown; errno?: unknown; message?: unknown };
  if (o.name === 'ErrnoError' && typeof o.errno === 'number') {
    const what = FILE_ERRORS[o.errno] ?? 'a file system error';
    return `the embedded database in ${dataDir ?? 'its folder'} could not be opened (error ${o.errno}: ${what}). Check that the folder exists, that the server may write to it, and that no other server uses it.`;
  }
  if (typeof o.message === 'string' && o.message !== '') return o.message;
  if (e instanceof Error) return e.name;
  return typeof e === 'object' && e !== null ? JSON.stringify(e) : String(e);
}
