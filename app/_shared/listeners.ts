/**
 * The listeners of one event. `add` returns the unsubscribe; `emit` calls each listener added
 * before it, in the order they were added.
 */
export class Listeners<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  add = (listener: (...args: Args) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  emit(...args: Args): void {
    for (const listener of [...this.listeners]) listener(...args);
  }
}
