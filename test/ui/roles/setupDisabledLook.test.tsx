// @vitest-environment jsdom
// A member's Setup fields look disabled (Fluent's disabled look: no background, the disabled border and
// text, the not-allowed pointer), not only behave so: the fieldset disables them, and they must not look
// like fields to type in. An administrator's look as always.
import 'fake-indexeddb/auto';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SetupPage } from '../../../src/ui/setup/SetupPage';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { fakeTeam, renderWithWorkspace } from '../log/renderWithTeam';
import '../setup';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
});
afterEach(() => {
  cleanup();
  ws.close();
});

/** The look of a text field (its Fluent root and its input) and of a drop-down of Setup. */
async function looks() {
  const input = await screen.findByDisplayValue('en-US');
  const root = input.closest('.fui-Input') as HTMLElement;
  const dropdown = document.querySelector('.fui-Dropdown') as HTMLElement;
  const button = dropdown.querySelector('.fui-Dropdown__button') as HTMLElement;
  // (jsdom lowercases some colours: compared without case.)
  const css = (e: Element) => {
    const c = getComputedStyle(e);
    return {
      cursor: c.cursor,
      backgroundColor: c.backgroundColor.toLowerCase(),
      borderTopColor: c.borderTopColor.toLowerCase(),
      color: c.color.toLowerCase(),
    };
  };
  return {
    inputCursor: css(root).cursor,
    inputBackground: css(root).backgroundColor,
    inputBorder: css(root).borderTopColor,
    inputText: css(input).color,
    dropdownCursor: css(dropdown).cursor,
    dropdownBackground: css(dropdown).backgroundColor,
    dropdownText: css(button).color,
  };
}

test('a member’s Setup fields look disabled', async () => {
  renderWithWorkspace(<SetupPage />, ws, fakeTeam({ known: true, user: 'ANNA', role: 'member' }), 'it');
  expect(await looks()).toEqual({
    inputCursor: 'not-allowed',
    inputBackground: 'var(--colortransparentbackground)',
    inputBorder: 'var(--colorneutralstrokedisabled)',
    inputText: 'var(--colorneutralforegrounddisabled)',
    dropdownCursor: 'not-allowed',
    dropdownBackground: 'var(--colortransparentbackground)',
    dropdownText: 'var(--colorneutralforegrounddisabled)',
  });
});

test('an administrator’s Setup fields look as fields to type in', async () => {
  renderWithWorkspace(<SetupPage />, ws, fakeTeam({ known: true, user: 'CARLA', role: 'admin' }));
  const l = await looks();
  expect(l.inputCursor).not.toBe('not-allowed');
  expect(l.inputBackground).toBe('var(--colorneutralbackground1)');
  expect(l.inputText).not.toBe('var(--colorneutralforegrounddisabled)');
  expect(l.dropdownBackground).toBe('var(--colorneutralbackground1)');
});
