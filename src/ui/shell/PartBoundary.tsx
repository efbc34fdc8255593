// A part of the pane that cannot be shown says so, in the user's words, with the way on: its code could not
// be fetched (the server cannot be reached, or it now serves a newer build whose parts have other names),
// or it failed while rendering. Without it the whole pane would go blank. Around the page (Shell.tsx) the
// header, the menu and the status stay, and the user can open another page; around the shell (PaneRoot.tsx)
// it catches the rest (the menu's or the status line's code). Try again renders the part again in place,
// which fetches its code again (laterPart.tsx: lazyPart); reopening the pane (a page load) is the last
// resort, with its warning: it needs the server, and while the server is away it leaves the browser's
// "cannot be reached" page instead of the pane (the workspace and its changes waiting to be sent are kept
// in this browser either way).
import { Button, Caption1 } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { errorText } from '../common/errorText';
import { FailedBar } from '../common/FailedBar';
import { retryParts } from '../common/laterPart';
import type { Translate } from '../common/i18n';

interface Props {
  /** When this changes (another page opened), what failed gets its own chance again. */
  resetOn?: unknown;
  t: Translate;
  /** Reopens the pane (a page load): by default the browser's reload. */
  reopen?: () => void;
  children: ReactNode;
}

export class PartBoundary extends Component<Props, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    console.error('A part of the pane could not be shown:', error);
  }

  override componentDidUpdate(prev: Props) {
    // Another page opened: it gets its own chance.
    if (prev.resetOn !== this.props.resetOn && this.state.error !== undefined) this.setState({ error: undefined });
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const { t } = this.props;
    const reopen = this.props.reopen ?? (() => globalThis.location.reload());
    return (
      <>
        <FailedBar testId="page-failed">{errorText(t, error)}</FailedBar>
        <Button
          appearance="primary"
          style={{ marginLeft: 8 }}
          onClick={() => {
            retryParts();
            this.setState({ error: undefined });
          }}
          data-testid="page-retry"
        >
          {t('app.retryPart')}
        </Button>
        <Caption1 as="p" style={{ margin: 8 }} id="page-reopen-warning">
          {t('app.reopenWarning')}
        </Caption1>
        <Button
          appearance="subtle"
          size="small"
          style={{ marginLeft: 8 }}
          onClick={reopen}
          aria-describedby="page-reopen-warning"
          data-testid="page-reopen"
        >
          {t('app.reopen')}
        </Button>
      </>
    );
  }
}
