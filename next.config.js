// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 and pg are native or Node-only: load them at run time
  // instead of bundling them.
  // yjs too: loaded once per process, not once per server bundle (it warns, and its constructor checks fail, when two copies meet).
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg', 'yjs'],
  typedRoutes: false,
  // NEXT_DIST_DIR lets parallel builds (several engineers or CI jobs on one
  // machine) keep apart; the default is Next's own `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

module.exports = nextConfig;
