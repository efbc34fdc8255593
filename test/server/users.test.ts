// The team's users file: keys are stored only as their SHA-256, and a bad file stops the server with why.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { addUser, loadUsers } from '../../src/server/users';

const dir = mkdtempSync(join(tmpdir(), 'segments-users-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('add-user prints a new key once; the file keeps only its hash, and the key names its user', () => {
  const file = join(dir, 'users.json');
  expect(loadUsers(file).required).toBe(false);
  const anna = addUser(file, 'anna');
  const marco = addUser(file, 'marco');
  expect(anna).not.toBe(marco);
  expect(readFileSync(file, 'utf8')).not.toContain(anna);
  const users = loadUsers(file);
  expect(users.required).toBe(true);
  expect(users.userFor(anna)).toBe('anna');
  expect(users.userFor(marco)).toBe('marco');
  expect(users.userFor(`${anna}x`)).toBeUndefined();
  expect(() => addUser(file, 'anna')).toThrow(/user anna already exists/);
});

test('a users file that is not JSON or has a bad entry is refused with the file and the field', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{ users: [');
  expect(() => loadUsers(bad)).toThrow(/bad\.json: not JSON/);
  writeFileSync(bad, JSON.stringify({ users: [{ user: 'x', keySha256: 'short' }] }));
  expect(() => loadUsers(bad)).toThrow(/bad\.json: users\.0\.keySha256/);
});
