/**
 * The selected stream processor's, warehouse's or analytics-loaded
 * primary's numbers in a few plain lines (docs/model.md §14.4), for the
 * results panel's node focus. Words and formats come from the engine's
 * findings so the panel and the findings say the same thing.
 */
import type { NodeResult } from '@/lib/engine/data';
import { formatDuration, formatGB, formatInteger, formatPercent } from '@/lib/shared/format';

export function pipelineLines(r: NodeResult): string[] {
  const out: string[] = [];
  const s = r.stream;
  if (s) {
    const cap = s.upstreamPartitions !== null && s.parallelism < s.slots ? ` (the log has ${formatInteger(s.upstreamPartitions)} partition${s.upstreamPartitions === 1 ? '' : 's'})` : '';
    out.push(`Parallelism ${formatInteger(s.parallelism)} of ${formatInteger(s.slots)} slots${cap}: ${formatInteger(s.capacityEventsPerSecond)} events/s.`);
    if (s.maxLagEvents > 0) {
      out.push(
        `Consumer lag grows ${formatInteger(s.lagGrowthEventsPerSecond)} events/s at peak to ${formatInteger(s.maxLagEvents)} events (${formatDuration(s.maxLagSeconds)} behind); ${
          s.drainSeconds === null ? 'it never catches up' : `caught up ${formatDuration(s.drainSeconds)} after the peak`
        }.`,
      );
    } else out.push(`Keeps up: ${formatInteger(s.peakEventsPerSecond)} events/s at peak, no consumer lag.`);
  }
  const w = r.warehouse;
  if (w) {
    out.push(`Loads ${formatInteger(w.ingestEventsPerSecond)} events/s: +${formatGB(w.storageGBPerMonth)} a month, ${formatGB(w.storedGB)} kept.`);
    out.push(
      w.queriesPerHour > 0
        ? `${formatInteger(w.queriesPerHour)} reports an hour, ${w.queryLatencySeconds.toFixed(1)} s each; ${w.scannedTiBPerMonth.toFixed(1)} TiB scanned a month.`
        : `No reports yet; each would take about ${w.queryLatencySeconds.toFixed(1)} s.`,
    );
  }
  const a = r.analytics;
  if (a) {
    out.push(
      `Analytics: ${formatInteger(a.queriesPerHour)} reports an hour, ${formatDuration(a.scanSeconds)} each; they hold ${a.busyCores.toFixed(1)} of ${formatInteger(a.cores)} cores and ${formatPercent(a.volumeShare)} of the volume.`,
    );
  }
  return out;
}
