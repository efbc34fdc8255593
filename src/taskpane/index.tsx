// The entry: fetch what the first page needs while Office gets ready (src/office/host.ts waits for it
// once, and not at all outside Office), then start the pane for the host and render it once its shell and
// catalogs are here, in one round (Boot.tsx).
import './csp';
import './prefetch';
import { createRoot, type Root } from 'react-dom/client';
import { whenPaneCanStart, type HostInfo } from '../office/host';
import { Boot, startPane } from './Boot';

let root: Root | undefined;
async function show(info: HostInfo) {
  const el = document.getElementById('root');
  if (!el) return;
  const starting = startPane(info);
  await starting.shown;
  root ??= createRoot(el);
  // Another host is another pane (its start page, its pages): the one shown before is stopped.
  root.render(<Boot key={info.host} info={info} starting={starting} />);
}

const { start, confirmed } = whenPaneCanStart();
void start.then(async (info) => {
  await show(info);
  // Started as outside Office: should Office report a host after all, the pane starts again for it.
  const real = await confirmed;
  if (real.host !== info.host) await show(real);
});
