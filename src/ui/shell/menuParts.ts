// Fluent's Menu with its popover: the pages menu's library, after its positioning (menuPositioning.ts),
// fetched and evaluated in a task of its own before the menu itself (NavMenu.tsx), so that no one
// evaluation holds the page long.
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
