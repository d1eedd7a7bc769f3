import { io, type Socket } from 'socket.io-client';
import type { WireChange } from '../../protocol/changes';
import type { FeedEntry } from '../../protocol/feed';
import type { BoardSettings } from '../../protocol/settings';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/socket-events';
import { apiFetch } from '../_shared/api-client';
import { Listeners } from '../_shared/listeners';
import { Store } from '../_shared/store';
import { BoardImage } from './board-image';
import { ChangeSequencer } from '../../protocol/change-sequencer';
import { activityOf, withLivePaints, type LiveActivity } from '../_intro/board-extras';

export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `live` only while the board shown is current; every other state says why it is not. */
export type ConnectionState = 'connecting' | 'loading' | 'live' | 'reconnecting' | 'catching-up';

export interface ConnectionStatus {
  state: ConnectionState;
  seq: number | null;
  viewers: number | null;
  settings: BoardSettings | null;
  /** Paid paints of the last 24 hours: the server's count, then live paints added. */
  activity24h: LiveActivity | null;
}

/** An order's news from the socket (it is paid, or expired), as watchers get it. */
export type OrderUpdate = Parameters<ServerToClientEvents['order']>[0];

const ACK_TIMEOUT_MS = 10_000;

/**
 * Keeps the board canvas current: subscribes to the socket first, then loads canvas.png and
 * replays by seq what arrived meanwhile; catches up from the last seq after a disconnect, or
 * reloads the PNG when the server says it is too far behind.
 */
export class BoardConnection {
  readonly status = new Store<ConnectionStatus>({
    state: 'connecting',
    seq: null,
    viewers: null,
    settings: null,
    activity24h: null,
  });
  socket: BoardSocket | null = null;
  board: BoardImage | null = null;
  private sequencer = new ChangeSequencer();
  private loadToken = 0;
  private frame = 0;
  private everConnected = false;

  private readonly boardReadyListeners = new Listeners<[BoardImage, BoardSettings]>();
  private readonly paintedListeners = new Listeners<[]>();
  private readonly feedListeners = new Listeners<[FeedEntry[]]>();
  private readonly orderListeners = new Listeners<[OrderUpdate]>();
  private readonly reconnectListeners = new Listeners<[]>();

  /** The board is drawn on the canvas `canvas()` returns when settings arrive (none: not yet). */
  constructor(private readonly canvas: () => HTMLCanvasElement | null) {}

  /** The board canvas exists (settings known); told again if the board size changes. */
  onBoardReady(listener: (board: BoardImage, settings: BoardSettings) => void): () => void {
    return this.boardReadyListeners.add(listener);
  }
  /** Live pixels reached the canvas (at most once a frame). */
  onPainted(listener: () => void): () => void {
    return this.paintedListeners.add(listener);
  }
  /** The live feed's news, oldest first. */
  onFeed(listener: (entries: FeedEntry[]) => void): () => void {
    return this.feedListeners.add(listener);
  }
  onOrder(listener: (update: OrderUpdate) => void): () => void {
    return this.orderListeners.add(listener);
  }
  /** Back online after a disconnect: watched orders should be watched again. */
  onReconnect(listener: () => void): () => void {
    return this.reconnectListeners.add(listener);
  }

  start(): void {
    const socket: BoardSocket = io({ transports: ['websocket'] });
    this.socket = socket;
    socket.on('hello', ({ settings, viewers }) => {
      this.status.set({ settings, viewers, activity24h: activityOf(settings) });
      const sizeChanged =
        this.board?.width !== settings.width || this.board?.height !== settings.height;
      if (!this.board || sizeChanged) this.createBoard(settings);
      if (this.everConnected && !sizeChanged && this.sequencer.currentSeq !== null) {
        void this.catchUp();
        this.reconnectListeners.emit();
      } else void this.loadPng();
      this.everConnected = true;
    });
    socket.on('changes', ({ changes, feed }) => {
      if (feed) this.feedListeners.emit(feed);
      const result = this.sequencer.receive(changes);
      this.apply(result.apply);
      if (result.gap) void this.catchUp();
    });
    socket.on('reload', ({ seq }) => {
      if (seq > (this.sequencer.currentSeq ?? -1)) void this.loadPng();
    });
    socket.on('viewers', ({ count }) => this.status.set({ viewers: count }));
    socket.on('feed', ({ entries }) => this.feedListeners.emit(entries));
    socket.on('order', (update) => this.orderListeners.emit(update));
    socket.on('disconnect', () => this.goOffline());
    socket.on('connect_error', () => this.goOffline());
  }

  stop(): void {
    this.socket?.close();
    this.socket = null;
    this.loadToken++;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private goOffline(): void {
    this.sequencer.hold();
    this.loadToken++;
    this.status.set({ state: this.everConnected ? 'reconnecting' : 'connecting' });
  }

  private createBoard(settings: BoardSettings): void {
    const canvas = this.canvas();
    if (!canvas) return;
    this.board = new BoardImage(canvas, settings.width, settings.height, settings.palette);
    this.sequencer = new ChangeSequencer();
    this.boardReadyListeners.emit(this.board, settings);
  }

  /** Loads canvas.png (already subscribed), then replays the held changes past its seq. */
  private async loadPng(): Promise<void> {
    const token = ++this.loadToken;
    this.sequencer.hold();
    if (this.status.get().state !== 'reconnecting') this.status.set({ state: 'loading' });
    try {
      const response = await apiFetch('/api/canvas.png', { cache: 'no-store' });
      const seq = Number(response.headers.get('X-Canvas-Seq'));
      const bitmap = await createImageBitmap(await response.blob());
      if (token !== this.loadToken || !this.board) return;
      this.board.loadBitmap(bitmap);
      const result = this.sequencer.reset(seq);
      this.apply(result.apply);
      if (result.gap) void this.catchUp();
      else this.status.set({ state: 'live', seq: this.sequencer.currentSeq });
    } catch {
      if (token !== this.loadToken) return;
      // Try again shortly; the board stays marked as not current meanwhile.
      setTimeout(() => token === this.loadToken && void this.loadPng(), 2_000);
    }
  }

  /** Fetches the changes since the board's seq; the server may answer "reload" instead. */
  private async catchUp(): Promise<void> {
    const socket = this.socket;
    const seq = this.sequencer.currentSeq;
    if (!socket || seq === null) return this.loadPng();
    const token = ++this.loadToken;
    this.sequencer.hold();
    this.status.set({ state: 'catching-up' });
    try {
      const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('changes:since', { seq });
      if (token !== this.loadToken) return;
      if (!answer.ok || answer.reload) return this.loadPng();
      const result = this.sequencer.resume(answer.changes, answer.seq);
      this.apply(result.apply);
      if (result.gap) return this.catchUp();
      this.status.set({ state: 'live', seq: this.sequencer.currentSeq });
    } catch {
      if (token === this.loadToken) void this.loadPng();
    }
  }

  private apply(changes: WireChange[]): void {
    const board = this.board;
    if (!board || changes.length === 0) return;
    for (const change of changes) board.paint(change.pixels);
    const { activity24h } = this.status.get();
    if (activity24h) this.status.set({ activity24h: withLivePaints(activity24h, changes) });
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** Once a frame: live pixels onto the canvas, and the seq shown. */
  private flush(): void {
    this.frame = 0;
    if (this.board?.flush()) this.paintedListeners.emit();
    this.status.set({ seq: this.sequencer.currentSeq });
  }
}
