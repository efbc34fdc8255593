// `src/server/main.ts` as its own process, as `npm run server` starts it: for the tests that need the
// real process (locks, file modes, the CLI, several servers on one database).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the server and resolves once it serves; rejects with its output when it exits first. */
export function serverProcess(env: Record<string, string>, args: string[] = ['--api-only']): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((r) =>
    child.on('exit', (code, signal) => r(signal ?? code)),
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      // "Serving https://<name>:<port> (listening on …)": the tests call it on this machine.
      const m = /Serving https:\/\/(?:\[[^\]]*\]|[^:/\s]+):(\d+)/.exec(out);
      if (m)
        resolve({
          child,
          url: `https://localhost:${m[1]}`,
          exited,
          output: () => out,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      reject(Object.assign(new Error(`the server exited (${code}) before serving: ${out}`), { output: out, code })),
    );
  });
}

/** Runs the server's CLI (`npm run server -- <args>`) to the end. */
export function cli(
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  timeout = 60_000,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href,
      resolve('src/server/main.ts'),
      ...args,
    ],
    { env: { ...process.env, ...env }, cwd, encoding: 'utf8', timeout },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
