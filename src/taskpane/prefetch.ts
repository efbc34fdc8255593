// Imported by the entry right after csp.ts, before React and Fluent are evaluated: the first page's
// chunks are asked for at once (startChunks.ts).
import { prefetchStart } from './startChunks';

prefetchStart();

export {};
