// The pane's root with every catalog of both languages at hand (the pane's, Excel's and Word's): for a
// caller that renders the pane at once, such as the component tests. The task pane itself renders
// PaneRoot with only the user's language fetched (src/taskpane/catalogRegistry.ts).
import { useState } from 'react';
import { excelMessages } from '../import/messages';
import { wordMessages } from '../mailMerge/messages';
import { paneCatalogs } from './catalogs';
import { PaneRoot, type AppProps, type PaneCatalogs } from './PaneRoot';

export { defaultStart, type AppProps, type HostPages, type PaneCatalogs } from './PaneRoot';

export function App(props: AppProps) {
  const [catalogs] = useState<PaneCatalogs>(() => {
    const all = [...paneCatalogs, excelMessages, wordMessages, ...(props.hostPages?.catalogs ?? [])];
    return { initial: all, load: async () => all };
  });
  return <PaneRoot {...props} catalogs={catalogs} />;
}
