// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/react';
import { useLiveQuery } from '../../../src/ui/hooks/useLiveQuery';
import { makeWorkspace, seedMarket } from '../../store/helpers';
function C({ ws }: { ws: any }) {
  const s = useLiveQuery(() => ws.segments.list(), [ws]);
  const p = useLiveQuery(() => Promise.resolve(5), []);
  return <div data-testid="x">{s ? s.length : 'loading'} / {String(p)}</div>;
}
test('dbg', async () => {
  const ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.segments.create({ description: 'Autumn letters', interactionTemplateCode: 'ABSTRACT' });
  render(<C ws={ws} />);
  try { await waitFor(() => expect(screen.getByTestId('x').textContent).toBe('1 / 5'), { timeout: 3000 }); } catch (e) {}
  console.log('DOM', screen.getByTestId('x').textContent);
});
