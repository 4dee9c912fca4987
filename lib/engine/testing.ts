/**
 * The engine's test doubles (designs and fast-check arbitraries), an entry of
 * their own so that the app's bundles never carry them: tests outside
 * lib/engine import them from `@/lib/engine/testing`.
 */
export * from './test-designs';
export * from './test-arbitraries';
