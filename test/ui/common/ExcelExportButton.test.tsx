// @vitest-environment jsdom
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createExcelPort } from '../../../src/office/excel/excelAdapter';
import { ExcelExportButton } from '../../../src/ui/common/ExcelExportButton';
import { ShowInSheetButton } from '../../../src/ui/segments/ShowInSheetButton';
import { excelMessages } from '../../../src/ui/import/messages';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { TOASTER_ID } from '../../../src/ui/common/notify';
import { ExcelMock } from '../../office/excelMock';
import { makeWorkspace } from '../../store/helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let mock: ExcelMock;
beforeEach(async () => {
  ws = await makeWorkspace();
  mock = new ExcelMock();
  mock.addSheet('Leads', [
    ['No.', 'Name'],
    ['CT1', 'Rossi'],
    ['CT2', 'Bianchi'],
  ]);
});
afterEach(() => {
  cleanup();
  ws.close();
});

function renderIn(ui: ReactElement, language: 'en' | 'it') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={[...paneCatalogs, excelMessages]}>
        {ui}
        <Toaster toasterId={TOASTER_ID} />
      </I18nProvider>
    </FluentProvider>,
  );
}

test("a segment's lines go to a new sheet as a named table, Italian captions, comments as text", async () => {
  await ws.contacts.upsert([
    { no: 'CT1', name: 'Rossi', source: { workbook: 'Contacts.xlsx', sheet: 'Leads', rowKey: '["No.","CT1"]' } },
    { no: 'CT2', name: 'Bianchi' },
  ]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['CT1', 'CT2']);
  await ws.segments.updateLine(seg.no, 10000, { comment: '@SUM(A1)' });
  const excel = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
  renderIn(
    <>
      <ExcelExportButton workspace={ws} excel={excel} what={{ kind: 'segment', segmentNo: seg.no }} />
      <ShowInSheetButton workspace={ws} excel={excel} contactNo="CT1" />
      <ShowInSheetButton workspace={ws} excel={excel} contactNo="CT2" />
    </>,
    'it',
  );
  await userEvent.click(screen.getByRole('button', { name: 'Esporta le righe in un foglio' }));
  expect(
    await screen.findByText('2 righe scritte nel foglio "Segmento SEG00001" come tabella Segment_SEG00001.'),
  ).toBeTruthy();
  expect(mock.cell('Segmento SEG00001', 0, 1)?.value).toBe('Nr. contatto');
  const comment = mock.sheets.get('Segmento SEG00001')!.cells[0].findIndex((c) => c?.value === 'Commento');
  expect(mock.cell('Segmento SEG00001', 1, comment)).toMatchObject({ value: '@SUM(A1)', format: '@' });

  const [showCt1, showCt2] = screen.getAllByRole('button', { name: 'Mostra nel foglio' });
  await userEvent.click(showCt1);
  await waitFor(() => expect(mock.selected).toBe('Leads!A2:B2'));
  await userEvent.click(showCt2);
  expect(await screen.findByText('Questo contatto non è stato importato da un foglio.')).toBeTruthy();
});

test('outside Excel the buttons are not shown', () => {
  renderIn(<ExcelExportButton workspace={ws} excel={undefined} what={{ kind: 'contacts' }} />, 'en');
  expect(screen.queryByRole('button')).toBeNull();
});
