import { parseDesign, type ParseResult } from '../design/schema';

/**
 * Validates (and migrates) an untrusted design document with the shared
 * schema: unknown kinds and params, dangling edges, duplicate ids, cycles,
 * negative or non-finite numbers are rejected with one message per problem,
 * each naming the offending field, and so are params that do not apply to a
 * kind and out-of-range workload values (MODEL.md §9.5): it judges input as
 * a new design. Nothing is evaluated. (Stored designs load with
 * `parseDesign`, which drops or lowers such values with a notice instead.)
 */
export function validateDesign(raw: unknown): ParseResult {
  return parseDesign(raw, { newDesign: true });
}

/** Alias of {@link validateDesign}. */
export const validate = validateDesign;
