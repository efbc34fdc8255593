// One server per PGlite data folder: the server that opens the folder holds a lock file beside it
// (`<folder>.lock`, created with O_EXCL, holding its process id). A second server on the same folder is
// refused with the folder and the holder's process id; a lock left by a killed server (its process gone)
// is taken over, under a short take-over lock so that two servers starting at once cannot both take it.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class FolderLocked extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `the data folder ${folder} is in use by another server (process ${pid}); stop that server first, or give this one its own SEGMENTS_DATA_DIR`,
    );
  }
}

export interface FolderLock {
  readonly file: string;
  release(): void;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Creates `file` exclusively with our pid; false when it exists. */
function create(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function removeIfHeldBy(file: string, pid: number | undefined) {
  if (holder(file) === pid) {
    try {
      unlinkSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** Locks `folder` for this process, or throws FolderLocked naming the holder. */
export function lockFolder(folder: string): FolderLock {
  const file = `${folder}.lock`;
  const lock: FolderLock = { file, release: () => removeIfHeldBy(file, process.pid) };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (create(file)) return lock;
    const pid = holder(file);
    if (pid === undefined) continue; // released meanwhile: try again
    if (pid === process.pid) throw new FolderLocked(folder, pid);
    if (alive(pid)) throw new FolderLocked(folder, pid);
    // Stale: take it over under the take-over lock, checking again that it is still the same stale lock.
    const takeover = `${file}.takeover`;
    if (!create(takeover)) {
      const other = holder(takeover);
      if (other !== undefined && !alive(other)) removeIfHeldBy(takeover, other);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    try {
      if (holder(file) === pid) unlinkSync(file);
      if (create(file)) return lock;
    } finally {
      removeIfHeldBy(takeover, process.pid);
    }
  }
  const pid = holder(file);
  throw new FolderLocked(folder, pid ?? 0);
}
