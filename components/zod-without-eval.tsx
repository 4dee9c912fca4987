'use client';

import { z } from 'zod';

/**
 * Zod compiles object schemas with `new Function()` where it may, and finds
 * out by trying `Function("")` once. The pages' Content-Security-Policy
 * allows no eval, so that probe is refused and reported as a violation on
 * every page that validates something. Parsing without compiled code is
 * plenty fast for designs and forms; this sets it before any page parses.
 */
z.config({ jitless: true });

/** Rendered once by the root layout, so this module runs in every browser tab before the pages' own. */
export function ZodWithoutEval() {
  return null;
}
