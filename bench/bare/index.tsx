// The reference for the task pane's start-up time: a bare React + Fluent page (a title and a button),
// built the same way as the pane (same loader, mode and minifier) and loaded with office.js as the pane is.
import { Button, FluentProvider, Title3, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Title3 as="h1">Segments</Title3>
    <Button appearance="primary" data-testid="new-segment">
      New segment
    </Button>
  </FluentProvider>,
);
