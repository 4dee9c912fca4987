/*
 * The design's types (Design, DesignNode, NodeParams, Workload, …) live in
 * lib/design/types.ts; the engine reads them from there and re-exports them.
 */
export type * from '../design/types';

/*
 * Branded units. A number typed `Ms` cannot be passed where `Rps` is wanted
 * without an explicit conversion, so unit mix-ups fail at compile time.
 */
declare const unit: unique symbol;
type Unit<U extends string> = number & { readonly [unit]: U };
/** Milliseconds. */
export type Ms = Unit<'ms'>;
/** Requests (or messages, or jobs) per second. */
export type Rps = Unit<'rps'>;
/** US dollars. */
export type Usd = Unit<'usd'>;

export const ms = (n: number) => n as Ms;
export const rps = (n: number) => n as Rps;
export const usd = (n: number) => n as Usd;
