// @vitest-environment jsdom
// The page title in a 320 px pane wraps between words, never inside one: "Salespeople/Purchasers" may
// break after its slash, not as "Purchaser" + "s"; a single word wider than the bar ends in "…" with the
// whole title as its tooltip. (jsdom lays nothing out: the title's wrapping rules and its break
// opportunity are what is checked here; the production build is looked at in Chromium.)
import 'fake-indexeddb/auto';
import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { App } from '../../../src/ui/shell/App';
import type { Services } from '../../../src/ui/common/services';
import '../setup';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});

function services(): Services {
  const prefs = new Map<string, unknown>();
  return {
    workspace: ws,
    preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
    host: 'Excel',
  };
}

test('a long title wraps between words (after its slash), never inside a word; the whole title is its tooltip', async () => {
  render(<App services={services()} initialLanguage="en" startRoute={{ page: 'codeList', list: 'salespeople' }} />);
  const title = await screen.findByTestId('page-title');
  expect(title.textContent).toBe('Salespeople/Purchasers');
  expect(title.getAttribute('title')).toBe('Salespeople/Purchasers');
  // A break opportunity right after the slash, and none inside a word.
  expect(title.innerHTML).toMatch(/Salespeople\/<wbr>Purchasers/);
  const style = getComputedStyle(title);
  expect(style.overflowWrap).not.toBe('anywhere');
  expect(style.overflowWrap).not.toBe('break-word');
  expect(style.wordBreak).not.toBe('break-all');
  // A word wider than the bar is cut with "…", not broken.
  expect(style.textOverflow).toBe('ellipsis');
  expect(style.overflow).toBe('hidden');
});

test('a title without a slash is shown as it is, in Italian too', async () => {
  render(<App services={services()} initialLanguage="it" startRoute={{ page: 'segment', no: 'SEG00001' }} />);
  const title = await screen.findByTestId('page-title');
  expect(title.textContent).toBe('Segmento SEG00001');
  expect(title.querySelector('wbr')).toBeNull();
  expect(title.getAttribute('title')).toBe('Segmento SEG00001');
});
