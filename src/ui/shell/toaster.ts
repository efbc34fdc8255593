// Fluent's Toaster: its own chunk (src/ui/shell/Notes.tsx fetches it after the first paint, or with the first note).
export { Toaster } from '@fluentui/react-components';
