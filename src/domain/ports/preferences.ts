// Per-host preferences (language choice, last segment, remembered column mappings).

export interface Preferences {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
}
