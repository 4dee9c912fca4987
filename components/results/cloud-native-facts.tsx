import type { NodeResult } from '@/lib/engine/data';
import { formatFraction, formatInteger, formatMs, formatRps, formatUsd } from '@/lib/shared/format';

/**
 * What a serverless function, a container cluster or a meshed tier adds to
 * the selected component's numbers (docs/model.md §14.3): environments and
 * cold starts, pods and nodes, the flash-crowd ramp, mTLS. Nothing for other
 * components.
 */
export function CloudNativeFacts({ result }: { result: NodeResult }) {
  const lines: string[] = [];
  const s = result.serverless;
  if (s) {
    lines.push(
      `${formatInteger(Math.ceil(s.environmentsAtPeak))} of ${formatInteger(s.concurrencyLimit)} environments at peak · at most ${formatRps(s.maxRps)}`,
    );
    lines.push(
      `${formatFraction(s.coldStartShare)} cold starts (+${formatMs(s.initMs)} each)${s.coldStartsInP99 ? ', in the p99' : ', outside the p99'} · ${formatInteger(s.memoryMB)} MB`,
    );
  }
  const c = result.cluster;
  if (c) {
    lines.push(
      `${formatInteger(c.pods)} pod${c.pods === 1 ? '' : 's'} on ${formatInteger(c.nodes)} node${c.nodes === 1 ? '' : 's'} (${c.podsPerNode} a node) · control plane ${formatUsd(c.controlPlaneUsd)} a month`,
    );
  }
  const flash = s?.flash ?? c?.flash;
  if (flash && flash.rampSeconds > 0) {
    lines.push(`Flash crowd (${flash.flashFactor}× the peak): ${Math.round(flash.rampSeconds)} s to scale up, ${formatFraction(flash.lostShare)} of its requests lost meanwhile`);
  }
  if (result.mesh) lines.push(`mTLS by a sidecar proxy · +${result.mesh.proxyMs} ms per proxy on each hop, ${result.mesh.proxyCpuMs} ms of CPU a request`);
  if (lines.length === 0) return null;
  return (
    <ul className="mt-1.5 space-y-0.5 text-xs text-slate-700" data-testid="cloud-native-facts">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
