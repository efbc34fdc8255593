import { FluentProvider, webLightTheme, Title3, Body1 } from '@fluentui/react-components';
import type { HostInfo } from '../office/host';

/** The minimal pane: says where it runs. The pages come with the task pane's shell. */
export function Boot({ info }: { info: HostInfo }) {
  const italian = info.displayLanguage.toLowerCase().startsWith('it');
  const where =
    info.host === 'none'
      ? italian
        ? 'Fuori da Office: il riquadro lavora sui dati di questo browser.'
        : 'Outside Office: the pane works on this browser’s own data.'
      : italian
        ? `In esecuzione in ${info.host}.`
        : `Running in ${info.host}.`;
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <main style={{ padding: 12 }}>
        <Title3 as="h1">{italian ? 'Segmenti e interazioni' : 'Segments & Interactions'}</Title3>
        <Body1 as="p" data-testid="host-status">
          {where}
        </Body1>
      </main>
    </FluentProvider>
  );
}
