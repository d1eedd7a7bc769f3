// Tracks open server streams so they can be dropped or silenced (fault injection) or closed on
// shutdown.
import * as grpc from '@grpc/grpc-js';
import type { Message } from './fields';

type Stream = grpc.ServerWritableStream<Message, Message>;

/** A set of open server streams, each with a cleanup run exactly once when it goes away. */
export class StreamRegistry {
  private readonly open = new Map<Stream, () => void>();

  /**
   * While true, `deliver` drops every message: streams stay open but hear nothing, and what they
   * miss is lost to them, as on a dead connection nobody has noticed yet.
   */
  silenced = false;

  /** Writes `message` to `call` unless streams are silenced. */
  deliver(call: Stream, message: Message): void {
    if (!this.silenced) call.write(message);
  }

  /** Registers `call`; `cleanup` runs when the client cancels or the registry ends the stream. */
  add(call: Stream, cleanup: () => void): void {
    this.open.set(call, cleanup);
    call.on('cancelled', () => this.release(call));
  }

  /** Number of open streams. */
  get size(): number {
    return this.open.size;
  }

  /** Ends every stream with status `code` and `details` (clients see an 'error'). */
  failAll(code: grpc.status, details: string): void {
    for (const call of [...this.open.keys()]) {
      this.release(call);
      call.emit('error', Object.assign(new Error(details), { code, details }));
    }
  }

  private release(call: Stream): void {
    const cleanup = this.open.get(call);
    if (!cleanup) return;
    this.open.delete(call);
    cleanup();
  }
}
