// @vitest-environment jsdom
// A segment page follows its segment when the shared workspace renumbers it: Anna and Marco create a
// segment at once, both SEG…1; Anna's reaches the server first, so Marco's becomes the next number and
// Anna's takes his number in his pane. Marco's open page must show his segment under its new number, and
// nothing he does on it may land on Anna's: not what he types after the notice, and not a click that
// comes in the instant the pull lands, before the page has drawn again (his page then still holds the
// number it opened with), nor in a pane that shares its database with the one running the sync and so
// hears of no renumbering at all.
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import type { Preferences } from '../../src/domain/ports/preferences';
import type { SyncService, SyncState } from '../../src/domain/ports/syncStatus';
import { syncService } from '../../src/taskpane/syncService';
import { App } from '../../src/ui/shell/App';
import { seedMarket } from '../store/helpers';
import { type Pane, settle, sharedServer } from './harness';
import '../ui/setup';

// The pushes are Blobs handed to Node's fetch: jsdom's Blob is not one Node can send.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

const shared = sharedServer();
afterEach(() => cleanup());

/** Anna's and Marco's segments made at once: both under one number, Anna's pushed first. */
async function madeAtOnce(): Promise<{ anna: Pane; marco: Pane; no: string; hersId: string; hisId: string }> {
  const anna = await shared.pane();
  const marco = await shared.pane();
  await settle(anna);
  if ((await anna.workspace.salespeople.list()).length === 0) await seedMarket(anna.workspace);
  await settle(anna, marco);
  const hers = await anna.workspace.segments.create({ description: 'Anna while server down' });
  const his = await marco.workspace.segments.create({ description: 'Marco segment' });
  expect(his.no).toBe(hers.no);
  await anna.sync.syncNow();
  return { anna, marco, no: his.no, hersId: hers.id, hisId: his.id };
}

function openPage(marco: Pane, no: string, sync: SyncService, language: 'en' | 'it') {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  render(
    <App
      services={{ workspace: marco.workspace, preferences, host: 'none', sync }}
      initialLanguage={language}
      startRoute={{ page: 'segment', no }}
    />,
  );
}

const title = () => screen.getByTestId('page-title').textContent;
const description = () => screen.getByTestId('segment-description').textContent;

/** Runs `act` once, synchronously, when the pane's sync client first tells of a renumbered segment. */
function whenRenumbered(marco: Pane, act: () => void): () => boolean {
  let done = false;
  const off = marco.sync.subscribe((s) => {
    if (done || !s.renumbered.some((r) => r.table === 'segments')) return;
    done = true;
    off();
    act();
  });
  return () => done;
}

test('the renumber notice moves the open page to the segment’s new number, and what Marco types lands on his own segment', async () => {
  const { anna, marco, no, hersId, hisId } = await madeAtOnce();
  openPage(marco, no, syncService(marco.sync, shared.server.url), 'it');
  await waitFor(() => expect(description()).toBe('Marco segment'));
  expect(title()).toBe(`Segmento ${no}`);

  await marco.sync.syncNow();
  const moved = marco.sync.getStatus().renumbered.find((r) => r.id === hisId)!;
  expect(moved).toMatchObject({ table: 'segments', from: no });
  expect(await screen.findByTestId('sync-renumbered')).toBeTruthy();
  await waitFor(() => expect(title()).toBe(`Segmento ${moved.to}`));
  await waitFor(() => expect(description()).toBe('Marco segment'));

  const field = screen.getByTestId('field-description');
  await userEvent.clear(field);
  await userEvent.type(field, 'Marco mailing');
  await userEvent.tab();
  await waitFor(async () =>
    expect((await marco.workspace.ctx.db.segments.get(hisId))?.description).toBe('Marco mailing'),
  );
  expect((await marco.workspace.ctx.db.segments.get(hersId))?.description).toBe('Anna while server down');
  await settle(marco, anna);
  expect((await anna.workspace.segments.get(no))?.header.description).toBe('Anna while server down');
  expect((await anna.workspace.segments.get(moved.to))?.header.description).toBe('Marco mailing');
}, 90_000);

test('a click in the instant the pull lands, before the page draws again, changes Marco’s segment, never Anna’s', async () => {
  const { marco, no, hersId, hisId } = await madeAtOnce();
  openPage(marco, no, syncService(marco.sync, shared.server.url), 'en');
  await waitFor(() => expect(description()).toBe('Marco segment'));
  await userEvent.click(screen.getByRole('button', { name: 'Campaign' }));
  const target = await within(screen.getByRole('main')).findByRole('checkbox', { name: 'Campaign Target' });
  let titleThen: string | null | undefined;
  const clicked = whenRenumbered(marco, () => {
    // The notice is told: the page's title already names the segment's new number.
    titleThen = title();
    fireEvent.click(target);
  });
  await marco.sync.syncNow();
  expect(clicked()).toBe(true);
  const moved = marco.sync.getStatus().renumbered.find((r) => r.id === hisId)!;
  expect(titleThen).toBe(`Segment ${moved.to}`);
  await waitFor(async () => expect((await marco.workspace.ctx.db.segments.get(hisId))?.campaignTarget).toBe(true));
  expect((await marco.workspace.ctx.db.segments.get(hersId))?.campaignTarget).toBe(false);
  expect(marco.sync.getStatus().failed).toEqual([]);
}, 90_000);

test('a pane that hears of no renumbering (its database is synced by another pane) still follows its segment by id', async () => {
  const { marco, no, hersId, hisId } = await madeAtOnce();
  // The pane beside the one running the sync: the same database, no renumbering told.
  const real = syncService(marco.sync, shared.server.url);
  let seen: SyncState | undefined;
  let quiet: SyncState | undefined;
  const deaf: SyncService = {
    ...real,
    getStatus: () => {
      const s = real.getStatus();
      if (s !== seen) [seen, quiet] = [s, { ...s, renumbered: [] }];
      return quiet!;
    },
  };
  openPage(marco, no, deaf, 'en');
  await waitFor(() => expect(description()).toBe('Marco segment'));
  await userEvent.click(screen.getByRole('button', { name: 'Campaign' }));
  const target = await within(screen.getByRole('main')).findByRole('checkbox', { name: 'Campaign Target' });
  const clicked = whenRenumbered(marco, () => fireEvent.click(target));
  await marco.sync.syncNow();
  expect(clicked()).toBe(true);
  const moved = marco.sync.getStatus().renumbered.find((r) => r.id === hisId)!;
  await waitFor(() => expect(title()).toBe(`Segment ${moved.to}`));
  expect(description()).toBe('Marco segment');
  await waitFor(async () => expect((await marco.workspace.ctx.db.segments.get(hisId))?.campaignTarget).toBe(true));
  expect((await marco.workspace.ctx.db.segments.get(hersId))?.campaignTarget).toBe(false);
}, 90_000);
