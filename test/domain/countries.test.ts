// Country cells: a code is recognised by asking the runtime about that code alone (not by naming every
// region first, which held the first row of an import about 15 ms); names still need the whole index.
import { countryCodeOf, countryCodes, isCountryCode } from '../../src/domain/countries';

describe('country codes and names', () => {
  test('a code is checked by itself: the first code of an import names one region, not all 676 pairs of letters', () => {
    const of = vi.spyOn(Intl.DisplayNames.prototype, 'of');
    try {
      expect(countryCodeOf('it')).toEqual({ code: 'IT', by: 'code' });
      expect(countryCodeOf('CH')).toEqual({ code: 'CH', by: 'code' });
      expect(of.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      of.mockRestore();
    }
  });

  test('groupings and reserved codes are not countries; names in English and Italian are', () => {
    expect(isCountryCode('EU')).toBe(false);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
    expect(isCountryCode('DE')).toBe(true);
    expect(countryCodes()).toContain('DE');
    expect(countryCodes()).not.toContain('EU');
    expect(countryCodes().length).toBeGreaterThan(240);
    expect(countryCodeOf('Switzerland')).toEqual({ code: 'CH', by: 'name' });
    expect(countryCodeOf('Svizzera')).toEqual({ code: 'CH', by: 'name' });
    expect(countryCodeOf('UK')).toEqual({ code: 'GB', by: 'name' });
    expect(countryCodeOf('Deutschland', ['de'])).toEqual({ code: 'DE', by: 'name' });
    expect(countryCodeOf('Atlantis')).toBeUndefined();
  });
});
