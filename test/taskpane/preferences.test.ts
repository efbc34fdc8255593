// @vitest-environment jsdom
// The pane's preferences read what earlier versions kept with @microsoft/office-js-helpers' Storage (the
// library wrote them; the pane no longer fetches it), each host its own, and a refused storage leaves
// preferences for the session only.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadPreferences } from '../../src/taskpane/preferences';

afterEach(() => localStorage.clear());

describe('the preferences of a host', () => {
  test('what office-js-helpers kept is read back, and what the pane keeps it reads too', async () => {
    const helpers = (await import('@microsoft/office-js-helpers')) as unknown as {
      Storage: new (container: string) => { set(key: string, value: unknown): unknown; get(key: string): unknown };
    };
    const old = new helpers.Storage('segments-preferences-Excel');
    old.set('language', 'it');
    old.set('lastSegment', 'SEG00007');
    old.set('mapping:Contacts!A1:P1', { 'E-Mail': 'eMail', Notes: null });

    const prefs = loadPreferences('Excel');
    expect(prefs.get('language')).toBe('it');
    expect(prefs.get('lastSegment')).toBe('SEG00007');
    expect(prefs.get('mapping:Contacts!A1:P1')).toEqual({ 'E-Mail': 'eMail', Notes: null });
    expect(prefs.get('nothing kept')).toBeUndefined();

    prefs.set('language', 'en');
    prefs.set('mapping:Leads', { Nome: 'name' });
    expect(old.get('language')).toBe('en');
    expect(old.get('mapping:Leads')).toEqual({ Nome: 'name' });
  });

  test('each host keeps its own', () => {
    loadPreferences('Excel').set('language', 'it');
    expect(loadPreferences('Word').get('language')).toBeUndefined();
    expect(loadPreferences('Excel').get('language')).toBe('it');
  });

  test('a storage that refuses: the preferences last for the session, and the pane still starts', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as Storage;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const prefs = loadPreferences('Excel', refusing);
    prefs.set('language', 'it');
    expect(prefs.get('language')).toBe('it');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
