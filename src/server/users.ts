// The team's users and their personal keys. Without users the server answers loopback only; with them,
// every API call needs a key, and the user the server stamps on what it stores comes from the key.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const usersFileSchema = z.object({
  users: z.array(
    z
      .object({
        user: z.string().min(1).max(50),
        /** The key's SHA-256 (hex): the file never needs to hold the key itself. */
        keySha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
        key: z.string().min(16).optional(),
      })
      .refine((u) => Boolean(u.key) !== Boolean(u.keySha256), { error: 'give either key or keySha256' }),
  ),
});

export interface Users {
  /** True when keys are configured: every API call must carry one. */
  readonly required: boolean;
  /** The user a key belongs to, or undefined. */
  userFor(key: string): string | undefined;
}

const sha = (s: string) => createHash('sha256').update(s).digest();

export function makeUsers(list: { user: string; key?: string; keySha256?: string }[]): Users {
  const entries = list.map((u) => ({ user: u.user, hash: u.keySha256 ? Buffer.from(u.keySha256, 'hex') : sha(u.key!) }));
  return {
    required: entries.length > 0,
    userFor(key) {
      const h = sha(key);
      return entries.find((e) => timingSafeEqual(e.hash, h))?.user;
    },
  };
}

/** Reads the users file (SEGMENTS_USERS_FILE); a bad file stops the server with the reason. */
export function loadUsers(file: string | undefined): Users {
  if (!file || !existsSync(file)) return makeUsers([]);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`, { cause: e });
  }
  const parsed = usersFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return makeUsers(parsed.data.users);
}

/** Adds a user with a new random key to the users file and returns the key (shown once). */
export function addUser(file: string, user: string): string {
  const current = existsSync(file) ? usersFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : { users: [] };
  if (current.users.some((u) => u.user === user)) throw new Error(`${file}: user ${user} already exists`);
  const key = randomBytes(24).toString('base64url');
  current.users.push({ user, keySha256: sha(key).toString('hex') });
  writeFileSync(file, JSON.stringify(current, null, 2) + '\n', { mode: 0o600 });
  return key;
}
