import { useSyncExternalStore } from 'react';

/**
 * A small observable value for UI state the page shows (tool, colour, status). The board and
 * the draft pixels never go through it: only their summaries do.
 */
export class Store<T extends object> {
  private listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set(patch: Partial<T>): void {
    let changed = false;
    for (const key in patch) {
      if (!Object.is(patch[key], this.value[key])) changed = true;
    }
    if (!changed) return;
    this.value = { ...this.value, ...patch };
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** Re-renders the calling component when the store changes. */
export function useStore<T extends object>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
