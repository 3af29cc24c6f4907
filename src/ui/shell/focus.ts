/**
 * Puts keyboard focus on a bubble of the canvas (the trigger card is "trigger"), without scrolling or
 * panning: after Save, Cancel or Escape in the side panel focus goes back where the user was, not to
 * <body>. Falls back to the canvas itself when the bubble is not on screen. Runs after the next paint,
 * once the panel's own re-render is done.
 */
export function focusBubble(id: string | null): void {
  requestAnimationFrame(() => {
    const node = id ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) : null;
    (node ?? document.querySelector<HTMLElement>('#tf-canvas'))?.focus({ preventScroll: true });
  });
}

/** Moves focus into the canvas: the selected bubble, else the first one, else the canvas area. */
export function focusCanvas(): void {
  const target =
    document.querySelector<HTMLElement>('.react-flow__node.selected') ??
    document.querySelector<HTMLElement>('.react-flow__node') ??
    document.querySelector<HTMLElement>('#tf-canvas');
  target?.focus({ preventScroll: true });
}
