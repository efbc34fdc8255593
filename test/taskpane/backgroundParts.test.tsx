// @vitest-environment jsdom
// Once the pane is interactive and idle it fetches the code of every page (the registry's pages, the host
// pages, the question dialog…) in the background, one part per idle moment, so that a page the user has not
// opened yet opens while the server is away. Nothing is fetched before the walk starts; a part that cannot
// be fetched is silent and tried again later; the walk leaves the way to a part the user is waiting for.
import { act, cleanup, render } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { HostInfo } from '../../src/office/host';

// Each page's module, watched: its name is noted when its code is fetched (the chunk's import runs).
const fetched = vi.hoisted(() => ({ names: [] as string[], log: [] as string[] }));
const page = vi.hoisted(() => (name: string) => async () => {
  fetched.names.push(name);
  fetched.log.push(name);
  const Page = () => null;
  return { [name]: Page, default: Page, createExcelPort: () => ({}), createWordAdapter: () => ({}) };
});
vi.mock('../../src/ui/setup/FirstRun', page('FirstRun'));
vi.mock('../../src/ui/segments/SegmentPage', page('SegmentPage'));
vi.mock('../../src/ui/log/LoggedSegmentsPage', page('LoggedSegmentsPage'));
vi.mock('../../src/ui/log/InteractionLogPage', page('InteractionLogPage'));
vi.mock('../../src/ui/criteria/SavedCriteriaPage', page('SavedCriteriaPage'));
vi.mock('../../src/ui/contacts/ContactsPage', page('ContactsPage'));
vi.mock('../../src/ui/contacts/ContactCardPage', page('ContactCardPage'));
vi.mock('../../src/ui/lists/TemplatesPage', page('TemplatesPage'));
vi.mock('../../src/ui/lists/CodeListPage', page('CodeListPage'));
vi.mock('../../src/ui/setup/SetupPage', page('SetupPage'));
vi.mock('../../src/ui/setup/ProfilePage', page('ProfilePage'));
vi.mock('../../src/ui/setup/OfficeCheckPage', page('OfficeCheckPage'));
vi.mock('../../src/ui/transfer/TransferPage', page('TransferPage'));
vi.mock('../../src/ui/import/CsvImportPage', page('CsvImportPage'));
vi.mock('../../src/ui/import/ExcelImportPage', page('ExcelImportPage'));
vi.mock('../../src/ui/mailMerge/MailMergePage', page('MailMergePage'));
vi.mock('../../src/ui/common/ConfirmDialog', page('ConfirmDialog'));
vi.mock('../../src/office/excel/excelAdapter', page('excelAdapter'));
vi.mock('../../src/office/word/wordAdapter', page('wordAdapter'));
vi.mock('../../src/office/officeCheck', page('officeCheck'));
vi.mock('../../src/store/backup', page('backup'));

import { lazyPart } from '../../src/ui/common/laterPart';
import { pageRegistry } from '../../src/ui/shell/pageRegistry';
import { hostPagesFor } from '../../src/taskpane/hostPages';
import { transferApi } from '../../src/taskpane/transfer';
import '../../src/ui/common/confirm';
import { loadPartsInBackground } from '../../src/taskpane/backgroundParts';

afterEach(cleanup);

const PAGES = [
  'FirstRun',
  'SegmentPage',
  'LoggedSegmentsPage',
  'InteractionLogPage',
  'SavedCriteriaPage',
  'ContactsPage',
  'ContactCardPage',
  'TemplatesPage',
  'CodeListPage',
  'SetupPage',
  'ProfilePage',
  'OfficeCheckPage',
  'TransferPage',
  'CsvImportPage',
];
const HOST_PARTS = ['ExcelImportPage', 'MailMergePage', 'excelAdapter', 'wordAdapter', 'officeCheck'];
const OTHER_PARTS = ['ConfirmDialog', 'backup'];

const hostInfo = (host: HostInfo['host']): HostInfo => ({
  host,
  platform: null,
  displayLanguage: 'it-IT',
  officeVersion: null,
  supports: { excelApi1_4: true, wordApi1_3: true, wordApi1_4: true },
});
const prefs = { get: () => undefined, set: () => undefined };
const nextTask = () => new Promise<void>((ok) => setTimeout(ok, 0));

/** An idle moment, noted in the log: each in a task of its own. */
async function idle() {
  fetched.log.push('idle');
  await nextTask();
}

describe('the pane’s code fetched in the background', () => {
  test('nothing before the walk; then every page, host page and dialog, each alone after an idle moment', async () => {
    // The pane as it starts in Excel and in Word: its parts are declared, none fetched.
    hostPagesFor(hostInfo('Excel'), {} as never, prefs);
    hostPagesFor(hostInfo('Word'), {} as never, prefs);
    transferApi({} as never);
    expect(Object.keys(pageRegistry).length).toBeGreaterThan(PAGES.length - 2);
    expect(fetched.names).toEqual([]);

    await loadPartsInBackground({ stopped: () => false, idle, later: () => Promise.reject(new Error('no retry')) });

    expect([...fetched.names].sort()).toEqual([...PAGES, ...HOST_PARTS, ...OTHER_PARTS].sort());
    // Each part after an idle moment of its own: never two fetches in a row.
    const inARow = fetched.log.filter((e, i) => e !== 'idle' && fetched.log[i - 1] !== 'idle');
    expect(inARow).toEqual([]);
    expect(fetched.log.filter((e) => e === 'idle').length).toBeGreaterThanOrEqual(fetched.names.length);
  });

  test('a part that cannot be fetched is silent and tried again later; the rest are not held up', async () => {
    const server = { up: false };
    const flaky = vi.fn(async () => {
      if (!server.up) throw new TypeError('Failed to fetch dynamically imported module: https://x/segment.js');
    });
    const after = vi.fn();
    const later = vi.fn(async () => {
      server.up = true;
    });
    await expect(loadPartsInBackground({ also: [flaky, after], stopped: () => false, idle, later })).resolves.toBe(
      undefined,
    );
    expect(flaky).toHaveBeenCalledTimes(2);
    expect(after).toHaveBeenCalledTimes(1);
    expect(later).toHaveBeenCalledTimes(1);
  });

  test('it waits while the user waits for a part of their own, and ends when the pane stops', async () => {
    let arrive!: () => void;
    const Own = lazyPart(
      () => new Promise<{ default: () => React.ReactNode }>((ok) => (arrive = () => ok({ default: () => <p>own</p> }))),
    );
    render(
      <Suspense fallback={<p>loading</p>}>
        <Own />
      </Suspense>,
    );
    const mine = vi.fn(async () => undefined);
    let idles = 0;
    const walk = loadPartsInBackground({
      also: [mine],
      stopped: () => false,
      idle: async () => {
        idles++;
        await nextTask();
      },
    });
    await vi.waitFor(() => expect(idles).toBeGreaterThan(5));
    expect(mine).not.toHaveBeenCalled();
    await act(async () => arrive());
    await walk;
    expect(mine).toHaveBeenCalledTimes(1);

    const never = vi.fn(async () => undefined);
    await loadPartsInBackground({ also: [never], stopped: () => true, idle });
    expect(never).not.toHaveBeenCalled();
  });
});
