// The entry: wait for Office once (src/office/host.ts), then boot the pane for the host.
import './csp';
import { createRoot } from 'react-dom/client';
import { whenOfficeReady } from '../office/host';
import { Boot } from './Boot';

void whenOfficeReady().then((info) => {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(<Boot info={info} />);
});
