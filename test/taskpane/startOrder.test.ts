// @vitest-environment jsdom
// What the pane asks for before its first frame: the pane's own catalogs, which the first frame waits for,
// and, only once they are here, the host pages' (Excel's sheet import, and outside Office Word's mail merge
// too), so that those do not slow the one the first frame waits for. Word starts on Mail merge, which needs
// its host catalogs: there both are asked for at once.
import { afterEach, expect, test, vi } from 'vitest';
import type { HostInfo } from '../../src/office/host';
import type { MessageCatalog } from '../../src/ui/common/i18n';

const asked: string[] = [];
let arrive!: (c: MessageCatalog[]) => void;
vi.mock('../../src/taskpane/catalogRegistry', () => ({
  loadPaneCatalogs: () => {
    asked.push('pane');
    return new Promise<MessageCatalog[]>((ok) => (arrive = ok));
  },
  loadHostCatalogs: () => {
    asked.push('host');
    return Promise.resolve([]);
  },
  paneCatalogsFor: () => ({ initial: [], rest: Promise.resolve([]), load: () => Promise.resolve([]) }),
}));
const { startPane } = await import('../../src/taskpane/Boot');

const info = (host: HostInfo['host']): HostInfo => ({
  host,
  platform: null,
  displayLanguage: 'en-US',
  officeVersion: null,
  supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
});
const settled = () => new Promise((ok) => setTimeout(ok, 0));

afterEach(() => void asked.splice(0));

for (const host of ['Excel', 'none'] as const) {
  test(`${host}: the host pages' catalogs are asked for once the pane's own are here`, async () => {
    const starting = startPane(info(host));
    await settled();
    expect(asked).toEqual(['pane']);
    arrive([]);
    await starting.shown;
    await settled();
    expect(asked).toEqual(['pane', 'host']);
    starting.stop();
  });
}

test("Word: its start page needs the host pages' catalogs, asked for at once beside the pane's", async () => {
  const starting = startPane(info('Word'));
  await settled();
  expect(asked).toEqual(['pane', 'host']);
  arrive([]);
  await starting.shown;
  starting.stop();
});
