// The pages menu's button in the top bar. The menu itself (Fluent's Menu, its positioning and popover) is
// fetched once the first page has been painted, so it is not part of the first load. Until it arrives the
// button looks the same; a press on it opens the menu as soon as it is there, and focus on it stays on it.
import { Button } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons/svg/navigation';
import { Suspense, useState } from 'react';
import { lazyPart } from '../common/laterPart';
import { useT } from '../common/i18n';
import type { NavMenuProps } from './NavMenuList';
import { afterPaint, nextTask } from './afterPaint';

const NavMenuList = lazyPart(async () => {
  await afterPaint();
  // The library in two parts, then the menu, each evaluated in a task of its own.
  await import(/* webpackChunkName: "nav-menu-positioning" */ './menuPositioning');
  await nextTask();
  await import(/* webpackChunkName: "nav-menu-parts" */ './menuParts');
  await nextTask();
  return import(/* webpackChunkName: "nav-menu" */ './NavMenuList');
});

export function NavMenu(props: NavMenuProps) {
  const t = useT();
  const [pressed, setPressed] = useState(false);
  const [focused, setFocused] = useState(false);
  // Its own test id: what waits for the pages menu waits for the real one.
  const placeholder = (
    <Button
      appearance="subtle"
      icon={<NavigationRegular />}
      aria-label={t('nav.menu')}
      aria-haspopup="menu"
      data-testid="nav-menu-loading"
      onClick={() => setPressed(true)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    />
  );
  return (
    <Suspense fallback={placeholder}>
      <NavMenuList {...props} openAtStart={pressed} focusAtStart={focused} />
    </Suspense>
  );
}
