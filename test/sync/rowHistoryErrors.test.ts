// A row's history the server does not give says why, as a kind the pane words in the user's language:
// the server cannot be reached, the pane has no personal key, the server refused the key, or the server
// answered an error (its HTTP status). The developer's text (table, id, the server's reason) stays in the
// message for the console, never in what the user reads.
import { describe, expect, test } from 'vitest';
import { fetchRowHistory, RowHistoryError } from '../../src/sync/rowHistory';

const serverUrl = 'https://segments.example.test';
const answering = (res: () => Response) => (async () => res()) as unknown as typeof fetch;

async function failure(opts: { key?: string; fetch: typeof fetch }): Promise<RowHistoryError> {
  const e: unknown = await fetchRowHistory({ serverUrl, ...opts }, 'loggedSegments', '01M98HNMR0SJH1NRPC2QM42NZC').then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RowHistoryError);
  return e as RowHistoryError;
}

describe('fetchRowHistory refusals', () => {
  test('the server cannot be reached', async () => {
    const e = await failure({
      key: 'k1',
      fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch,
    });
    expect(e).toMatchObject({ kind: 'unreachable', status: undefined });
  });

  test('the key is refused, or there is none', async () => {
    const refused = answering(() =>
      Response.json({ reason: "the key is not one of this server's keys" }, { status: 401 }),
    );
    const e = await failure({ key: 'old', fetch: refused });
    expect(e).toMatchObject({ kind: 'keyRefused', status: 401 });
    // The developer's words stay for the console.
    expect(e.message).toMatch(/history of loggedSegments 01M98HNMR0SJH1NRPC2QM42NZC: 401 the key is not one/);
    const none = answering(() => Response.json({ reason: 'a personal key is required' }, { status: 401 }));
    expect(await failure({ fetch: none })).toMatchObject({ kind: 'noKey', status: 401 });
  });

  test('any other answer: the HTTP status', async () => {
    expect(await failure({ key: 'k1', fetch: answering(() => new Response('boom', { status: 503 })) })).toMatchObject({
      kind: 'server',
      status: 503,
    });
    // An answer that is not a history (a proxy's page): said as the server's, with its status.
    expect(await failure({ key: 'k1', fetch: answering(() => new Response('<html>', { status: 200 })) })).toMatchObject(
      { kind: 'server', status: 200 },
    );
  });
});
