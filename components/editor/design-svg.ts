/**
 * The design as a vector picture: one rectangle, two lines of text and a
 * utilisation figure per component, one curve per connection, and a header
 * with the design's title and its verdict (stage, users, score). Drawn from
 * the design itself, not by serialising the page's HTML, so twenty
 * components make a few kilobytes and every shape stays a shape when scaled.
 *
 * The PNG export draws this same picture onto a canvas (`svgToPng`), so both
 * formats carry the same title, stage and score.
 */
import { CATALOG, type Kind } from '@/lib/engine/data';
import { formatUsers, formatUtilization } from '@/lib/shared/format';
import { stageAtUsers } from '@/lib/editor/scoring';
import { atUsersLine, displayScore } from '@/lib/editor/stage-view';
import type { EditorNode, EditorResults, UtilisationBand } from '@/lib/editor/types';
import { GROUP_FILL } from './groups';

export interface PictureNode {
  id: string;
  kind: Kind;
  label?: string;
  /** Top-left corner on the canvas. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Utilisation ρ at the scored load, when the design was scored. */
  utilization?: number;
  band?: UtilisationBand;
}

export interface PictureEdge {
  source: string;
  target: string;
}

export interface PictureHeader {
  title: string;
  /** For example "Stage 5 · 1M users: passes, 92/100". */
  verdict?: string;
}

/** The same colours as the canvas (app/globals.css). */
const BAND_STROKE: Record<UtilisationBand, string> = {
  healthy: '#15803d',
  warm: '#b45309',
  hot: '#c2410c',
  saturated: '#b91c1c',
};

const PADDING = 32;
const MAX_CANVAS_SIDE = 8192;
const HEADER = 64;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/** Card sizes when the canvas has not measured a node (a node added off screen). */
export const DEFAULT_NODE_SIZE = { width: 180, height: 64 } as const;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Cuts text to `max` characters with an ellipsis (SVG text does not wrap). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function designSvg(nodes: readonly PictureNode[], edges: readonly PictureEdge[], header: PictureHeader): { svg: string; width: number; height: number } {
  const minX = nodes.length ? Math.min(...nodes.map((n) => n.x)) : 0;
  const minY = nodes.length ? Math.min(...nodes.map((n) => n.y)) : 0;
  const maxX = nodes.length ? Math.max(...nodes.map((n) => n.x + n.width)) : 0;
  const maxY = nodes.length ? Math.max(...nodes.map((n) => n.y + n.height)) : 0;
  const width = Math.max(480, Math.ceil(maxX - minX + PADDING * 2));
  const height = Math.ceil(maxY - minY + PADDING * 2 + HEADER);
  const dx = PADDING - minX;
  const dy = PADDING + HEADER - minY;
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(header.title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PADDING}" y="${PADDING + 6}" font-size="20" font-weight="600" fill="#0f172a">${escapeXml(clip(header.title, 80))}</text>`,
  );
  if (header.verdict) parts.push(`<text x="${PADDING}" y="${PADDING + 30}" font-size="14" fill="#334155">${escapeXml(header.verdict)}</text>`);

  for (const e of edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const x1 = s.x + s.width + dx;
    const y1 = s.y + s.height / 2 + dy;
    const x2 = t.x + dx;
    const y2 = t.y + t.height / 2 + dy;
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    parts.push(
      `<path d="M${round(x1)} ${round(y1)}C${round(x1 + bend)} ${round(y1)} ${round(x2 - bend)} ${round(y2)} ${round(x2)} ${round(y2)}" fill="none" stroke="#94a3b8" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
  }

  for (const n of nodes) {
    const spec = CATALOG[n.kind];
    const x = round(n.x + dx);
    const y = round(n.y + dy);
    const stroke = n.band ? BAND_STROKE[n.band] : '#cbd5e1';
    const label = n.label?.trim() || spec.label;
    parts.push(
      `<g><rect x="${x}" y="${y}" width="${round(n.width)}" height="${round(n.height)}" rx="8" fill="#ffffff" stroke="${stroke}" stroke-width="1.5"/>`,
      `<rect x="${x}" y="${y}" width="6" height="${round(n.height)}" rx="3" fill="${GROUP_FILL[spec.group]}"/>`,
      `<text x="${round(x + 16)}" y="${round(y + 24)}" font-size="14" font-weight="600" fill="#0f172a">${escapeXml(clip(label, Math.max(6, Math.floor((n.width - 28) / 8.6))))}</text>`,
      `<text x="${round(x + 16)}" y="${round(y + 44)}" font-size="12" fill="#475569">${escapeXml(spec.label)}</text>`,
    );
    if (n.utilization !== undefined && n.band) {
      parts.push(
        `<text x="${round(x + n.width - 10)}" y="${round(y + 44)}" font-size="12" font-weight="600" text-anchor="end" fill="${stroke}">${escapeXml(formatUtilization(n.utilization))}</text>`,
      );
    }
    parts.push('</g>');
  }
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Draws the picture onto a canvas at twice its size and returns a PNG data URL (browser only). */
export async function svgToPng(svg: string, width: number, height: number): Promise<string> {
  // Twice the size for sharp text, but no side over 8,192 px (browsers refuse larger canvases).
  const pixelRatio = Math.min(2, MAX_CANVAS_SIDE / Math.max(width, height));
  const image = new Image();
  image.decoding = 'async';
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the browser could not draw the picture'));
  });
  image.src = svgDataUrl(svg);
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser has no 2D canvas');
  ctx.scale(pixelRatio, pixelRatio);
  ctx.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}

/** The canvas's nodes as the picture draws them: measured card sizes and the scored utilisation. */
export function pictureNodes(nodes: readonly EditorNode[], results: EditorResults | null | undefined): PictureNode[] {
  return nodes.map((n) => {
    const r = results?.nodes[n.id];
    return {
      id: n.id,
      kind: n.data.kind,
      label: n.data.label,
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? n.width ?? DEFAULT_NODE_SIZE.width,
      height: n.measured?.height ?? n.height ?? DEFAULT_NODE_SIZE.height,
      ...(r ? { utilization: r.utilization, band: r.band } : {}),
    };
  });
}

/** "Stage 5 · 1M users: passes, 92/100", from the live score; undefined where nothing was scored. */
export function verdictOf(results: EditorResults | null | undefined, stageNo: number): string | undefined {
  const scored = results?.scored;
  if (scored?.status !== 'ok') return undefined;
  // Between stages no stage is judged: say which load the picture's numbers are at.
  if (stageAtUsers(scored.evaluation.users) !== stageNo) return atUsersLine(scored.evaluation);
  const stage = scored.evaluation.stages.find((s) => s.stage === stageNo);
  if (!stage) return undefined;
  return `Stage ${stage.stage} · ${formatUsers(stage.users)} users: ${stage.passed ? 'passes' : 'fails'}, ${displayScore(stage.score, stage.passed)}/100`;
}
