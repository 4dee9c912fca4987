/**
 * PNG and SVG pictures of the whole design, after React Flow's "download
 * image" example: render the viewport element with a transform that frames
 * every node. html-to-image is loaded only when the user asks for a picture.
 */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

const PADDING = 48;
const MAX_SIDE = 4096;

export async function renderDesignImage(format: 'png' | 'svg', nodes: Node[], viewport: HTMLElement): Promise<string> {
  const bounds = getNodesBounds(nodes);
  const width = Math.min(MAX_SIDE, Math.max(480, Math.ceil(bounds.width + PADDING * 2)));
  const height = Math.min(MAX_SIDE, Math.max(320, Math.ceil(bounds.height + PADDING * 2)));
  const view = getViewportForBounds(bounds, width, height, 0.1, 1, PADDING / Math.max(width, height));
  const { toPng, toSvg } = await import('html-to-image');
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` },
  };
  return format === 'png' ? toPng(viewport, { ...options, pixelRatio: 2 }) : toSvg(viewport, options);
}
