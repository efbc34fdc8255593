// @vitest-environment jsdom
// The Fields tab outside Word: no Insert button that can never work; each field shows the «Name» a .docx
// letter uses for it (what an upload recognises), in the user's language.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { MergeFieldDef } from '../../../src/domain/mergeFields';
import type { UiLanguage } from '../../../src/domain/setup';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { FieldsPanel } from '../../../src/ui/mailMerge/FieldsPanel';
import { wordMessages } from '../../../src/ui/mailMerge/messages';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import '../setup';

afterEach(cleanup);

const fields: MergeFieldDef[] = [
  { key: 'contact.name', group: 'contact', captionKey: 'word.field.contact.name' },
  { key: 'contact.city', group: 'contact', captionKey: 'word.field.contact.city' },
  { key: 'extra.Region', group: 'extra', captionKey: 'Region' },
];

function show(canInsert: boolean, language: UiLanguage = 'en') {
  const catalog = wordMessages[language] as Record<string, string>;
  const caption = (f: MergeFieldDef) => (f.group === 'extra' ? f.captionKey : (catalog[f.captionKey] ?? f.captionKey));
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={[...paneCatalogs, wordMessages]}>
        <FieldsPanel
          fields={fields}
          caption={caption}
          canInsert={canInsert}
          onInsert={() => undefined}
          legacy={[]}
          onConvert={() => undefined}
          busy={false}
        />
      </I18nProvider>
    </FluentProvider>,
  );
  return caption;
}

test.each(['en', 'it'] as const)(
  'outside Word (%s): each field shows the «Name» to type in a .docx letter, no Insert',
  (language) => {
    const caption = show(false, language);
    expect(screen.queryAllByRole('button')).toEqual([]);
    for (const f of fields) expect(screen.getByText(`«${caption(f)}»`)).toBeTruthy();
    expect(screen.getByText(wordMessages[language]['word.fields.inWordOnly'])).toBeTruthy();
  },
);

test('in Word: Insert for every field', () => {
  show(true);
  expect(screen.getAllByRole('button', { name: /^Insert / })).toHaveLength(3);
  expect(screen.queryByText('«Name»')).toBeNull();
});
