// Fluent's MessageBar: its own chunk (laterMessageBar.tsx), fetched when a rare condition is first shown.
export { MessageBar, MessageBarBody } from '@fluentui/react-components';
