import { CATALOG, type KindGroup, type Design, type DesignNode } from '@/lib/engine/data';
import { layeredPositions } from '@/lib/editor/layout';

const W = 176;
const H = 58;

const FILL: Record<KindGroup, { bg: string; stroke: string }> = {
  edge: { bg: '#f0f9ff', stroke: '#7dd3fc' },
  compute: { bg: '#eef4ff', stroke: '#93b4ff' },
  data: { bg: '#ecfdf5', stroke: '#6ee7b7' },
  async: { bg: '#fffbeb', stroke: '#fcd34d' },
  operations: { bg: '#f8fafc', stroke: '#cbd5e1' },
};

function labelOf(n: DesignNode): string {
  return n.label?.trim() || CATALOG[n.kind].label;
}

function detailOf(n: DesignNode): string {
  const spec = CATALOG[n.kind];
  const p = n.params ?? {};
  const parts: string[] = [spec.label];
  if (p.autoscale) parts.push(`auto ${p.autoscale.min}–${p.autoscale.max}`);
  else if (spec.params.includes('instances') && (p.instances ?? 1) > 1) parts.push(`×${p.instances}`);
  if ((p.shards ?? 1) > 1) parts.push(`${p.shards} shards`);
  if (p.standby) parts.push('standby');
  if (p.region) parts.push(p.region);
  return parts.join(' · ');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A design drawn as a static diagram (SVG): for the review's side-by-side
 * view and the printable page, where a live canvas would be too heavy and
 * prints poorly. Node positions come from the design (or a left-to-right
 * layering when it has none).
 */
export function DesignDiagram({ design, title }: { design: Design; title: string }) {
  if (design.nodes.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        No components.
      </p>
    );
  }
  const placed = design.nodes.some((n) => !n.position) ? layeredPositions(design.nodes, design.edges) : null;
  const pos = new Map(design.nodes.map((n) => [n.id, n.position ?? placed!.get(n.id)!]));
  const xs = [...pos.values()].map((p) => p.x);
  const ys = [...pos.values()].map((p) => p.y);
  const pad = 16;
  const minX = Math.min(...xs) - pad;
  const minY = Math.min(...ys) - pad;
  const width = Math.max(...xs) + W + pad - minX;
  const height = Math.max(...ys) + H + pad - minY;
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  return (
    <figure className="m-0">
      <svg
        viewBox={`${minX} ${minY} ${width} ${height}`}
        className="h-auto max-h-[520px] w-full"
        role="img"
        aria-label={`${title}: ${design.nodes.length} components, ${design.edges.length} connections`}
      >
        <defs>
          <marker
            id="dd-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0 10 5 0 10z" fill="#64748b" />
          </marker>
        </defs>
        {design.edges.map((e) => {
          const a = pos.get(e.source);
          const b = pos.get(e.target);
          if (!a || !b) return null;
          const forward = b.x >= a.x + W / 2;
          const x1 = forward ? a.x + W : a.x + W / 2;
          const y1 = forward ? a.y + H / 2 : b.y > a.y ? a.y + H : a.y;
          const x2 = forward ? b.x : b.x + W / 2;
          const y2 = forward ? b.y + H / 2 : b.y > a.y ? b.y : b.y + H;
          const d = forward
            ? `M${x1} ${y1} C${x1 + (x2 - x1) / 2} ${y1}, ${x1 + (x2 - x1) / 2} ${y2}, ${x2 - 2} ${y2}`
            : `M${x1} ${y1} C${x1} ${(y1 + y2) / 2}, ${x2} ${(y1 + y2) / 2}, ${x2} ${y2 + (y2 > y1 ? -2 : 2)}`;
          return <path key={e.id} d={d} fill="none" stroke="#94a3b8" strokeWidth={1.5} markerEnd="url(#dd-arrow)" />;
        })}
        {design.nodes.map((n) => {
          const p = pos.get(n.id)!;
          const c = FILL[CATALOG[n.kind].group];
          return (
            <g key={n.id} transform={`translate(${p.x} ${p.y})`}>
              <rect width={W} height={H} rx={9} fill={c.bg} stroke={c.stroke} strokeWidth={1.5} />
              <text x={12} y={24} fontSize={13} fontWeight={600} fill="#0f172a">
                {clip(labelOf(n), 24)}
              </text>
              <text x={12} y={43} fontSize={11} fill="#475569">
                {clip(detailOf(n), 30)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">
        <ul>
          {design.nodes.map((n) => (
            <li key={n.id}>
              {labelOf(n)}: {detailOf(n)}
            </li>
          ))}
        </ul>
        <ul>
          {design.edges.map((e) => (
            <li key={e.id}>
              {labelOf(byId.get(e.source)!)} to {labelOf(byId.get(e.target)!)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
