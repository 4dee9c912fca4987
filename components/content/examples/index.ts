import { AutoscaleExample } from './autoscale-example';
import { BottleneckExample } from './bottleneck-example';
import { CacheTechnologyExample } from './cache-technology-example';
import { CdnExample } from './cdn-example';
import { ConsistencyExample } from './consistency-example';
import { HitRatioExample } from './hit-ratio-example';
import { InstancesExample } from './instances-example';
import { LatencyBudgetExample } from './latency-budget-example';
import { LatencyNumbers } from './latency-numbers';
import { MonitoringExample } from './monitoring-example';
import { PeakLoadExample } from './peak-load-example';
import { QueryCostExample } from './query-cost-example';
import { QueueExample } from './queue-example';
import { RateLimitExample } from './rate-limit-example';
import { RegionsExample } from './regions-example';
import { ReplicaExample } from './replica-example';
import { ServiceChainExample } from './service-chain-example';
import { ShardSkewExample } from './shard-skew-example';
import { StoreChoiceExample } from './store-choice-example';
import { UtilizationExample } from './utilization-example';
import { WiringExample } from './wiring-example';

/**
 * The live examples content files may use, by their MDX tag name. Each is a
 * client component whose controls change numbers computed by the engine.
 */
export const EXAMPLE_COMPONENTS = {
  AutoscaleExample,
  BottleneckExample,
  CacheTechnologyExample,
  CdnExample,
  ConsistencyExample,
  HitRatioExample,
  InstancesExample,
  LatencyBudgetExample,
  MonitoringExample,
  PeakLoadExample,
  QueryCostExample,
  QueueExample,
  RateLimitExample,
  RegionsExample,
  ReplicaExample,
  ServiceChainExample,
  ShardSkewExample,
  StoreChoiceExample,
  UtilizationExample,
  WiringExample,
};

/** Static reference tables that sit beside the examples. */
export const REFERENCE_COMPONENTS = { LatencyNumbers };
