import { parseDesign, type ParseResult } from '../design/schema';

/**
 * Validates (and migrates) an untrusted design document with the shared
 * schema: unknown kinds and params, dangling edges, duplicate ids, cycles,
 * negative or non-finite numbers are rejected with one message per problem,
 * each naming the offending field. Nothing is evaluated.
 */
export function validateDesign(raw: unknown): ParseResult {
  return parseDesign(raw);
}

/** Alias of {@link validateDesign}. */
export const validate = validateDesign;
