// Outside Office the pane starts without waiting for office.js to say there is no host; wherever office.js
// could find a host (the signs it reads itself), the pane waits for Office as before.
import { describe, expect, test } from 'vitest';
import { officeMayBeHere, type OfficeSigns } from '../../src/office/host';

const browser: OfficeSigns = { search: '', hash: '', name: '', storedHostInfo: null, framed: false, hostBridge: false };

describe('whether Office may drive the page', () => {
  test('a page opened in a browser, with none of the signs, is outside Office', () => {
    expect(officeMayBeHere(browser)).toBe(false);
    expect(officeMayBeHere({ ...browser, search: '?lang=it', name: 'pane' })).toBe(false);
  });

  test.each<[string, Partial<OfficeSigns>]>([
    ['the _host_Info parameter (desktop Office)', { search: '?_host_Info=Excel$Win32$16.01$en-US$$$$0' }],
    ['the _host_Info parameter in the hash', { hash: '#_host_Info=Word$Mac$16.01$it-IT$$$$0' }],
    ["the window's name (Office on the web)", { name: '{"hostInfo":"Excel|Web|16.00|en-US|x|||"}' }],
    ['what office.js kept in sessionStorage on an earlier load', { storedHostInfo: 'Excel|Web|16.00|en-US' }],
    ['a frame (Office on the web runs add-ins in one)', { framed: true }],
    ["a host object (window.external's, WebView2's, WKWebView's)", { hostBridge: true }],
  ])('%s: Office may be here', (_what, sign) => {
    expect(officeMayBeHere({ ...browser, ...sign })).toBe(true);
  });
});
