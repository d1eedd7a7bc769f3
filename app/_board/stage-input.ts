import type { Point } from './viewport';

/** Something picked up on the board and moved with the pointer until dropped. */
export interface StageGrab {
  move(point: Point): void;
  drop(point: Point): void;
  /** Put it back where it was (a second finger arrived: it was a pinch). */
  cancel(): void;
}

/** What pointer, touch and wheel input on the board asks for, in screen coordinates. */
export interface StageActions {
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number, anchor: Point): void;
  hover(point: Point | null): void;
  /** What a press with the primary button or one finger at `point` picks up, if anything. */
  grab(point: Point): StageGrab | null;
  /** True when the current tool draws (a drag draws rather than pans). */
  drawing(): boolean;
  toolDown(point: Point): void;
  toolMove(point: Point): void;
  toolUp(point: Point): void;
  /** A second finger arrived mid-stroke: take the stroke back, it was a pinch. */
  toolCancel(): void;
  /** A click or tap that did not move, or a long press: inspect that pixel. */
  inspect(point: Point): void;
}

const DRAG_THRESHOLD_PX = 5;
const LONG_PRESS_MS = 500;
const DOUBLE_TAP_MS = 300;
const WHEEL_ZOOM_PER_PIXEL = 0.0025;

type Mode = 'idle' | 'press' | 'pan' | 'draw' | 'grab' | 'pinch';

/**
 * Turns raw input into board actions: a drag moves what it grabs (the image being placed),
 * else pans (or draws, with a drawing tool), a right or middle drag always pans, two fingers
 * pinch-zoom and pan, the wheel and a double click or double tap zoom, a click, tap or long
 * press inspects.
 */
export function attachStageInput(stage: HTMLElement, actions: StageActions): () => void {
  const pointers = new Map<number, Point>();
  let mode: Mode = 'idle';
  let start: Point = { x: 0, y: 0 };
  let last: Point = { x: 0, y: 0 };
  let pinch = { distance: 0, middle: { x: 0, y: 0 } };
  let longPress: ReturnType<typeof setTimeout> | undefined;
  let lastTap = { at: 0, point: { x: 0, y: 0 } };
  let grabbed: StageGrab | null = null;

  const local = (event: PointerEvent | WheelEvent | MouseEvent): Point => {
    const rect = stage.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const pinchOf = () => {
    const [a, b] = [...pointers.values()];
    return {
      distance: Math.hypot(a.x - b.x, a.y - b.y) || 1,
      middle: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    };
  };

  const onDown = (event: PointerEvent) => {
    stage.setPointerCapture(event.pointerId);
    const point = local(event);
    pointers.set(event.pointerId, point);
    clearTimeout(longPress);
    if (pointers.size === 2) {
      if (mode === 'draw') actions.toolCancel();
      if (mode === 'grab') grabbed?.cancel();
      mode = 'pinch';
      pinch = pinchOf();
      return;
    }
    if (pointers.size > 2) return;
    start = last = point;
    grabbed = event.button === 0 ? actions.grab(point) : null;
    if (grabbed) mode = 'grab';
    else if (event.button === 1 || event.button === 2) mode = 'pan';
    else if (actions.drawing()) {
      mode = 'draw';
      actions.toolDown(point);
    } else {
      mode = 'press';
      longPress = setTimeout(() => {
        if (mode !== 'press') return;
        mode = 'idle';
        actions.inspect(start);
      }, LONG_PRESS_MS);
    }
  };

  const onMove = (event: PointerEvent) => {
    const point = local(event);
    if (event.pointerType === 'mouse') actions.hover(point);
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, point);
    if (mode === 'pinch' && pointers.size === 2) {
      const next = pinchOf();
      actions.zoomBy(next.distance / pinch.distance, next.middle);
      actions.panBy(next.middle.x - pinch.middle.x, next.middle.y - pinch.middle.y);
      pinch = next;
      return;
    }
    if (mode === 'press' && Math.hypot(point.x - start.x, point.y - start.y) > DRAG_THRESHOLD_PX) {
      clearTimeout(longPress);
      mode = 'pan';
    }
    if (mode === 'pan') actions.panBy(point.x - last.x, point.y - last.y);
    if (mode === 'draw') actions.toolMove(point);
    if (mode === 'grab') grabbed?.move(point);
    last = point;
  };

  const onUp = (event: PointerEvent) => {
    if (!pointers.has(event.pointerId)) return;
    const point = local(event);
    pointers.delete(event.pointerId);
    clearTimeout(longPress);
    if (mode === 'draw') actions.toolUp(point);
    if (mode === 'grab') grabbed?.drop(point);
    if (mode === 'press') {
      const now = performance.now();
      const near = Math.hypot(point.x - lastTap.point.x, point.y - lastTap.point.y) < 30;
      if (event.pointerType !== 'mouse' && now - lastTap.at < DOUBLE_TAP_MS && near) {
        actions.zoomBy(2, point);
        lastTap = { at: 0, point };
      } else {
        lastTap = { at: now, point };
        actions.inspect(point);
      }
    }
    if (pointers.size === 1 && mode === 'pinch') {
      // One finger left after a pinch: keep panning with it, never draw by surprise.
      mode = 'pan';
      last = [...pointers.values()][0];
    } else if (pointers.size === 0) mode = 'idle';
  };

  const onCancel = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    clearTimeout(longPress);
    if (mode === 'draw') actions.toolCancel();
    if (mode === 'grab') grabbed?.cancel();
    if (pointers.size === 0) mode = 'idle';
  };

  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const pixels = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    const speed = event.ctrlKey ? WHEEL_ZOOM_PER_PIXEL * 4 : WHEEL_ZOOM_PER_PIXEL;
    actions.zoomBy(Math.exp(-pixels * speed), local(event));
  };

  const onDoubleClick = (event: MouseEvent) => {
    if (!actions.drawing()) actions.zoomBy(event.shiftKey ? 0.5 : 2, local(event));
  };
  const onLeave = () => actions.hover(null);
  const onContextMenu = (event: Event) => event.preventDefault();

  stage.addEventListener('pointerdown', onDown);
  stage.addEventListener('pointermove', onMove);
  stage.addEventListener('pointerup', onUp);
  stage.addEventListener('pointercancel', onCancel);
  stage.addEventListener('pointerleave', onLeave);
  stage.addEventListener('wheel', onWheel, { passive: false });
  stage.addEventListener('dblclick', onDoubleClick);
  stage.addEventListener('contextmenu', onContextMenu);
  return () => {
    clearTimeout(longPress);
    stage.removeEventListener('pointerdown', onDown);
    stage.removeEventListener('pointermove', onMove);
    stage.removeEventListener('pointerup', onUp);
    stage.removeEventListener('pointercancel', onCancel);
    stage.removeEventListener('pointerleave', onLeave);
    stage.removeEventListener('wheel', onWheel);
    stage.removeEventListener('dblclick', onDoubleClick);
    stage.removeEventListener('contextmenu', onContextMenu);
  };
}
