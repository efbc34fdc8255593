// What Boot renders once the workspace is open: the shell with its start page, the message catalogs and
// the host pages' wiring. One chunk, fetched while the workspace opens (not before the entry runs), so
// the entry script holds only React, the store and the boot path.
export { App } from '../ui/shell/App';
export { languageFor, paneCatalogs } from '../ui/shell/catalogs';
export { makeTranslate } from '../ui/common/i18n';
export { hostPagesFor } from './hostPages';
export { transferApi } from './transfer';
