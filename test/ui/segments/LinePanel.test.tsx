// @vitest-environment jsdom
// A line's panel shows the line as stored now, not as it was when its row was clicked: a comment saved a
// moment before (the row still drawn from the lines before the save) or changed while the panel is open
// (by sync, say) shows in the panel.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { hostPagesFor } from '../../../src/taskpane/hostPages';
import { App } from '../../../src/ui/shell/App';
import type { Preferences } from '../../../src/domain/ports/preferences';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import '../setup';

// jsdom lays nothing out: the grid is given a height so that its rows render.
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
});

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  const h = await ws.segments.create({ description: 'Fair' });
  await ws.segments.addContactList(h.no, ['P101', 'P201']);
});
afterEach(() => {
  cleanup();
  ws.close();
  for (const k of ['clientHeight', 'clientWidth'])
    delete (HTMLElement.prototype as unknown as Record<string, unknown>)[k];
});

test('the open line panel follows its line when the stored line changes', async () => {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  const info = {
    host: 'none' as const,
    platform: null,
    displayLanguage: 'en-US',
    supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
  };
  render(
    <App
      services={{ workspace: ws, preferences, host: 'none' }}
      initialLanguage="en"
      hostPages={hostPagesFor(info, ws, preferences)}
      startRoute={{ page: 'segment', no: 'SEG00001' }}
    />,
  );
  await userEvent.click((await screen.findAllByTestId('line-row'))[0]);
  const comment = (await screen.findByTestId('line-comment')) as HTMLTextAreaElement;
  expect(comment.value).toBe('');
  const line = (await ws.segments.get('SEG00001'))!.lines[0];
  await ws.segments.updateLine('SEG00001', line.lineNo, { comment: 'Saved a moment ago' });
  await waitFor(() => expect(comment.value).toBe('Saved a moment ago'));
});

test('"Why is this contact here?" wraps its text and keeps its height in the panel’s column, in Italian too', async () => {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  const info = {
    host: 'none' as const,
    platform: null,
    displayLanguage: 'it-IT',
    supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
  };
  render(
    <App
      services={{ workspace: ws, preferences, host: 'none' }}
      initialLanguage="it"
      hostPages={hostPagesFor(info, ws, preferences)}
      startRoute={{ page: 'segment', no: 'SEG00001' }}
    />,
  );
  await userEvent.click((await screen.findAllByTestId('line-row'))[0]);
  const why = await screen.findByTestId('why-here');
  // jsdom lays nothing out: what lets the box grow to its 2–3 lines at 320 px is asserted. Its text wraps
  // (Fluent's multiline layout, not its one-line layout) and the column may not shrink it below its text.
  // (jsdom's cascade does not order Fluent's style buckets as a browser does: the rules that match are read.)
  expect(declared(why, 'white-space')).toContain('normal');
  expect(why.querySelector('.fui-MessageBar__bottomReflowSpacer')).not.toBeNull();
  expect(getComputedStyle(why).flexShrink).toBe('0');
  expect(getComputedStyle(why.parentElement!).flexDirection).toBe('column');
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

/** Whether `el` matches `selector`; a selector jsdom cannot parse (a vendor pseudo-element) does not. */
function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}
