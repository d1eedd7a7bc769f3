// Narrowing helpers for decoded gRPC request objects (proto-loader output is untyped).
// With the loader options { longs: String, enums: String, defaults: true } integers arrive as
// strings or numbers, enums as names and bytes as Buffers.

/** A decoded protobuf message: a plain object with unknown field values. */
export type Message = Record<string, unknown>;

/** Returns `value` as a Message, or an empty object when it is not a plain object. */
export function asMessage(value: unknown): Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Message)
    : {};
}

/** Reads a string field; '' when absent or not a string. */
export function str(msg: Message, key: string): string {
  const value = msg[key];
  return typeof value === 'string' ? value : '';
}

/** Reads a bool field; false when absent. */
export function bool(msg: Message, key: string): boolean {
  return msg[key] === true;
}

/** Reads a bytes field as a Buffer; an empty Buffer when absent. */
export function bytes(msg: Message, key: string): Buffer {
  const value = msg[key];
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  return Buffer.alloc(0);
}

/**
 * Reads an integer field (int64 as decimal string or number) as a bigint; 0n when absent.
 * Throws on a non-integer value.
 */
export function int(msg: Message, key: string): bigint {
  const value = msg[key];
  if (value === undefined || value === null || value === '') return 0n;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new Error(`field ${key} is not an integer`);
}
