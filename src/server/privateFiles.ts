// The server's data is private to the user it runs as: folders 0700, files 0600. The process's umask
// covers what PGlite creates later; makePrivate fixes what is already there (a folder from before).
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Creates `dir` (and missing parents) private to this user. */
export function mkdirPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Folders 0700 and files 0600 under `dir`, `dir` included; symbolic links are left alone. */
export function makePrivate(dir: string): void {
  const st = lstatSync(dir, { throwIfNoEntry: false });
  if (!st || st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    if ((st.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) makePrivate(join(dir, name));
  } else if ((st.mode & 0o777) !== 0o600) {
    chmodSync(dir, 0o600);
  }
}

/** Files and folders this process creates from now on: no access for group and others. */
export function privateUmask(): void {
  process.umask(0o077);
}
