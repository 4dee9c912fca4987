import { describe, expect, it } from 'vitest';
import { evaluate } from '@/lib/engine';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';
import { designSvg, escapeXml, type PictureNode } from './design-svg';

const stage8 = REFERENCE_DESIGNS.find((r) => r.stage === 8)!;

function picture(count: number) {
  const nodes: PictureNode[] = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    kind: i % 2 ? 'app-server' : 'database',
    label: `Component ${i}`,
    x: (i % 5) * 260,
    y: Math.floor(i / 5) * 120,
    width: 200,
    height: 72,
    utilization: 0.42 + i / 100,
    band: 'healthy',
  }));
  const edges = nodes.slice(1).map((n, i) => ({ source: nodes[i]!.id, target: n.id }));
  return designSvg(nodes, edges, { title: 'Shop at web scale', verdict: 'Stage 8 · 100M users: passes, 96/100' });
}

describe('the vector picture of a design', () => {
  it('draws twenty components as shapes in a few kilobytes, well under 200 KB', () => {
    const { svg } = picture(20);
    expect(svg.length).toBeLessThan(200 * 1024);
    expect(svg.length).toBeLessThan(20 * 1024);
    expect(svg).not.toContain('foreignObject');
    expect(svg.match(/<rect [^>]*rx="8"/g)).toHaveLength(20);
    expect(svg.match(/<path [^>]*marker-end=/g)).toHaveLength(19);
  });

  it('carries the title, the stage and the score, and each component’s utilisation', () => {
    const { svg } = picture(3);
    expect(svg).toContain('>Shop at web scale</text>');
    expect(svg).toContain('>Stage 8 · 100M users: passes, 96/100</text>');
    expect(svg).toContain('>Component 2</text>');
    expect(svg).toMatch(/>4[2-4](\.\d)?%<\/text>/);
  });

  it('frames every component inside the picture, below the header', () => {
    const { svg, width, height } = picture(12);
    for (const m of svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="8"/g)) {
      const [x, y, w, h] = m.slice(1).map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(64);
      expect(x! + w!).toBeLessThanOrEqual(width);
      expect(y! + h!).toBeLessThanOrEqual(height);
    }
  });

  it('writes markup in a title or a label as text, never as elements', () => {
    const { svg } = designSvg([{ id: 'a', kind: 'cache', label: '<script>alert(1)</script>', x: 0, y: 0, width: 200, height: 72 }], [], { title: 'A & B "<img>"' });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img>');
    expect(svg).toContain('A &amp; B &quot;&lt;img&gt;&quot;');
    expect(escapeXml(`'`)).toBe('&apos;');
  });

  it('draws the stage 8 reference design, with its scored utilisation, under 200 KB', () => {
    const evaluation = evaluate(stage8.design, { users: 100_000_000 });
    const nodes: PictureNode[] = stage8.design.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      x: n.position?.x ?? 0,
      y: n.position?.y ?? 0,
      width: 200,
      height: 72,
      utilization: evaluation.nodes[n.id]?.utilization,
      band: 'healthy',
    }));
    const { svg } = designSvg(nodes, stage8.design.edges, { title: stage8.title });
    expect(stage8.design.nodes.length).toBeGreaterThanOrEqual(15);
    expect(svg.length).toBeLessThan(200 * 1024);
    expect(svg.match(/<rect [^>]*rx="8"/g)).toHaveLength(stage8.design.nodes.length);
  });
});
