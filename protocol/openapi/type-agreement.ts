/** True when A and B are the same type (each assignable to the other). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compile-time guard that a schema's output type and its wire interface agree:
 * `agree<Same<z.output<typeof schema>, Interface>>()` fails to compile when they differ.
 */
export function agree<T extends true>(): T | undefined {
  return undefined;
}
