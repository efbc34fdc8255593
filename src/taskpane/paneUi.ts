// What Boot renders first: the shell with its start page and the host pages' wiring, in the entry script
// (Boot.tsx). The message catalogs are fetched beside it, in the user's language only (catalogRegistry.ts).
export { PaneRoot } from '../ui/shell/PaneRoot';
export { hostPagesFor } from './hostPages';
export { transferApi } from './transfer';
