// How the browser benches print their figures: the median of the runs, a time, the machine's load.
import { loadavg } from 'node:os';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const ms = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`;
export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
