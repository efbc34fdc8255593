// Setup refuses what Business Central would: a Default Language Code that is not in Languages, a Locale
// that is not a locale, a number series that does not end with digits; each refusal names its field and
// the rule it breaks, so that the page says it at the field in the user's words. One locale rule serves
// Setup and the Languages list.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isLocaleTag, languageFieldsSchema } from '../../src/domain/codes';
import { makeWorkspace } from './helpers';
import { marketLanguages } from './marketCodes';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await ws.languages.upsert(marketLanguages);
});
afterEach(() => ws.close());

describe('the locale rule', () => {
  test.each(['it-IT', 'en-US', 'de', 'fr-CH', 'gsw-CH', 'sr-Latn-RS'])('%s is a locale', (tag) => {
    expect(isLocaleTag(tag)).toBe(true);
  });

  test.each(['bogus_locale', 'tedesco', 'x', '', ' it-IT', 'it-IT,en-US', 'und', '12-IT'])('"%s" is not', (tag) => {
    expect(isLocaleTag(tag)).toBe(false);
  });

  test('the Languages list refuses "tedesco" too, and still takes a blank locale', async () => {
    expect(languageFieldsSchema.safeParse({ code: 'DEU', name: 'Tedesco', locale: 'tedesco' }).success).toBe(false);
    expect(languageFieldsSchema.safeParse({ code: 'DEU', name: 'Tedesco', locale: '' }).success).toBe(true);
    const report = await ws.languages.upsert([{ code: 'DEU', name: 'Tedesco', locale: 'tedesco' }]);
    expect(report.rejected).toHaveLength(1);
    expect(await ws.languages.get('DEU')).toBeUndefined();
  });
});

describe('Setup', () => {
  test.each(['bogus_locale', 'tedesco', 'x'])('refuses the Locale "%s" and keeps the one it had', async (locale) => {
    await ws.setup.update({ locale: 'it-IT' });
    await expect(ws.setup.update({ locale })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'locale', rule: 'locale' },
    });
    expect((await ws.setup.get()).locale).toBe('it-IT');
  });

  test('a blank Locale is refused as a value the field must have', async () => {
    await expect(ws.setup.update({ locale: '' })).rejects.toMatchObject({
      details: { field: 'locale', rule: 'required' },
    });
  });

  test('a number series without digits at its end is refused with an example of its own series', async () => {
    await expect(ws.setup.update({ contactNos: 'CONTATTO' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'contactNos', rule: 'series', example: 'CT00001' },
    });
    await expect(ws.setup.update({ segmentNos: 'SEGMENTO' })).rejects.toMatchObject({
      details: { field: 'segmentNos', rule: 'series', example: 'SEG00001' },
    });
    expect(await ws.setup.get()).toMatchObject({ segmentNos: 'SEG00001', contactNos: 'CT00001' });
  });

  test('refuses a Default Language Code that is not in Languages; a new segment keeps the one saved', async () => {
    await ws.setup.update({ defaultLanguageCode: 'ITA' });
    await expect(ws.setup.update({ defaultLanguageCode: 'xyz' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'defaultLanguageCode', rule: 'notExist', code: 'XYZ' },
    });
    expect((await ws.setup.get()).defaultLanguageCode).toBe('ITA');
    expect((await ws.segments.create()).languageCodeDefault).toBe('ITA');
  });

  test('takes a listed code in capitals, as BC does with a code, and a blank one', async () => {
    await ws.setup.update({ defaultLanguageCode: 'enu' });
    expect((await ws.setup.get()).defaultLanguageCode).toBe('ENU');
    await ws.setup.update({ defaultLanguageCode: '' });
    expect((await ws.setup.get()).defaultLanguageCode).toBe('');
  });
});
