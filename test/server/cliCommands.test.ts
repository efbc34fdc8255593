// The server's CLI as the README gives it (issues: `--help` started the server; the usage line always gave
// the tsx form, which a production install cannot run; "add them again with --admin" failed, there was no
// way to change a role).
import { lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { commandLine } from '../../src/server/cli';
import { addUser, listUsers, loadUsers, setRole } from '../../src/server/users';
import { call } from './fixtures';
import { cli, serverProcess } from './serverProcess';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const root = mkdtempSync(join(tmpdir(), 'segments-cli-commands-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The CLI in a folder of its own; a server it started by mistake would listen on a free port, not hang on 3000. */
function inFolder() {
  const folder = mkdtempSync(join(root, 'deploy-'));
  const env = {
    SEGMENTS_USERS_FILE: '',
    SEGMENTS_DATA_DIR: join(folder, 'data'),
    DATABASE_URL: '',
    PORT: '0',
    HOST: '',
  };
  return { folder, run: (...args: string[]) => cli(args, env, folder, 20_000) };
}

const commands = ['add-user', 'set-role', 'remove-user', 'rotate-key', 'list-users'];
const variables = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'SEGMENTS_DATA_DIR',
  'SEGMENTS_USERS_FILE',
  'SEGMENTS_TLS_CERT',
  'SEGMENTS_TLS_KEY',
  'SEGMENTS_BODY_CAP',
];

test('--help, -h and help print every command and the environment, exit 0 and start no server', () => {
  const { run } = inFolder();
  for (const flag of ['--help', '-h', 'help']) {
    const r = run(flag);
    expect(r.stderr, flag).toBe('');
    expect(r.status, flag).toBe(0);
    expect(r.stdout).not.toMatch(/Serving/);
    for (const c of commands)
      expect(r.stdout, `${flag}: ${c}`).toMatch(new RegExp(`^ {2}node .*main\\.ts ${c}\\b`, 'm'));
    expect(r.stdout).toMatch(/set-role <name> member\|admin/);
    for (const v of variables) expect(r.stdout, `${flag}: ${v}`).toMatch(new RegExp(`^ {2}${v}\\b`, 'm'));
    for (const o of ['--dist', '--dev', '--api-only', '--source-maps']) expect(r.stdout).toContain(o);
  }
}, 120_000);

test('an unknown option is an error with the usage, never a server start', () => {
  const { run } = inFolder();
  for (const args of [['--frobnicate'], ['--api-only', '--port=9'], ['add-user', 'anna', '--admn']]) {
    const r = run(...args);
    expect(r.status, args.join(' ')).toBe(2);
    expect(r.stdout).not.toMatch(/Serving/);
    expect(r.stderr).toMatch(new RegExp(`unknown option ${args[args.length - 1]}`));
    expect(r.stderr).toMatch(/usage: node /);
    expect(r.stderr).toMatch(/node .*main\.ts add-user <name> \[--admin\]/);
  }
  expect(run('list-users', 'anna')).toMatchObject({ status: 2, stderr: expect.stringMatching(/list-users takes no/) });
}, 120_000);

test('the usage names the command that runs where the CLI runs: the built server, or the source through tsx', () => {
  const deploy = '/srv/segments';
  expect(commandLine('/srv/segments/dist/server/main.js', deploy)).toBe('node dist/server/main.js');
  expect(commandLine('/home/dev/segments/src/server/main.ts', '/home/dev/segments')).toBe(
    'node --import tsx src/server/main.ts',
  );
  expect(commandLine('/opt/segments/dist/server/main.js', '/home/anna')).toBe('node /opt/segments/dist/server/main.js');
  expect(commandLine(undefined, deploy)).toBe('node dist/server/main.js');
  const { run } = inFolder();
  expect(run('rotate-key').stderr).toMatch(/^usage: node --import tsx \S*src\/server\/main\.ts rotate-key <name>$/m);
}, 120_000);

test('set-role changes a role in the users file, which stays private; the key keeps working', () => {
  const { folder, run } = inFolder();
  const file = join(folder, '.data', 'users.json');
  expect(run('add-user', 'anna', '--admin').status).toBe(0);
  const marco = run('add-user', 'marco');
  const key = /\n\n {2}(\S+)\n\n/.exec(marco.stdout)![1];

  const promoted = run('set-role', 'marco', 'admin');
  expect(promoted).toMatchObject({ status: 0, stderr: '' });
  expect(promoted.stdout).toMatch(/marco is now admin \(was member\) in .*users\.json/);
  expect(promoted.stdout).toMatch(/Restart the server/);
  expect(listUsers(file)).toEqual([
    { user: 'anna', role: 'admin' },
    { user: 'marco', role: 'admin' },
  ]);
  expect(loadUsers(file).userFor(key)).toBe('marco');
  expect((lstatSync(file).mode & 0o777).toString(8)).toBe('600');
  expect(readFileSync(file, 'utf8')).not.toContain(key);

  expect(run('set-role', 'anna', 'member').status).toBe(0);
  expect(run('list-users').stdout.trim().split('\n')).toEqual(['anna\tmember', 'marco\tadmin']);
  expect(run('set-role', 'marco', 'admin')).toMatchObject({
    status: 0,
    stdout: expect.stringMatching(/marco is already admin: nothing changed/),
  });

  expect(run('set-role', 'nobody', 'admin')).toMatchObject({
    status: 1,
    stderr: expect.stringMatching(/there is no user nobody/),
  });
  for (const bad of [['marco', 'boss'], ['marco', 'Admin'], ['marco']]) {
    const r = run('set-role', ...bad);
    expect(r.status, bad.join(' ')).toBe(2);
    expect(r.stderr).toMatch(/usage: .* set-role <name> member\|admin/);
    if (bad[1]) expect(r.stderr).toContain(`the role must be member or admin, got ${bad[1]}`);
  }
  expect(listUsers(file).map((u) => u.role)).toEqual(['member', 'admin']);
}, 120_000);

test('add-user on an existing user says how to change the role instead', () => {
  const { run } = inFolder();
  run('add-user', 'marco');
  expect(run('add-user', 'marco', '--admin')).toMatchObject({
    status: 1,
    stderr: expect.stringMatching(/user marco already exists: set-role marco admin changes their role/),
  });
}, 120_000);

test('setRole keeps the other entries as they are (a key given in clear stays, a role left out stays the default)', () => {
  const file = join(mkdtempSync(join(root, 'lib-')), 'users.json');
  writeFileSync(
    file,
    JSON.stringify({
      users: [
        { user: 'old', key: 'old-key-0123456789abcdef' },
        { user: 'x', keySha256: '0'.repeat(64) },
      ],
    }),
  );
  expect(setRole(file, 'x', 'admin')).toBe('member');
  const users = loadUsers(file);
  expect(users.userFor('old-key-0123456789abcdef')).toBe('old');
  expect(users.roleOf('old')).toBe('member');
  expect(users.roleOf('x')).toBe('admin');
  expect(() => setRole(file, 'ghost', 'admin')).toThrow(/there is no user ghost/);
  expect(() => addUser(file, 'old')).toThrow(/already exists/);
});

test('the server takes a changed role when it restarts, like every change to the users', async () => {
  const { folder, run } = inFolder();
  const file = join(folder, '.data', 'users.json');
  const key = /\n\n {2}(\S+)\n\n/.exec(run('add-user', 'marco').stdout)![1];
  const env = { SEGMENTS_USERS_FILE: file, SEGMENTS_DATA_DIR: join(folder, 'data'), HOST: '127.0.0.1' };
  const before = await serverProcess(env);
  try {
    expect((await call(before.url, '/status', { key })).body).toMatchObject({ user: 'marco', role: 'member' });
  } finally {
    await before.stop();
  }
  expect(run('set-role', 'marco', 'admin').status).toBe(0);
  const after = await serverProcess(env);
  try {
    expect((await call(after.url, '/status', { key })).body).toMatchObject({ user: 'marco', role: 'admin' });
  } finally {
    await after.stop();
  }
}, 120_000);
