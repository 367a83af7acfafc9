// A drag that follows one pointer: the element pressed captures the pointer (so the drag goes on
// outside it) and reports each move until the pointer is released or the drag is cancelled. Used
// by the pane splitter and the packet list's column resize handles.

/** Follow the pointer of `down` (a pointerdown on the element to drag) with `onmove` until it is released. */
export function followPointer(down: PointerEvent, onmove: (e: PointerEvent) => void): void {
  const el = down.currentTarget as HTMLElement;
  el.setPointerCapture(down.pointerId);
  const end = (): void => {
    el.removeEventListener('pointermove', onmove);
    el.removeEventListener('pointerup', end);
    el.removeEventListener('pointercancel', end);
  };
  el.addEventListener('pointermove', onmove);
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
}
