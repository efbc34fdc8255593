// Wiring point for the host pages: Excel's sheet import (src/ui/excel, with src/office/excel) and Word's
// mail merge (src/ui/word, with src/office/word). Until those pages exist, the shell says so where they
// would be; the segment pages work in every host.
import type { HostPages } from '../ui/App';
import type { Preferences } from '../ui/services';
import type { Workspace } from '../domain/workspace';
import type { HostKind } from '../office/host';

export function hostPagesFor(_host: HostKind, _workspace: Workspace, _preferences: Preferences): HostPages {
  // Excel: { excelImport: (segmentNo) => <ExcelImportPage workspace excel segmentNo mappingStore />, catalogs: [excelMessages] }
  // Word:  { mailMerge: () => <MailMergePage workspace word />, catalogs: [wordMessages] }
  return {};
}
