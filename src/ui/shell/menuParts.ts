// Fluent's Menu with its positioning and popover: the pages menu's library, fetched and evaluated in a
// task of its own before the menu itself (NavMenu.tsx), so that neither evaluation holds the page long.
export {
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
