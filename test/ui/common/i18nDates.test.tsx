// The dates the pane shows: the workspace locale's order with the year in four digits, as BC shows them, and
// exactly what a date field writes back (typedDate), so a date copied from a list into a filter reads back.
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';
import { typedDate } from '../../../src/domain/filterValues';
import { I18nProvider, useI18n } from '../../../src/ui/common/i18n';

function shown(locale: string, iso: string): string {
  function Probe() {
    return <>{useI18n().formatDate(iso)}</>;
  }
  return renderToString(
    <I18nProvider language="en" locale={locale} catalogs={[]}>
      <Probe />
    </I18nProvider>,
  );
}

test('it-IT shows 07/12/2026 and en-US 12/7/2026, not a two-digit year', () => {
  expect(shown('it-IT', '2026-12-07')).toBe('07/12/2026');
  expect(shown('en-US', '2026-12-07')).toBe('12/7/2026');
});

test.each(['it-IT', 'en-US', 'en-GB', 'de-DE', 'fr-CH', 'ko-KR', 'ja-JP'])(
  '%s: the date shown is the one a date field writes back',
  (locale) => {
    for (const iso of ['2026-12-07', '1999-01-31']) expect(shown(locale, iso)).toBe(typedDate(iso, locale));
  },
);

test('no date shows nothing', () => {
  expect(shown('it-IT', '')).toBe('');
});
