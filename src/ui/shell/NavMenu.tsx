// The pages menu of the top bar, grouped as BC groups them, with the language switch.
import { Button, Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import type { UiLanguage } from '../../domain/setup';
import type { HostPages } from '../App';
import { useT } from '../i18n/i18n';
import type { Navigate, Route } from '../routes';

export function NavMenu(props: { host: 'Excel' | 'Word' | 'none'; hostPages: HostPages; navigate: Navigate; language: UiLanguage; onLanguageChange(l: UiLanguage): void }) {
  const t = useT();
  const { host, hostPages, navigate } = props;
  const item = (route: Route, key: string) => (
    <MenuItem key={key} onClick={() => navigate(route)}>
      {t(key)}
    </MenuItem>
  );
  return (
    <Menu
      checkedValues={{ language: [props.language] }}
      onCheckedValueChange={(_, d) => d.name === 'language' && props.onLanguageChange(d.checkedItems[0] as UiLanguage)}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<NavigationRegular />} aria-label={t('nav.menu')} data-testid="nav-menu" />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>{t('nav.groupSegments')}</MenuGroupHeader>
            {hostPages.mailMerge ? item({ page: 'mailMerge' }, 'nav.mailMerge') : null}
            {item({ page: 'segments' }, 'nav.segments')}
            {item({ page: 'loggedSegments' }, 'nav.loggedSegments')}
            {item({ page: 'interactionLog' }, 'nav.interactionLog')}
            {item({ page: 'savedCriteria' }, 'nav.savedCriteria')}
            {item({ page: 'contacts' }, 'nav.contacts')}
            {host === 'Excel' && hostPages.excelImport ? item({ page: 'excelImport' }, 'nav.excelImport') : null}
            {host === 'none' ? item({ page: 'csvImport' }, 'nav.csvImport') : null}
          </MenuGroup>
          <MenuDivider />
          <MenuGroup>
            <MenuGroupHeader>{t('nav.groupLists')}</MenuGroupHeader>
            {item({ page: 'templates' }, 'nav.templates')}
            {item({ page: 'codeList', list: 'interactionGroups' }, 'nav.interactionGroups')}
            {item({ page: 'codeList', list: 'salespeople' }, 'nav.salespeople')}
            {item({ page: 'codeList', list: 'mailingGroups' }, 'nav.mailingGroups')}
            {item({ page: 'codeList', list: 'industryGroups' }, 'nav.industryGroups')}
            {item({ page: 'codeList', list: 'jobResponsibilities' }, 'nav.jobResponsibilities')}
            {item({ page: 'codeList', list: 'businessRelations' }, 'nav.businessRelations')}
            {item({ page: 'codeList', list: 'languages' }, 'nav.languages')}
          </MenuGroup>
          <MenuDivider />
          <MenuGroup>
            <MenuGroupHeader>{t('nav.groupSettings')}</MenuGroupHeader>
            {item({ page: 'setup' }, 'nav.setup')}
            {item({ page: 'officeCheck' }, 'nav.officeCheck')}
            {item({ page: 'profile' }, 'nav.profile')}
            {item({ page: 'transfer' }, 'nav.transfer')}
            <MenuItemRadio name="language" value="en" lang="en">
              English
            </MenuItemRadio>
            <MenuItemRadio name="language" value="it" lang="it">
              Italiano
            </MenuItemRadio>
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
