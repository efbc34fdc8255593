// The layer rules of eslint.config.js on small snippets placed (virtually) in each layer: every forbidden
// arrow is reported, and the allowed ones pass.
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules a snippet breaks at that path (only the layer rules). */
async function broken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, fatal.map((m) => m.message).join('\n')).toEqual([]);
  return result.messages
    .map((m) => m.ruleId ?? '')
    .filter((r) => r === 'no-restricted-imports' || r === 'no-restricted-globals');
}

const use = (spec: string) => `import { thing } from '${spec}';\nexport const used = thing;\n`;
const officeCall = 'export const ready = Office.onReady();\n';

describe('forbidden arrows are reported', () => {
  test.each([
    ['the domain importing the store', 'src/domain/segment.ts', use('../store/index')],
    ['the domain importing the pane', 'src/domain/segment.ts', use('../ui/common/services')],
    ['the domain importing sync', 'src/domain/ports/syncStatus.ts', use('../../sync/syncClient')],
    ['the domain importing Office adapters', 'src/domain/segment.ts', use('../office/host')],
    [
      'the pane importing a store module behind the door',
      'src/ui/segments/SegmentPage.tsx',
      use('../../store/segmentsApi'),
    ],
    ['the pane importing the store outbox', 'src/ui/common/services.tsx', use('../../store/outbox')],
    ['the pane importing sync', 'src/ui/shell/SyncStatus.tsx', use('../../sync/syncClient')],
    ['the pane importing an Office adapter', 'src/ui/segments/LinePanel.tsx', use('../../office/excel/excelAdapter')],
    ['the pane importing Dexie', 'src/ui/lists/useCodeList.ts', use('dexie')],
    ['the store importing sync', 'src/store/segmentsApi.ts', use('../sync/syncClient')],
    ['the store importing the pane', 'src/store/segmentsApi.ts', use('../ui/common/services')],
    ['the store importing Office adapters', 'src/store/segmentsApi.ts', use('../office/host')],
    ['a store module importing its own layer through index', 'src/store/logApi.ts', use('./index')],
    ['a pane module importing its own folder through index', 'src/ui/segments/SegmentPage.tsx', use('./index')],
    ['a domain module importing its own layer through index', 'src/domain/ports/transfer.ts', use('../index')],
    ['sync importing the store beyond its sync port', 'src/sync/syncClient.ts', use('../store/outbox')],
    ['sync importing the store door', 'src/sync/packing.ts', use('../store/index')],
    ['the taskpane importing a store module behind the door', 'src/taskpane/Boot.tsx', use('../store/segmentsApi')],
  ])('%s', async (_what, filePath, code) => {
    expect(await broken(filePath, code)).toEqual(['no-restricted-imports']);
  });

  test.each([
    ['the pane', 'src/ui/shell/App.tsx'],
    ['the taskpane', 'src/taskpane/Boot.tsx'],
    ['the taskpane entry', 'src/taskpane/index.tsx'],
    ['the store', 'src/store/db.ts'],
    ['sync', 'src/sync/syncClient.ts'],
    ['the domain', 'src/domain/segment.ts'],
    ['the server', 'src/server/app.ts'],
  ])('%s naming the Office global', async (_what, filePath) => {
    expect(await broken(filePath, officeCall)).toEqual(['no-restricted-globals']);
  });
});

describe('allowed arrows pass', () => {
  test.each([
    ['the domain importing the domain', 'src/domain/segment.ts', use('./ports/excelPort')],
    ['the pane importing the store door', 'src/ui/common/services.tsx', use('../../store/index')],
    ['the pane importing a port', 'src/ui/segments/LinePanel.tsx', use('../../domain/ports/excelPort')],
    ['the store importing the domain', 'src/store/segmentsApi.ts', use('../domain/segment')],
    ['the store importing a sibling module', 'src/store/logApi.ts', use('./indexReads')],
    ['sync importing the sync port', 'src/sync/syncClient.ts', use('../store/syncPort')],
    [
      'the taskpane wiring the store door, sync and the Office adapters',
      'src/taskpane/Boot.tsx',
      use('../store/index') +
        use('../sync/paneSync').replace(/thing|used/g, '$&2') +
        use('../office/host').replace(/thing|used/g, '$&3'),
    ],
  ])('%s', async (_what, filePath, code) => {
    expect(await broken(filePath, code)).toEqual([]);
  });

  test.each([
    ['src/office', 'src/office/host.ts'],
    ['the ribbon function file (its boot file)', 'src/taskpane/commands.ts'],
  ])('%s naming the Office global', async (_what, filePath) => {
    expect(await broken(filePath, officeCall)).toEqual([]);
  });
});
