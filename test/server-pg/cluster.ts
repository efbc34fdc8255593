// A throw-away PostgreSQL cluster on loopback for the tests: initdb in a temp folder, pg_ctl start and
// stop. As root, initdb refuses to run, so the cluster belongs to the `postgres` user.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { pgBinDir } from '../../scripts/system-requirements.mjs';

export interface Cluster {
  port: number;
  url(database?: string): string;
  start(): void;
  stop(): void;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): string;
  dropDatabase(name: string): void;
  destroy(): void;
  /**
   * CPU time (ms) the cluster's processes have used so far: the postmaster with the children it reaped,
   * and every backend and worker still running (Linux: /proc).
   */
  cpuMs(): number;
}

/** The fields of /proc/<pid>/stat after the command's closing parenthesis (state first); undefined when gone. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The kernel's clock ticks per second for /proc's times (100 on every Linux this runs on). */
const CLOCK_TICKS = 100;

/** utime + stime (+ the reaped children's, with `children`) of a process, in ms; 0 when it is gone. */
function processCpuMs(pid: number, children: boolean): number {
  const f = statFields(pid);
  if (!f) return 0;
  // stat's fields 14-17 (utime, stime, cutime, cstime) are 11-14 here, counted from the state (field 3).
  const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
  return (ticks * 1000) / CLOCK_TICKS;
}

/** The processes whose parent is `pid` (stat's field 4, the parent's id). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(statFields(name)?.[1]) === pid)
    .map(Number);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startCluster(): Promise<Cluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (or set PG_BIN)');
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'segments-pg-'));
  const data = join(dir, 'data');
  if (root) {
    const pw = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(pw), Number(gid));
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) =>
    execFileSync(root ? 'runuser' : join(bin, cmd), root ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args, {
      stdio: 'pipe',
    });
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const cluster: Cluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'log'),
        '-w',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`,
        'start',
      ]);
    },
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    createDatabase(name) {
      run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q', '-c', `create database ${name}`]);
      return cluster.url(name);
    },
    dropDatabase(name) {
      run('psql', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-q',
        '-c',
        `drop database if exists ${name} with (force)`,
      ]);
    },
    destroy() {
      try {
        cluster.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    cpuMs() {
      const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      let ms = processCpuMs(postmaster, true);
      for (const pid of childrenOf(postmaster)) ms += processCpuMs(pid, false);
      return ms;
    },
  };
  cluster.start();
  return cluster;
}
