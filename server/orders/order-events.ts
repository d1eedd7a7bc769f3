import { EventEmitter } from 'node:events';
import type { OrderStatus } from '../../protocol/orders';

export interface OrderStatusEvent {
  id: string;
  status: OrderStatus;
  seq?: number;
}

/** Order status changes (paid, expired), published after they are committed. */
export class OrderEvents {
  private readonly emitter = new EventEmitter();

  publish(event: OrderStatusEvent): void {
    this.emitter.emit('order', event);
  }

  subscribe(listener: (event: OrderStatusEvent) => void): () => void {
    this.emitter.on('order', listener);
    return () => this.emitter.off('order', listener);
  }
}
