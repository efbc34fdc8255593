// Fluent's positioning (with the floating-ui it is built on): the first part of the pages menu's library,
// evaluated in a task of its own before the menu's components (menuParts.ts, NavMenu.tsx).
export { usePositioning } from '@fluentui/react-components';
