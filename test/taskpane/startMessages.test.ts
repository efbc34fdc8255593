// @vitest-environment jsdom
// taskpane.html's start script (scripts/start-messages.mjs) asks for the messages of the browser's
// language before the entry arrives: the same language the pane then chooses (src/ui/shell/languageFor.ts),
// so the chunk it preloads is the one the entry fetches, and the other language is never fetched at start.
import { afterEach, expect, test } from 'vitest';
import { startMessagesScript } from '../../scripts/start-messages.mjs';
import { languageFor } from '../../src/ui/shell/languageFor';

const files = { en: 'messages-en.0123abcd.js', it: 'messages-it.4567ef01.js' };

afterEach(() => {
  for (const l of document.head.querySelectorAll('link')) l.remove();
});

/** Runs the start script as the page would, with the browser's language `tag`. */
function run(tag: string): HTMLLinkElement[] {
  const nav = Object.getOwnPropertyDescriptor(Navigator.prototype, 'language');
  Object.defineProperty(Navigator.prototype, 'language', { configurable: true, get: () => tag });
  try {
    new Function(startMessagesScript(files))();
  } finally {
    if (nav) Object.defineProperty(Navigator.prototype, 'language', nav);
  }
  return [...document.head.querySelectorAll('link')];
}

for (const tag of ['en-US', 'it-IT', 'it', 'IT-ch', 'de-DE', 'fr', 'en-GB', '']) {
  test(`browser language "${tag}": one preload, of the messages languageFor picks`, () => {
    const links = run(tag);
    expect(links).toHaveLength(1);
    expect(links[0].rel).toBe('preload');
    expect(links[0].getAttribute('as')).toBe('script');
    expect(links[0].getAttribute('href')).toBe(files[languageFor(tag)]);
  });
}
