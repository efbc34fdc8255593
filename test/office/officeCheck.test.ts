// @vitest-environment jsdom
// The Office check end to end against the mock hosts (office-addin-mock underneath), in jsdom: every
// step's figures, the report valid against its schema, the scratch sheet or content control removed,
// and no contact data in the report even when the workbook or the document holds some.
import { officeCheckFile, officeCheckReportSchema, officeCheckSummary } from '../../src/domain/officeCheck';
import { WORD_REQUEST_CAP } from '../../src/domain/mergeBlocks';
import { NO_FEATURES, featureSupport } from '../../src/domain/officeRequirements';
import type { HostInfo } from '../../src/office/host';
import { runOfficeCheck } from '../../src/office/officeCheck';
import { ExcelMock } from './excelMock';
import { addContactSheet } from './sheetFixtures';
import { FakeWordHost } from './wordFakeHost';

const storage = { estimate: async () => ({ quota: 2_000_000_000, usage: 12_345_678 }), persisted: async () => true };
const fixed = {
  now: () => new Date('2026-12-05T10:00:00Z'),
  clock: (() => {
    let t = 0;
    return () => (t += 5);
  })(),
};

function info(host: HostInfo['host'], wordComments = true): HostInfo {
  return {
    host,
    platform: host === 'none' ? null : 'OfficeOnline',
    displayLanguage: 'it-IT',
    officeVersion: host === 'none' ? null : '16.0.18000.10000',
    supports: {
      excelApi1_4: host === 'Excel',
      wordApi1_3: host === 'Word',
      wordApi1_4: host === 'Word' && wordComments,
    },
    features:
      host === 'none'
        ? NO_FEATURES
        : featureSupport(host, (set, v) => !(set === 'WordApi' && v === '1.4' && !wordComments)),
  };
}

const CONTACT_DATA = ['CT000042', 'Contact 42', 'c42@example.it', 'Mario Rossi', 'mario.rossi@example.it'];
const holdsNoContactData = (text: string) =>
  CONTACT_DATA.every((d) => !text.includes(d)) && !/[\w.]+@example\.it/.test(text);

describe('the Office check in Excel', () => {
  test('scratch sheet, 100 × 12 written as text and read back, a 2 MB block, undo said to be by eye, the sheet removed', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 50);
    const sync = vi.spyOn(mock.context, 'sync');
    const report = await runOfficeCheck({
      info: info('Excel'),
      sharedWorkspace: { status: 'connected' },
      addinVersion: '0.1.0',
      storage,
      excelRun: mock.run,
      ...fixed,
    });
    expect(officeCheckReportSchema.safeParse(report).success).toBe(true);
    const by = Object.fromEntries(report.steps.map((s) => [s.id, s]));
    expect(by['excel.scratchSheet']).toMatchObject({ status: 'passed', syncs: 2 });
    expect(by['excel.write100x12']).toMatchObject({ status: 'passed', syncs: 1 });
    expect(by['excel.read100x12']).toMatchObject({
      status: 'passed',
      syncs: 1,
      detail: 'every cell came back as text',
    });
    expect(by['excel.block2MB'].status).toBe('passed');
    expect(by['excel.block2MB'].bytes).toBeGreaterThan(1_900_000);
    expect(by['excel.undo']).toMatchObject({ status: 'skipped', reason: 'notInOfficeJs' });
    expect(by['excel.cleanup']).toMatchObject({ status: 'passed', syncs: 1 });
    expect(by['word.merge20']).toMatchObject({ status: 'skipped', reason: 'otherHost' });
    expect(report.steps.reduce((n, s) => n + s.syncs, 0)).toBe(sync.mock.calls.length);
    expect([...mock.sheets.keys()]).toEqual(['Contacts']);
    expect(mock.batches.every((b) => !b.refused)).toBe(true);
    expect(report.totals).toEqual({ passed: 5, failed: 0, skipped: 8 });
    expect(report.environment).toMatchObject({
      host: 'Excel',
      platform: 'OfficeOnline',
      officeVersion: '16.0.18000.10000',
      displayLanguage: 'it-IT',
    });
    expect(report.storage).toEqual({ quotaBytes: 2_000_000_000, usageBytes: 12_345_678, persisted: true });
    expect(holdsNoContactData(officeCheckFile(report))).toBe(true);
  });

  test('a text written without the @ format would come back changed: the read step fails and says how many cells', async () => {
    const mock = new ExcelMock();
    const run = mock.run;
    // A host that drops the number formats: "=1+1" becomes a formula.
    const dropFormats: typeof run = (batch) =>
      run((ctx) => {
        const sheets = ctx.workbook.worksheets;
        const add = sheets.add.bind(sheets);
        sheets.add = (name: string) => {
          const ws = add(name);
          const get = ws.getRangeByIndexes;
          ws.getRangeByIndexes = (...a: number[]) => {
            const r = get(...a);
            return new Proxy(r, { set: (t, p, v) => (p === 'numberFormat' ? true : Reflect.set(t, p, v)) });
          };
          return ws;
        };
        return batch(ctx);
      });
    const report = await runOfficeCheck({
      info: info('Excel'),
      sharedWorkspace: { status: 'connected' },
      addinVersion: '0.1.0',
      storage,
      excelRun: dropFormats,
      ...fixed,
    });
    const read = report.steps.find((s) => s.id === 'excel.read100x12')!;
    expect(read.status).toBe('failed');
    expect(read.detail).toMatch(/cells came back different/);
  });
});

describe('the Office check in Word', () => {
  test('a scratch content control: a 2 MB block, 20 letters with comments, read back, removed; the letter in the document untouched', async () => {
    const letter = '<w:p><w:r><w:t>Dear Mario Rossi, mario.rossi@example.it</w:t></w:r></w:p>';
    const host = new FakeWordHost(WORD_REQUEST_CAP, letter);
    const before = host.bodyXml();
    const sync = vi.spyOn(host.context, 'sync');
    const report = await runOfficeCheck({
      info: info('Word'),
      sharedWorkspace: { status: 'unavailable' },
      addinVersion: '0.1.0',
      storage,
      wordRun: host.run,
      ...fixed,
    });
    expect(officeCheckReportSchema.safeParse(report).success).toBe(true);
    const by = Object.fromEntries(report.steps.map((s) => [s.id, s]));
    expect(by['word.scratch']).toMatchObject({ status: 'passed', syncs: 1 });
    expect(by['word.block2MB']).toMatchObject({ status: 'passed', syncs: 1 });
    expect(by['word.block2MB'].bytes).toBeGreaterThan(1_900_000);
    expect(by['word.merge20']).toMatchObject({ status: 'passed', syncs: 1 });
    expect(by['word.comments']).toMatchObject({ status: 'passed', syncs: 1 });
    expect(by['word.readBack']).toMatchObject({ status: 'passed', detail: '20 of 20 letters read back' });
    expect(by['word.cleanup']).toMatchObject({ status: 'passed' });
    expect(host.comments).toHaveLength(20);
    expect(host.bodyXml()).toBe(before);
    expect(report.steps.reduce((n, s) => n + s.syncs, 0)).toBe(sync.mock.calls.length);
    expect(host.requests.every((r) => r.ok && r.bytes <= WORD_REQUEST_CAP)).toBe(true);
    expect(holdsNoContactData(officeCheckFile(report))).toBe(true);
  });

  test('comments refused by the host: that step fails with the host error code, the others still run and clean up', async () => {
    const host = new FakeWordHost(WORD_REQUEST_CAP, '<w:p/>');
    host.refuseComments = 'NotAllowed';
    const before = host.bodyXml();
    const report = await runOfficeCheck({
      info: info('Word'),
      sharedWorkspace: { status: 'connected' },
      addinVersion: '0.1.0',
      storage,
      wordRun: host.run,
      ...fixed,
    });
    const by = Object.fromEntries(report.steps.map((s) => [s.id, s]));
    expect(by['word.comments']).toMatchObject({ status: 'failed', error: { code: 'NotAllowed' } });
    expect(by['word.readBack'].status).toBe('passed');
    expect(host.bodyXml()).toBe(before);
  });

  test('no WordApi 1.4: comments are skipped as unsupported', async () => {
    const host = new FakeWordHost(WORD_REQUEST_CAP, '<w:p/>');
    const report = await runOfficeCheck({
      info: info('Word', false),
      sharedWorkspace: { status: 'connected' },
      addinVersion: '0.1.0',
      storage,
      wordRun: host.run,
      ...fixed,
    });
    expect(report.steps.find((s) => s.id === 'word.comments')).toMatchObject({
      status: 'skipped',
      reason: 'unsupported',
    });
  });
});

describe('the Office check outside Office', () => {
  test('says which checks need Office and runs the rest: storage and the shared workspace', async () => {
    const report = await runOfficeCheck({
      info: info('none'),
      sharedWorkspace: { status: 'offline', detail: 'server alice@example.it unreachable' },
      addinVersion: '0.1.0',
      storage,
      ...fixed,
    });
    expect(officeCheckReportSchema.parse(report)).toEqual(report);
    expect(report.steps.every((s) => s.status === 'skipped' && s.reason === 'needsOffice')).toBe(true);
    expect(report.storage.persisted).toBe(true);
    expect(report.requirements.every((r) => !r.supported)).toBe(true);
    expect(report.sharedWorkspace).toEqual({ status: 'offline', detail: 'server [e-mail] unreachable' });
    const summary = officeCheckSummary(report);
    expect(summary).toContain('Host: none');
    expect(summary).toContain('- excel.write100x12: SKIPPED (needsOffice)');
    const file = JSON.parse(officeCheckFile(report));
    expect(officeCheckReportSchema.safeParse(file.report).success).toBe(true);
    expect(file.summary[0]).toBe('Segments Office check, 2026-12-05T10:00:00.000Z (add-in 0.1.0)');
  });

  test('a report with contact data fields does not validate (the schema is strict)', async () => {
    const report = await runOfficeCheck({
      info: info('none'),
      sharedWorkspace: { status: 'offline' },
      addinVersion: '0.1.0',
      storage,
      ...fixed,
    });
    expect(officeCheckReportSchema.safeParse({ ...report, contacts: [{ no: 'CT000042' }] }).success).toBe(false);
  });
});
