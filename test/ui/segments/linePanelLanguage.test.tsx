// @vitest-environment jsdom
// A line's panel: choosing another Language Code shows the subject the line takes for it (the segment's
// letter's subject for that language), and Save keeps it.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LinePanel } from '../../../src/ui/segments/LinePanel';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
});
afterEach(() => {
  cleanup();
  ws.close();
});

test('another language shows and saves that language’s subject', async () => {
  // ABSTRACT: "Our news" in English (the default), "Le nostre novità" in Italian.
  const { no } = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
  await ws.segments.addLine(no, 'P101');
  const view = (await ws.segments.get(no))!;
  expect(view.lines[0]).toMatchObject({ languageCode: 'ITA', subject: 'Le nostre novità' });
  renderInPane(
    <LinePanel
      segmentNo={no}
      header={view.header}
      line={view.lines[0]}
      contactName="Anna Bianchi"
      criteria={view.criteria}
      onClose={() => {}}
    />,
    ws,
  );
  const language = await screen.findByTestId('field-languageCode');
  await userEvent.clear(language);
  await userEvent.type(language, 'ENU{Enter}');
  await waitFor(() => expect((screen.getByTestId('field-subject') as HTMLInputElement).value).toBe('Our news'));
  await userEvent.click(screen.getByTestId('line-save'));
  await waitFor(async () =>
    expect((await ws.segments.get(no))!.lines[0]).toMatchObject({ languageCode: 'ENU', subject: 'Our news' }),
  );
});
