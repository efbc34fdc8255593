// The one set-up of the pane's component tests (jsdom): what jsdom lacks and Fluent needs, and the
// testing library's timing for a workspace that runs real transactions.
import { configure } from '@testing-library/react';

// jsdom has no ResizeObserver; Fluent's menus, drop-downs, tab lists and the virtual lists measure with
// it. A no-op one stands in for the browser's.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

// The workspace runs real transactions (fake-indexeddb): on a busy machine they take longer than the default second.
configure({ asyncUtilTimeout: 15_000 });
