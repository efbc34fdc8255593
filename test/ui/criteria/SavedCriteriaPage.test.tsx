// @vitest-environment jsdom
// Saved Segment Criteria: every action of a code is read in full, wrapped in the pane's narrow column, never cut
// after a set number of lines (a tooltip is no help on a touch screen).
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { SavedCriteriaPage } from '../../../src/ui/criteria/SavedCriteriaPage';
import { seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest(async (w) => {
  ws = w;
  await seedMarket(ws);
});

describe('Saved Segment Criteria', () => {
  test('the actions wrap in full: no line limit cuts the third one', async () => {
    const h = await ws.segments.create({ description: 'Fair' });
    await ws.segments.addContacts(h.no, { contact: { city: 'Roma|Milano' } });
    await ws.segments.addContacts(h.no, { mailingGroup: 'XMAS' });
    await ws.segments.reduceContacts(h.no, { contact: { type: 'Person' } });
    await ws.segments.saveCriteria(h.no, 'FAIR', 'Fair: Rome and Milan and XMAS, without companies');
    renderInPane(<SavedCriteriaPage navigate={() => undefined} />, ws, 'it');
    const row = await screen.findByTestId('saved-FAIR');
    const steps = within(row).getAllByRole('listitem');
    const cell = steps[0].closest('td')!;
    // No clamp on the cell's text (ListTable clamps a column of `maxLines` with -webkit-line-clamp)...
    for (const el of [cell, ...Array.from(cell.querySelectorAll<HTMLElement>('*'))])
      expect(el.getAttribute('style') ?? '', el.tagName).not.toMatch(/line-clamp/);
    // ...and the description and its actions wrap (jsdom lays nothing out: the declared rule is read).
    const list = within(row).getByRole('list');
    expect(declared(list.parentElement!, 'white-space')).toContain('normal');
    expect(steps.map((s) => s.textContent)).toEqual([
      'Agg. contatti: Città: Roma|Milano',
      'Agg. contatti: Gruppo mailing: XMAS',
      'Eliminaz. contatti - Riduzione: Tipo: Person',
    ]);
  });
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
