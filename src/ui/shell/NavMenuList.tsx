// The pages menu of the top bar, grouped as BC groups them (the page registry says which page goes where),
// with the language switch. Fluent's Menu and its positioning are their own chunks (menuParts.ts, NavMenu.tsx).
import { Button } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons/svg/navigation';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { UiLanguage } from '../../domain/setup';
import type { HostPages } from './App';
import { useT } from '../common/i18n';
import * as Fluent from './menuParts';
import { menuOf, type Host, type Navigate } from './pageRegistry';

export interface NavMenuProps {
  host: Host;
  hostPages: HostPages;
  navigate: Navigate;
  language: UiLanguage;
  onLanguageChange(l: UiLanguage): void;
}

/** The menu; `openAtStart`/`focusAtStart` when the user pressed or focused its button before it arrived. */
export default function NavMenuList(props: NavMenuProps & { openAtStart: boolean; focusAtStart: boolean }) {
  const t = useT();
  const { host, hostPages, navigate } = props;
  const groups = menuOf(host, hostPages);
  const { openAtStart, focusAtStart } = props;
  const [open, setOpen] = useState(openAtStart);
  const trigger = useRef<HTMLButtonElement>(null);
  // The placeholder's focus carries over to the real button.
  useEffect(() => {
    if (focusAtStart || openAtStart) trigger.current?.focus();
  }, [openAtStart, focusAtStart]);
  return (
    <Fluent.Menu
      open={open}
      onOpenChange={(_, d) => setOpen(d.open)}
      // The menu is taller than an 800 px pane: sized to the pane, it scrolls instead of running off its foot.
      positioning={{ autoSize: true }}
      checkedValues={{ language: [props.language] }}
      onCheckedValueChange={(_, d) => d.name === 'language' && props.onLanguageChange(d.checkedItems[0] as UiLanguage)}
    >
      <Fluent.MenuTrigger disableButtonEnhancement>
        <Button
          ref={trigger}
          appearance="subtle"
          icon={<NavigationRegular />}
          aria-label={t('nav.menu')}
          data-testid="nav-menu"
        />
      </Fluent.MenuTrigger>
      <Fluent.MenuPopover>
        <Fluent.MenuList>
          {groups.map((g, i) => (
            <Fragment key={g.group}>
              {i > 0 ? <Fluent.MenuDivider /> : null}
              <Fluent.MenuGroup>
                <Fluent.MenuGroupHeader>{t(g.titleKey)}</Fluent.MenuGroupHeader>
                {g.items.map(({ route, title: [key, vars] }) => (
                  <Fluent.MenuItem key={key} onClick={() => navigate(route)}>
                    {t(key, vars)}
                  </Fluent.MenuItem>
                ))}
                {g.group === 'settings' ? (
                  <>
                    <Fluent.MenuItemRadio name="language" value="en" lang="en">
                      English
                    </Fluent.MenuItemRadio>
                    <Fluent.MenuItemRadio name="language" value="it" lang="it">
                      Italiano
                    </Fluent.MenuItemRadio>
                  </>
                ) : null}
              </Fluent.MenuGroup>
            </Fragment>
          ))}
        </Fluent.MenuList>
      </Fluent.MenuPopover>
    </Fluent.Menu>
  );
}
