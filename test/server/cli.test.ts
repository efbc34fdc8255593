// The server's CLI from a fresh checkout (issue: add-user crashed with ENOENT when .data did not exist yet,
// which is the PostgreSQL path; keys could only be removed by editing the file): add-user [--admin],
// list-users, rotate-key, remove-user, each creating .data as needed, the same with DATABASE_URL set.
import { lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startFailure } from '../../src/server/cli';
import { loadUsers } from '../../src/server/users';
import { cli } from './serverProcess';

const root = mkdtempSync(join(tmpdir(), 'segments-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const keyIn = (out: string) => /\n\n {2}(\S+)\n\n/.exec(out)?.[1] ?? '';

for (const [label, env] of [
  ['PGlite (no DATABASE_URL)', { DATABASE_URL: '' }],
  [
    'PostgreSQL (DATABASE_URL set; the users file is still local)',
    { DATABASE_URL: 'postgres://segments@127.0.0.1:1/segments' },
  ],
] as const) {
  test(`every command from a fresh checkout, ${label}`, () => {
    const checkout = mkdtempSync(join(root, 'checkout-'));
    const run = (...args: string[]) => cli(args, { SEGMENTS_USERS_FILE: '', ...env }, checkout);
    const file = join(checkout, '.data', 'users.json');

    const empty = run('list-users');
    expect(empty).toMatchObject({ status: 0, stderr: '' });
    expect(empty.stdout).toMatch(/No users in .*users\.json: the server answers on loopback only/);

    const anna = run('add-user', 'anna', '--admin');
    expect(anna.stderr).toBe('');
    expect(anna.status).toBe(0);
    expect(anna.stdout).toMatch(/User anna \(admin\) added to .*\.data\/users\.json/);
    const marco = run('add-user', 'marco');
    expect(marco.stdout).toMatch(/User marco \(member\) added/);
    expect((lstatSync(join(checkout, '.data')).mode & 0o777).toString(8)).toBe('700');
    expect((lstatSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(readFileSync(file, 'utf8')).not.toContain(keyIn(anna.stdout));

    expect(run('list-users').stdout.trim().split('\n')).toEqual(['anna\tadmin', 'marco\tmember']);
    let users = loadUsers(file);
    expect(users.userFor(keyIn(anna.stdout))).toBe('anna');
    expect(users.roleOf('anna')).toBe('admin');
    expect(users.roleOf('marco')).toBe('member');

    const rotated = run('rotate-key', 'marco');
    expect(rotated.status).toBe(0);
    users = loadUsers(file);
    expect(users.userFor(keyIn(marco.stdout))).toBeUndefined();
    expect(users.userFor(keyIn(rotated.stdout))).toBe('marco');

    expect(run('remove-user', 'marco')).toMatchObject({ status: 0 });
    expect(loadUsers(file).userFor(keyIn(rotated.stdout))).toBeUndefined();
    expect(run('list-users').stdout.trim()).toBe('anna\tadmin');

    expect(run('remove-user', 'nobody')).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/there is no user nobody/),
    });
    expect(run('add-user', 'anna')).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/user anna already exists/),
    });
    expect(run('add-user')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/usage: .* add-user <name> \[--admin\]/),
    });
    expect(run('frobnicate')).toMatchObject({ status: 2, stderr: expect.stringMatching(/unknown command frobnicate/) });
  }, 120_000);
}

test('a start that fails says why in words, also when the thrown value is no Error with a message', () => {
  // What the embedded database throws when its folder vanishes while it starts (seen: name and errno only).
  const errno = Object.assign(Object.create(null) as object, { name: 'ErrnoError', errno: 44 });
  expect(startFailure(errno, '/srv/segments/.data/pglite')).toBe(
    'the embedded database in /srv/segments/.data/pglite could not be opened (error 44: a file or folder is missing: was the folder removed while the server started?). Check that the folder exists, that the server may write to it, and that no other server uses it.',
  );
  expect(startFailure({ name: 'ErrnoError', errno: 7 }, undefined)).toMatch(
    /in its folder could not be opened \(error 7: a file system error\)/,
  );
  expect(startFailure(new Error('listen EADDRINUSE: address already in use :::3000'), undefined)).toBe(
    'listen EADDRINUSE: address already in use :::3000',
  );
  expect(startFailure(new TypeError(''), undefined)).toBe('TypeError');
  expect(startFailure({ code: 'X' }, undefined)).toBe('{"code":"X"}');
  expect(startFailure(undefined, undefined)).toBe('undefined');
});
