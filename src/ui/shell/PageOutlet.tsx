// The current page. Segments (the start page) is in the first load; every other page is its own chunk,
// fetched when first opened.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { lazy } from 'react';
import type { UiLanguage } from '../../domain/setup';
import type { HostPages } from '../App';
import { useT } from '../i18n/i18n';
import { SegmentsPage } from '../pages/SegmentsPage';
import type { Navigate, Route } from '../routes';

const SegmentPage = lazy(() => import(/* webpackChunkName: "segment" */ '../pages/SegmentPage').then((m) => ({ default: m.SegmentPage })));
const LoggedSegmentsPage = lazy(() => import(/* webpackChunkName: "logged" */ '../pages/LoggedSegmentsPage').then((m) => ({ default: m.LoggedSegmentsPage })));
const InteractionLogPage = lazy(() => import(/* webpackChunkName: "entries" */ '../pages/InteractionLogPage').then((m) => ({ default: m.InteractionLogPage })));
const SavedCriteriaPage = lazy(() => import(/* webpackChunkName: "saved" */ '../pages/SavedCriteriaPage').then((m) => ({ default: m.SavedCriteriaPage })));
const ContactsPage = lazy(() => import(/* webpackChunkName: "contacts" */ '../pages/ContactsPage').then((m) => ({ default: m.ContactsPage })));
const TemplatesPage = lazy(() => import(/* webpackChunkName: "templates" */ '../pages/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const CodeListPage = lazy(() => import(/* webpackChunkName: "codes" */ '../pages/CodeListPage').then((m) => ({ default: m.CodeListPage })));
const SetupPage = lazy(() => import(/* webpackChunkName: "setup" */ '../pages/SetupPage').then((m) => ({ default: m.SetupPage })));
const ProfilePage = lazy(() => import(/* webpackChunkName: "setup" */ '../pages/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const OfficeCheckPage = lazy(() => import(/* webpackChunkName: "setup" */ '../setup/OfficeCheckPage').then((m) => ({ default: m.OfficeCheckPage })));
const TransferPage = lazy(() => import(/* webpackChunkName: "transfer" */ '../pages/TransferPage').then((m) => ({ default: m.TransferPage })));
const CsvImportPage = lazy(() => import(/* webpackChunkName: "csv" */ '../pages/CsvImportPage').then((m) => ({ default: m.CsvImportPage })));

export function PageOutlet(props: { route: Route; navigate: Navigate; back(): void; hostPages: HostPages; language: UiLanguage; onLanguageChange(l: UiLanguage): void }) {
  const t = useT();
  const { route, navigate, back, hostPages } = props;
  switch (route.page) {
    case 'segments':
      return <SegmentsPage navigate={navigate} />;
    case 'segment':
      return <SegmentPage key={route.no} no={route.no} navigate={navigate} back={back} excel={hostPages.excel} />;
    case 'loggedSegments':
      return <LoggedSegmentsPage navigate={navigate} excel={hostPages.excel} />;
    case 'interactionLog':
      return <InteractionLogPage initialFilter={route.filter} excel={hostPages.excel} word={hostPages.word} />;
    case 'savedCriteria':
      return <SavedCriteriaPage />;
    case 'contacts':
      return <ContactsPage navigate={navigate} excel={hostPages.excel} />;
    case 'templates':
      return <TemplatesPage />;
    case 'codeList':
      return <CodeListPage key={route.list} list={route.list} />;
    case 'setup':
      return <SetupPage />;
    case 'officeCheck':
      return <OfficeCheckPage run={hostPages.officeCheck} />;
    case 'profile':
      return <ProfilePage language={props.language} onLanguageChange={props.onLanguageChange} />;
    case 'transfer':
      return <TransferPage navigate={navigate} />;
    case 'csvImport':
      return <CsvImportPage navigate={navigate} />;
    // Wiring point for the host pages: the taskpane hands them in when src/ui/excel and src/ui/word exist.
    case 'excelImport':
      return hostPages.excelImport ? <>{hostPages.excelImport(route.segmentNo)}</> : <Missing text={t('wiring.excelMissing')} />;
    case 'mailMerge':
      return hostPages.mailMerge ? <>{hostPages.mailMerge()}</> : <Missing text={t('wiring.wordMissing')} />;
  }
}

function Missing({ text }: { text: string }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
