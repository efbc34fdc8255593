// What the full suite (`npm run test:all`) needs from the system, and how to get it.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const which = (cmd) => {
  try {
    return execSync(`command -v ${cmd}`, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return '';
  }
};

export function chromiumPath() {
  return (
    process.env.CHROMIUM_PATH ||
    (existsSync('/usr/bin/chromium')
      ? '/usr/bin/chromium'
      : which('chromium') || which('chromium-browser') || which('google-chrome'))
  );
}

export function sofficePath() {
  return process.env.SOFFICE_PATH || which('soffice') || which('libreoffice');
}

export function pgBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  for (const v of ['17', '16', '15', '14', '13'])
    if (existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) return `/usr/lib/postgresql/${v}/bin`;
  const initdb = which('initdb');
  return initdb ? initdb.replace(/\/initdb$/, '') : '';
}

export function systemRequirements() {
  return [
    {
      what: 'Chromium (browser tests)',
      present: Boolean(chromiumPath()),
      install: 'apt-get install -y chromium (or set CHROMIUM_PATH to a Chrome/Chromium binary)',
    },
    {
      what: 'LibreOffice Writer (document tests)',
      present: Boolean(sofficePath()),
      install: 'apt-get install -y libreoffice-writer-nogui (or set SOFFICE_PATH)',
    },
    {
      what: 'pdftoppm (document pictures)',
      present: Boolean(which('pdftoppm')),
      install: 'apt-get install -y poppler-utils',
    },
    {
      what: 'PostgreSQL server (team server tests)',
      present: Boolean(pgBinDir()),
      install: 'apt-get install -y postgresql (or set PG_BIN to the folder holding initdb and pg_ctl)',
    },
  ];
}
