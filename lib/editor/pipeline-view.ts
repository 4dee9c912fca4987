/**
 * The selected stream processor's, warehouse's or analytics-loaded
 * primary's numbers in a few plain lines (docs/model.md §14.4), for the
 * results panel's node focus. Words and formats come from the engine's
 * findings so the panel and the findings say the same thing.
 */
import { type NodeResult, fmtDuration, fmtGB, thousands, formatPercent } from '@/lib/engine/data';

export function pipelineLines(r: NodeResult): string[] {
  const out: string[] = [];
  const s = r.stream;
  if (s) {
    const cap = s.upstreamPartitions !== null && s.parallelism < s.slots ? ` (the log has ${thousands(s.upstreamPartitions)} partition${s.upstreamPartitions === 1 ? '' : 's'})` : '';
    out.push(`Parallelism ${thousands(s.parallelism)} of ${thousands(s.slots)} slots${cap}: ${thousands(s.capacityEventsPerSecond)} events/s.`);
    if (s.maxLagEvents > 0) {
      out.push(
        `Consumer lag grows ${thousands(s.lagGrowthEventsPerSecond)} events/s at peak to ${thousands(s.maxLagEvents)} events (${fmtDuration(s.maxLagSeconds)} behind); ${
          s.drainSeconds === null ? 'it never catches up' : `caught up ${fmtDuration(s.drainSeconds)} after the peak`
        }.`,
      );
    } else out.push(`Keeps up: ${thousands(s.peakEventsPerSecond)} events/s at peak, no consumer lag.`);
  }
  const w = r.warehouse;
  if (w) {
    out.push(`Loads ${thousands(w.ingestEventsPerSecond)} events/s: +${fmtGB(w.storageGBPerMonth)} a month, ${fmtGB(w.storedGB)} kept.`);
    out.push(
      w.queriesPerHour > 0
        ? `${thousands(w.queriesPerHour)} reports an hour, ${w.queryLatencySeconds.toFixed(1)} s each; ${w.scannedTiBPerMonth.toFixed(1)} TiB scanned a month.`
        : `No reports yet; each would take about ${w.queryLatencySeconds.toFixed(1)} s.`,
    );
  }
  const a = r.analytics;
  if (a) {
    out.push(
      `Analytics: ${thousands(a.queriesPerHour)} reports an hour, ${fmtDuration(a.scanSeconds)} each; they hold ${a.busyCores.toFixed(1)} of ${thousands(a.cores)} cores and ${formatPercent(a.volumeShare)} of the volume.`,
    );
  }
  return out;
}
