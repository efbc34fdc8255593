// @vitest-environment jsdom
// A card's date field (the segment's Date) shows and reads the date as the workspace locale writes it, not
// as the browser's date picker would: 15/01/2026 is 15 January in an it-IT workspace whatever the browser's
// language, `t` is today as in BC, and a date that cannot be read is refused at the field.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { isoDateOf } from '../../../src/domain/time';
import { SegmentHeaderForm } from '../../../src/ui/segments/SegmentHeaderForm';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let no: string;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  no = (await ws.segments.create({ description: 'Fair', date: '2026-01-15' })).no;
});
afterEach(() => {
  cleanup();
  ws.close();
});

const field = () => screen.getByTestId('field-date') as HTMLInputElement;
const fieldMessage = () => field().closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent;
const stored = async () => (await ws.segments.get(no))!.header.date;

async function typeInto(text: string) {
  await userEvent.clear(field());
  await userEvent.type(field(), `${text}{Tab}`);
}

test('it-IT: day first, as the workspace writes it; t is today; the field shows what it reads', async () => {
  renderInPane(<SegmentHeaderForm header={(await ws.segments.get(no))!.header} />, ws, 'it');
  expect(field().type).toBe('text');
  expect(field().value).toBe('15/01/2026');
  await typeInto('31/01/2027');
  await waitFor(async () => expect(await stored()).toBe('2027-01-31'));
  await waitFor(() => expect(field().value).toBe('31/01/2027'));
  await typeInto('t');
  await waitFor(async () => expect(await stored()).toBe(isoDateOf(new Date())));
});

test("it-IT: BC's shortcuts, digits without separators and the work date, are read as BC reads them", async () => {
  renderInPane(<SegmentHeaderForm header={(await ws.segments.get(no))!.header} />, ws, 'it');
  await typeInto('07122027');
  await waitFor(async () => expect(await stored()).toBe('2027-12-07'));
  await waitFor(() => expect(field().value).toBe('07/12/2027'));
  const today = isoDateOf(new Date());
  await typeInto('0102');
  await waitFor(async () => expect(await stored()).toBe(`${today.slice(0, 4)}-02-01`));
  await typeInto('lavoro');
  await waitFor(async () => expect(await stored()).toBe(today));
});

test('it-IT: a date that does not exist is refused at the field, in Italian, and nothing is saved', async () => {
  renderInPane(<SegmentHeaderForm header={(await ws.segments.get(no))!.header} />, ws, 'it');
  await typeInto('31/02/2027');
  await waitFor(() =>
    expect(fieldMessage()).toBe(
      'Data: "31/02/2027" non è una data. Digitarla come 31/01/2026, come cifre in quell\u2019ordine senza separatori (il solo giorno, 4 cifre con il mese, 6 o 8 con l\u2019anno), oppure oggi o lavoro (la data di lavoro).',
    ),
  );
  expect(field().value).toBe('31/02/2027');
  expect(await stored()).toBe('2026-01-15');
});

test('en-US: month first', async () => {
  renderInPane(<SegmentHeaderForm header={(await ws.segments.get(no))!.header} />, ws, 'en');
  expect(field().value).toBe('1/15/2026');
  await typeInto('1/31/2027');
  await waitFor(async () => expect(await stored()).toBe('2027-01-31'));
  await typeInto('13/1/2027');
  await waitFor(() =>
    expect(fieldMessage()).toBe(
      'Date: "13/1/2027" is not a date. Type it as 1/31/2026, as digits in that order without separators (the day alone, 4 digits with the month, 6 or 8 with the year), t for today or w for the work date.',
    ),
  );
});
