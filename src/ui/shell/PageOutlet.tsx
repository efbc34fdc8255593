// The current page, as the page registry renders it.
import { MessageBar, MessageBarBody } from '../common/laterMessageBar';
import { useT } from '../common/i18n';
import { pageRegistry, renderRoute, type PageContext, type Route } from './pageRegistry';

export function PageOutlet(props: PageContext & { route: Route }) {
  const t = useT();
  const { route, ...ctx } = props;
  // Wiring point for the host pages: the taskpane hands them in with their office adapters.
  const hostPage = pageRegistry[route.page].hostPage;
  if (hostPage && !ctx.hostPages[hostPage])
    return <Missing text={t(hostPage === 'excelImport' ? 'wiring.excelMissing' : 'wiring.wordMissing')} />;
  return <>{renderRoute(route, ctx)}</>;
}

function Missing({ text }: { text: string }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
