// The read path of the architecture: persisted data reaches components through useLiveQuery hooks, each
// calling a workspace read function. This module is the one place in src/ui that names dexie-react-hooks;
// it never touches a Dexie table (the hooks call the workspace).
export { useLiveQuery } from 'dexie-react-hooks';
