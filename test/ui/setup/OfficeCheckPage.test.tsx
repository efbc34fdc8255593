// @vitest-environment jsdom
// Setup → Check this Office in the pane: the check against the mock Excel (office-addin-mock underneath),
// its steps and summary shown, the report copied as the JSON file a pilot sends; outside Office, in Italian.
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { officeCheckReportSchema, type OfficeCheckRunner } from '../../../src/domain/officeCheck';
import { featureSupport, NO_FEATURES } from '../../../src/domain/officeRequirements';
import { runOfficeCheck } from '../../../src/office/officeCheck';
import { OfficeCheckPage } from '../../../src/ui/setup/OfficeCheckPage';
import { ExcelMock } from '../../office/excelMock';
import { makeWorkspace } from '../../store/helpers';
import { renderInPane } from '../render';

// jsdom has no ResizeObserver; Fluent's buttons measure with it. A no-op one stands in for the browser's.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

afterEach(cleanup);
const storage = { estimate: async () => ({ quota: 1e9, usage: 1e6 }), persisted: async () => false };

test('runs the check in Excel, lists each step, and copies the report with its summary', async () => {
  const user = userEvent.setup();
  const mock = new ExcelMock();
  mock.addSheet('Contacts', [['No.'], ['CT000042']]);
  const run: OfficeCheckRunner = (o) =>
    runOfficeCheck({
      ...o,
      info: {
        host: 'Excel',
        platform: 'PC',
        displayLanguage: 'en-US',
        officeVersion: '16.0',
        supports: { excelApi1_4: true, wordApi1_3: false, wordApi1_4: false },
        features: featureSupport('Excel', () => true),
      },
      addinVersion: '0.1.0',
      storage,
      excelRun: mock.run,
    });
  renderInPane(<OfficeCheckPage run={run} />, await makeWorkspace());
  await user.click(screen.getByTestId('office-check-run'));
  expect(await screen.findByTestId('office-check-result')).toBeTruthy();
  expect(screen.getByTestId('office-check-result').textContent).toBe('5 passed, 0 failed, 8 skipped');
  expect(screen.getByTestId('office-check-step-excel.read100x12').textContent).toMatch(
    /^excel.read100x12: passed \(\d+ ms, 1 syncs\)$/,
  );
  expect(screen.getByTestId('office-check-summary').textContent).toContain('Shared workspace: none');
  await user.click(screen.getByTestId('office-check-copy'));
  const copied = JSON.parse(await navigator.clipboard.readText());
  expect(officeCheckReportSchema.safeParse(copied.report).success).toBe(true);
  expect(JSON.stringify(copied)).not.toContain('CT000042');
  expect(await screen.findByText('The report was copied.')).toBeTruthy();
});

test('outside Office, in Italian: says which checks need Office and runs the rest', async () => {
  const user = userEvent.setup();
  const run: OfficeCheckRunner = (o) =>
    runOfficeCheck({
      ...o,
      info: {
        host: 'none',
        platform: null,
        displayLanguage: 'it-IT',
        supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
        features: NO_FEATURES,
      },
      addinVersion: '0.1.0',
      storage,
    });
  renderInPane(<OfficeCheckPage run={run} />, await makeWorkspace(), 'it');
  expect(screen.getByText(/Fuori da Office: le verifiche che richiedono Excel o Word vengono saltate/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Esegui la verifica' }));
  expect((await screen.findByTestId('office-check-result')).textContent).toBe('0 riusciti, 0 non riusciti, 13 saltati');
});
