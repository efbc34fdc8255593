// Territories (BC table Territory: Code and Name), a code list like the others: upsert, list, get and
// remove by code, the code's length checked, recorded as actions for the shared workspace, in a backup.
import { ACTION_ROW, outboxMiddleware } from '../../src/store/outbox';
import { makeWorkspace } from './helpers';

describe('territories', () => {
  test('upsert, list in code order, get, update by code, remove; a bad code is refused in words', async () => {
    const ws = await makeWorkspace();
    const r = await ws.territories.upsert([
      { code: 'SUD', name: 'Sud Italia' },
      { code: 'NORD', name: 'Nord Italia' },
      { code: 'TOOLONGCODE1', name: 'Eleven and more' },
      { code: '', name: 'No code' },
    ]);
    expect(r.rejected.map((x) => x.index)).toEqual([2, 3]);
    expect(r.rejected[0].issues.join()).toMatch(/code: is longer than 10 characters/);
    expect((await ws.territories.list()).map((t) => [t.code, t.name])).toEqual([
      ['NORD', 'Nord Italia'],
      ['SUD', 'Sud Italia'],
    ]);
    await ws.territories.upsert([{ code: 'NORD', name: 'Settentrione' }]);
    expect(await ws.territories.get('NORD')).toMatchObject({ code: 'NORD', name: 'Settentrione' });
    await ws.territories.remove('SUD');
    await expect(ws.territories.remove('SUD')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Territory SUD does not exist',
    });
    expect((await ws.territories.list()).map((t) => t.code)).toEqual(['NORD']);
    ws.close();
  });

  test('its writes are recorded for the shared workspace as the other code lists are', async () => {
    const ws = await makeWorkspace({ dbCoreMiddlewares: [outboxMiddleware(() => undefined)] });
    await ws.territories.upsert([{ code: 'NORD', name: 'Nord Italia' }]);
    const outbox = await ws.ctx.db.outbox.orderBy('seq').toArray();
    expect(outbox.filter((o) => o.table !== ACTION_ROW).map((o) => [o.table, o.op])).toEqual([['territories', 'put']]);
    expect(outbox.find((o) => o.table === ACTION_ROW)?.action).toMatchObject({ name: 'territories.upsert' });
    ws.close();
  });
});
