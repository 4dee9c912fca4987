/**
 * Fit-to-view that keeps the cards readable. A plain fit scales a large
 * design down until everything shows, however small its text gets (the
 * stage 8 reference at 1440 × 900 put card names at about 6 px). This fit
 * zooms out only as far as READABLE_ZOOM, where a card's name (14 px) is
 * still 11 px on screen; a design that does not fit at that zoom is shown
 * from its entry (the left edge, where the users send traffic in), and the
 * canvas' overview map shows the rest and where the view is. Pure: no
 * React, no DOM.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The smallest zoom a fit goes to: a card's name, 14 px, is 11.2 px on screen. */
export const READABLE_ZOOM = 0.8;
/** The largest zoom a fit goes to: a small design is not blown up. */
export const FIT_MAX_ZOOM = 1.25;
/** Room around the design, as a share of the canvas (React Flow's `padding`). */
export const FIT_PADDING = 0.2;
/** Room between the canvas' edge and the design when the design is larger than the view, px. */
const EDGE_PX = 32;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Where the view goes for a fit of `bounds` (canvas units) into a canvas of
 * `size` px. `anchorY` (canvas units) is the height to centre on when the
 * design is taller than the view: the entry's (the users') row. `fits` says
 * whether the whole design is in view.
 */
export function readableFit(
  bounds: Box,
  size: { width: number; height: number },
  anchorY: number = bounds.y + bounds.height / 2,
  options: { padding?: number; maxZoom?: number; minZoom?: number } = {},
): Viewport & { fits: boolean } {
  const padding = options.padding ?? FIT_PADDING;
  const maxZoom = options.maxZoom ?? FIT_MAX_ZOOM;
  const minZoom = options.minZoom ?? READABLE_ZOOM;
  const w = Math.max(1, bounds.width);
  const h = Math.max(1, bounds.height);
  const whole = Math.min(size.width / (w * (1 + padding)), size.height / (h * (1 + padding)));
  const zoom = clamp(whole, minZoom, maxZoom);
  const centre = (extent: number, start: number, length: number) => extent / 2 - (start + length / 2) * zoom;
  if (whole >= minZoom) {
    return { x: centre(size.width, bounds.x, w), y: centre(size.height, bounds.y, h), zoom, fits: true };
  }
  // Too wide: start from the left, where traffic enters; too tall: centre on the entry's row, within the design.
  const x = w * zoom + 2 * EDGE_PX > size.width ? EDGE_PX - bounds.x * zoom : centre(size.width, bounds.x, w);
  let y: number;
  if (h * zoom + 2 * EDGE_PX > size.height) {
    const top = EDGE_PX - bounds.y * zoom;
    const bottom = size.height - EDGE_PX - (bounds.y + h) * zoom;
    y = clamp(size.height / 2 - anchorY * zoom, bottom, top);
  } else {
    y = centre(size.height, bounds.y, h);
  }
  return { x, y, zoom, fits: false };
}
