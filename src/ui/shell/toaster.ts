// Fluent's Toaster and the parts of a note: their own chunk, fetched after the first paint or with the first
// note (src/ui/shell/toastParts.tsx).
export { Toast, ToastBody, ToastTitle, ToastTrigger, Toaster } from '@fluentui/react-components';
