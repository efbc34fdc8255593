// What Boot renders once the workspace is open: the shell with its start page and the host pages'
// wiring. One chunk, fetched while the workspace opens (not before the entry runs), so the entry script
// holds only React, the store and the boot path. The message catalogs are fetched beside it, in the
// user's language only (catalogRegistry.ts).
export { PaneRoot } from '../ui/shell/PaneRoot';
export { hostPagesFor } from './hostPages';
export { transferApi } from './transfer';
export { loadListTable } from '../ui/common/ListPage';
