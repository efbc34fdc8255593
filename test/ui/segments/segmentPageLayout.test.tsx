// @vitest-environment jsdom
// The Segment page at 320 px: a line number shows whole in the lines grid (100000 is not "1000…"), and the
// Add line button keeps its words on one line with the contact hint beneath, in Italian too. Go Back on a
// segment without criteria actions says at once that there is nothing to undo.
// jsdom lays nothing out: what makes the layout is asserted (the rules that match, the elements' places).
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { webLightTheme } from '@fluentui/react-components';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { SegmentLine } from '../../../src/domain/segment';
import { AddLine } from '../../../src/ui/segments/AddLine';
import { LinesGrid, ROW_HEIGHT } from '../../../src/ui/segments/LinesGrid';
import { SegmentPage } from '../../../src/ui/segments/SegmentPage';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

// The grid is given a height so that its rows render.
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
});

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
});
afterEach(() => {
  cleanup();
  ws.close();
  for (const k of ['clientHeight', 'clientWidth'])
    delete (HTMLElement.prototype as unknown as Record<string, unknown>)[k];
});

/** The values that the document's style rules matching `el` declare for `property`. */
function declared(el: Element, property: string): string[] {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets))
    for (const rule of Array.from(sheet.cssRules))
      if (rule instanceof CSSStyleRule && rule.style.getPropertyValue(property) && matches(el, rule.selectorText))
        out.push(rule.style.getPropertyValue(property));
  return out;
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

const line = (lineNo: number): SegmentLine =>
  ({
    id: `L${lineNo}`,
    lineNo,
    contactNo: `P${lineNo}`,
    contactCompanyNo: '',
    correspondenceType: '',
    comment: '',
  }) as SegmentLine;

/** A value as the pane's theme resolves it: a Fluent token (`var(--lineHeightBase200)`) to its value. */
function themed(value: string): string {
  const token = /^var\(--(\w+)\)$/.exec(value.trim())?.[1];
  return token ? String((webLightTheme as unknown as Record<string, string>)[token]) : value;
}

/** The width of the grid's first column, in the row's digits ("7ch": seven digits), resolved from its variable. */
function lineNoColumn(grid: HTMLElement): string {
  const row = grid.querySelector<HTMLElement>('[role="row"]')!;
  const template = declared(row, 'grid-template-columns').join(' ');
  const first = template.trim().split(/\s+/)[0];
  const variable = /^var\((--[\w-]+)/.exec(first)?.[1];
  return variable ? grid.style.getPropertyValue(variable) : first;
}

test.each([
  // The number as BC shows it in Italian (10.000): its digits, half a digit for each group separator
  // (a point is narrower than a digit), and one digit to spare.
  [[10000, 90000], '7ch'],
  [[10000, 100000, 130000], '7.5ch'],
  [[10000, 1000000], '9ch'],
  [[10000, 100000000], '11ch'],
])('the line number column holds the longest line number whole (%j)', async (lineNos, width) => {
  renderInPane(<LinesGrid lines={lineNos.map(line)} names={new Map()} onOpen={() => {}} />, ws, 'it');
  const grid = await screen.findByTestId('lines-grid');
  expect(lineNoColumn(grid)).toBe(width);
  // The number itself is never cut with an ellipsis: its column is wider than its digits and separators
  // and the room that keeps it apart from the contact number beside it.
  const longest = new Intl.NumberFormat('it-IT').format(Math.max(...lineNos));
  expect(screen.getAllByRole('gridcell').map((c) => c.textContent)).toContain(longest);
  const room = longest.replace(/\D/g, '').length + 0.5 * longest.replace(/\d/g, '').length;
  const heading = screen.getByRole('columnheader', { name: 'Nr. riga' });
  expect(declared(heading, 'padding-inline-end')).toContain('0.5ch');
  expect(Number.parseFloat(width) - 0.5).toBeGreaterThanOrEqual(room);
});

test('line numbers are grouped as BC shows them: 10.000 in Italian, 10,000 in English', async () => {
  renderInPane(<LinesGrid lines={[line(10000)]} names={new Map()} onOpen={() => {}} />, ws, 'it');
  expect(screen.getAllByRole('gridcell')[0].textContent).toBe('10.000');
  cleanup();
  renderInPane(<LinesGrid lines={[line(10000)]} names={new Map()} onOpen={() => {}} />, ws, 'en');
  expect(screen.getAllByRole('gridcell')[0].textContent).toBe('10,000');
});

test.each([
  ['it', 'Nr. riga', 'Nr. contatto'],
  ['en', 'Line No.', 'Contact No.'],
] as const)(
  'the number columns are headed by BC’s captions (%s), on two lines where one is too narrow at 320 px',
  async (language, lineNo, contactNo) => {
    renderInPane(<LinesGrid lines={[line(10000)]} names={new Map()} onOpen={() => {}} />, ws, language);
    for (const caption of [lineNo, contactNo]) {
      const heading = screen.getByRole('columnheader', { name: caption });
      expect(heading.textContent).toBe(caption);
      // The caption wraps between its words (each word fits its column), and two lines fit in the header row.
      expect(declared(heading, 'white-space')).toContain('normal');
      expect(declared(heading, 'white-space')).not.toContain('nowrap');
      const lineHeight = Number.parseFloat(themed(declared(heading, 'line-height').at(-1) ?? ''));
      expect(2 * lineHeight).toBeLessThanOrEqual(ROW_HEIGHT);
    }
  },
);

test('Italian: "Aggiungi riga" keeps its words on one line, beside the field; the hint has the row beneath', async () => {
  renderInPane(<AddLine contacts={await ws.contacts.list()} onAdd={async () => true} />, ws, 'it');
  const button = screen.getByTestId('add-line');
  expect(button.textContent).toBe('Aggiungi riga');
  expect(declared(button, 'white-space')).toContain('nowrap');
  expect(declared(button, 'flex-shrink')).toContain('0');
  const box = screen.getByTestId('add-line-contact');
  const hint = screen.getByText('Nr. contatto, nome, società o e-mail');
  // The field and the button share a row; the hint is not in it, but below it, the row's width.
  const row = button.parentElement!;
  expect(row.contains(box)).toBe(true);
  expect(row.contains(hint)).toBe(false);
  expect(row.compareDocumentPosition(hint) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(hint.parentElement!.contains(row)).toBe(true);
  // The hint still describes the field.
  expect(box.getAttribute('aria-describedby')?.split(' ')).toContain(hint.id);
});

test('Go Back on a segment without criteria actions says at once that there is nothing to undo', async () => {
  const { no } = await ws.segments.create({ description: 'Fair' });
  renderInPane(<SegmentPage no={no} navigate={() => {}} back={() => {}} />, ws);
  await userEvent.click(await screen.findByTestId('action-goBack-button'));
  expect(await screen.findByText('There is no criteria action to undo.')).toBeTruthy();
  expect(screen.queryByTestId('confirm-text')).toBeNull();
});

test('Go Back with a criteria action still asks first, naming it', async () => {
  const { no } = await ws.segments.create({ description: 'Fair' });
  await ws.segments.addLine(no, 'P101');
  renderInPane(<SegmentPage no={no} navigate={() => {}} back={() => {}} />, ws);
  await screen.findByTestId('lines-grid');
  await userEvent.click(await screen.findByTestId('action-goBack-button'));
  await waitFor(() =>
    expect(screen.getByTestId('confirm-text').textContent).toMatch(/^This will undo criteria action 1\./),
  );
});
