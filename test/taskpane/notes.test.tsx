// @vitest-environment jsdom
// The pane's Toaster is fetched after the first paint: a note sent before it is here (a quick click on New
// segment) is kept and shown once it arrives, with what came after it in order (a newer success replacing
// the older one, an error staying beside it).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';

let release!: () => void;
const arrived = new Promise<void>((ok) => (release = ok));
vi.doMock('../../src/ui/shell/toaster', async (importOriginal) => {
  await arrived;
  return importOriginal();
});
const { Notes } = await import('../../src/ui/shell/Notes');
const { TOASTER_ID, useNotify } = await import('../../src/ui/common/notify');
const { I18nProvider } = await import('../../src/ui/common/i18n');
const { paneCatalogs } = await import('../../src/ui/shell/catalogs');

afterEach(cleanup);

const titles = () => Array.from(document.querySelectorAll('.fui-ToastTitle')).map((e) => e.textContent);

test('notes sent before the Toaster arrives are shown when it does, in the order sent', async () => {
  let notify!: ReturnType<typeof useNotify>;
  function Sender() {
    notify = useNotify();
    return null;
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language="it" catalogs={paneCatalogs}>
        <Sender />
        <Notes toasterId={TOASTER_ID} position="bottom" limit={3} />
      </I18nProvider>
    </FluentProvider>,
  );
  act(() => notify.success('Segmento SEG00001 creato.'));
  act(() => notify.error(new Error('Disco pieno')));
  act(() => notify.success('Segmento SEG00002 creato.'));
  // Given time, nothing shows before the Toaster is here.
  await new Promise((r) => setTimeout(r, 50));
  expect(titles()).toEqual([]);
  release();
  await waitFor(() => expect(titles()).toHaveLength(2));
  expect(titles()).toContain('Segmento SEG00002 creato.');
  expect(titles().join('|')).toContain('Disco pieno');
  expect(titles()).not.toContain('Segmento SEG00001 creato.');
  // Once here, a note goes straight to it.
  act(() => notify.success('Segmento SEG00003 creato.'));
  await waitFor(() => expect(titles()).toContain('Segmento SEG00003 creato.'));
  await waitFor(() => expect(titles()).not.toContain('Segmento SEG00002 creato.'));
});
