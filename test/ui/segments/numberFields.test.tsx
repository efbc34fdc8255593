// @vitest-environment jsdom
// The number fields of a segment (Unit Cost, Unit Duration) and of a line (Cost, Duration) read a number as
// the workspace locale writes it: "1,000" is a thousand in en-US, "1.234,50" is 1234.5 in it-IT. What
// cannot be read is refused at the field, in the user's language, and nothing is saved or put back.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LinePanel } from '../../../src/ui/segments/LinePanel';
import { SegmentHeaderForm } from '../../../src/ui/segments/SegmentHeaderForm';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let no: string;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  no = (await ws.segments.create({ description: 'Fair', unitCost: 1.5 })).no;
});
afterEach(() => {
  cleanup();
  ws.close();
});

const fieldMessage = (testId: string) =>
  screen.getByTestId(testId).closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent;

async function showHeader(language: 'en' | 'it') {
  renderInPane(<SegmentHeaderForm header={(await ws.segments.get(no))!.header} />, ws, language);
  await userEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Interaction' : 'Interazione' }));
}

/** Types `text` over the field's value and hands it over (Tab leaves the field; in a dialog, Enter). */
async function typeInto(testId: string, text: string, key = '{Tab}') {
  const input = screen.getByTestId(testId);
  await userEvent.clear(input);
  await userEvent.type(input, `${text}${key}`);
}

test('en-US: "1,000" is a thousand, "1.5" one and a half', async () => {
  await showHeader('en');
  await typeInto('field-unitDuration', '1,000');
  await waitFor(async () => expect((await ws.segments.get(no))!.header.unitDuration).toBe(1000));
  await typeInto('field-unitCost', '2.25');
  await waitFor(async () => expect((await ws.segments.get(no))!.header.unitCost).toBe(2.25));
  expect(fieldMessage('field-unitCost')).toBeFalsy();
});

test('en-US: "1,5" cannot be read: said at the field, the value typed stays and nothing is saved', async () => {
  await showHeader('en');
  await typeInto('field-unitCost', '1,5');
  await waitFor(() =>
    expect(fieldMessage('field-unitCost')).toBe('Unit Cost (LCY): "1,5" is not a number. Type it as 1,234.56.'),
  );
  expect((screen.getByTestId('field-unitCost') as HTMLInputElement).value).toBe('1,5');
  expect((await ws.segments.get(no))!.header.unitCost).toBe(1.5);
  // Corrected, it is saved and the message goes.
  await typeInto('field-unitCost', '15');
  await waitFor(async () => expect((await ws.segments.get(no))!.header.unitCost).toBe(15));
  expect(fieldMessage('field-unitCost')).toBeFalsy();
});

test('it-IT: the field shows 1,50; "1.234,50" is 1234.5; "1.5" is refused in Italian', async () => {
  await showHeader('it');
  expect((screen.getByTestId('field-unitCost') as HTMLInputElement).value).toBe('1,50');
  await typeInto('field-unitCost', '1.234,50');
  await waitFor(async () => expect((await ws.segments.get(no))!.header.unitCost).toBe(1234.5));
  await typeInto('field-unitDuration', '1.5');
  await waitFor(() =>
    expect(fieldMessage('field-unitDuration')).toBe(
      'Durata unitaria (min.): "1.5" non è un numero. Digitarlo come 1.234,56.',
    ),
  );
  expect((await ws.segments.get(no))!.header.unitDuration).toBe(0);
});

test('a line’s Cost that cannot be read holds Save until it is corrected', async () => {
  await ws.segments.addLine(no, 'P101');
  const view = (await ws.segments.get(no))!;
  renderInPane(
    <LinePanel
      segmentNo={no}
      header={view.header}
      line={view.lines[0]}
      contactName="Anna Bianchi"
      criteria={view.criteria}
      onClose={() => {}}
    />,
    ws,
  );
  await typeInto('field-cost', '1,5', '{Enter}');
  await waitFor(() =>
    expect(fieldMessage('field-cost')).toBe('Cost (LCY): "1,5" is not a number. Type it as 1,234.56.'),
  );
  expect((screen.getByTestId('line-save') as HTMLButtonElement).disabled).toBe(true);
  await typeInto('field-cost', '1,250.5', '{Enter}');
  await waitFor(() => expect((screen.getByTestId('line-save') as HTMLButtonElement).disabled).toBe(false));
  await userEvent.click(screen.getByTestId('line-save'));
  await waitFor(async () => expect((await ws.segments.get(no))!.lines[0].cost).toBe(1250.5));
});

test('amounts show two decimals as BC shows them (it-IT): a line’s Cost 1,50 (the Unit Cost it took), the segment’s Unit Cost 1,50, and its Cost (LCY) as an amount, 1,13', async () => {
  await ws.segments.addLine(no, 'P101');
  const view = (await ws.segments.get(no))!;
  renderInPane(
    <LinePanel
      segmentNo={no}
      header={view.header}
      line={view.lines[0]}
      contactName="Anna Bianchi"
      criteria={view.criteria}
      onClose={() => {}}
    />,
    ws,
    'it',
  );
  expect((screen.getByTestId('field-cost') as HTMLInputElement).value).toBe('1,50');
  // A value typed with more decimals keeps them: the field shows at least two, never rounds.
  await typeInto('field-cost', '1,125', '{Enter}');
  await waitFor(() => expect((screen.getByTestId('line-save') as HTMLButtonElement).disabled).toBe(false));
  await userEvent.click(screen.getByTestId('line-save'));
  await waitFor(async () => expect((await ws.segments.get(no))!.lines[0].cost).toBe(1.125));
  cleanup();
  await showHeader('it');
  expect((screen.getByTestId('field-unitCost') as HTMLInputElement).value).toBe('1,50');
  expect(screen.getByTestId('field-cost').textContent).toBe('1,13');
});
