// The team's users, their roles and their personal keys. Without users the server answers loopback only
// and everything is allowed; with them, every API call needs a key, the user the server stamps on what it
// stores comes from the key, and the user's role decides what they may change (roles.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import '../domain/zodMessages';

export const userRoles = ['member', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

const userEntrySchema = z
  .object({
    user: z.string().check(z.minLength(1), z.maxLength(50)),
    /** member (the default) or admin. */
    role: z.optional(z.enum(userRoles)),
    /** The key's SHA-256 (hex): the file never needs to hold the key itself. */
    keySha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    key: z.optional(z.string().check(z.minLength(16))),
  })
  .check(z.refine((u) => Boolean(u.key) !== Boolean(u.keySha256), { error: 'give either key or keySha256' }));
const usersFileSchema = z.object({ users: z.array(userEntrySchema) });
type UsersFile = z.infer<typeof usersFileSchema>;

export interface Users {
  /** True when keys are configured: every API call must carry one. */
  readonly required: boolean;
  /** The user a key belongs to, or undefined. */
  userFor(key: string): string | undefined;
  /** The user's role; undefined for an unknown user. */
  roleOf(user: string): UserRole | undefined;
}

const sha = (s: string) => createHash('sha256').update(s).digest();

export function makeUsers(list: { user: string; role?: UserRole; key?: string; keySha256?: string }[]): Users {
  const entries = list.map((u) => ({
    user: u.user,
    role: u.role ?? 'member',
    hash: u.keySha256 ? Buffer.from(u.keySha256, 'hex') : sha(u.key!),
  }));
  return {
    required: entries.length > 0,
    userFor(key) {
      const h = sha(key);
      return entries.find((e) => timingSafeEqual(e.hash, h))?.user;
    },
    roleOf(user) {
      return entries.find((e) => e.user === user)?.role;
    },
  };
}

function readFile(file: string): UsersFile {
  if (!existsSync(file)) return { users: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`, { cause: e });
  }
  const parsed = usersFileSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Writes the file whole (a temporary file renamed over it), private to this user, its folder created. */
function writeFile(file: string, data: UsersFile) {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/** Reads the users file (SEGMENTS_USERS_FILE); a bad file stops the server with the reason. */
export function loadUsers(file: string | undefined): Users {
  if (!file) return makeUsers([]);
  return makeUsers(readFile(file).users);
}

const newKey = () => randomBytes(24).toString('base64url');

function checkName(file: string, user: string) {
  const r = userEntrySchema.safeParse({ user, keySha256: '0'.repeat(64) });
  if (!r.success || user.trim() !== user)
    throw new Error(
      `${file}: the user name must be 1 to 50 characters without spaces around it, got ${JSON.stringify(user)}`,
    );
}

/** Adds a user with a new random key to the users file and returns the key (shown once). */
export function addUser(file: string, user: string, role: UserRole = 'member'): string {
  checkName(file, user);
  const current = readFile(file);
  if (current.users.some((u) => u.user === user))
    throw new Error(
      `${file}: user ${user} already exists: set-role ${user} ${role} changes their role, rotate-key ${user} gives them a new key`,
    );
  const key = newKey();
  current.users.push({ user, role, keySha256: sha(key).toString('hex') });
  writeFile(file, current);
  return key;
}

/** A role as typed on the command line; an error naming the roles otherwise. */
export function parseRole(text: string | undefined): UserRole {
  const r = z.enum(userRoles).safeParse(text);
  if (!r.success) throw new Error(`the role must be ${userRoles.join(' or ')}, got ${text ?? 'nothing'}`);
  return r.data;
}

/** Changes a user's role (their key stays) and returns the role they had; the server takes it when it restarts. */
export function setRole(file: string, user: string, role: UserRole): UserRole {
  const current = readFile(file);
  const entry = current.users.find((u) => u.user === user);
  if (!entry) throw new Error(`${file}: there is no user ${user}`);
  const was = entry.role ?? 'member';
  if (was !== role) {
    entry.role = role;
    writeFile(file, current);
  }
  return was;
}

/** Removes a user: their key stops working when the server restarts. */
export function removeUser(file: string, user: string): void {
  const current = readFile(file);
  if (!current.users.some((u) => u.user === user)) throw new Error(`${file}: there is no user ${user}`);
  writeFile(file, { users: current.users.filter((u) => u.user !== user) });
}

/** Gives a user a new key (returned, shown once); the old one stops working when the server restarts. */
export function rotateKey(file: string, user: string): string {
  const current = readFile(file);
  const entry = current.users.find((u) => u.user === user);
  if (!entry) throw new Error(`${file}: there is no user ${user}`);
  const key = newKey();
  delete entry.key;
  entry.keySha256 = sha(key).toString('hex');
  writeFile(file, current);
  return key;
}

/** The users and their roles (never their keys). */
export function listUsers(file: string): { user: string; role: UserRole }[] {
  return readFile(file).users.map((u) => ({ user: u.user, role: u.role ?? 'member' }));
}
