import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';

/**
 * Production builds are a static export served by the Spring backend under /admin.
 * In development (`npm run dev`) the same pages are served by Next on :3000 and
 * `/api/*` is proxied to a running backend (MONOSTORE_API_URL, default http://localhost:8080).
 * Rewrites cannot be combined with `output: 'export'`, hence the split by phase.
 */
export default function config(phase: string): NextConfig {
  const base: NextConfig = {
    basePath: '/admin',
    trailingSlash: true,
    images: { unoptimized: true },
    reactStrictMode: true,
  };
  if (phase === PHASE_DEVELOPMENT_SERVER) {
    const api = (process.env.MONOSTORE_API_URL ?? 'http://localhost:8080').replace(/\/$/, '');
    return {
      ...base,
      // trailingSlash would otherwise redirect /api/x to /api/x/ before the proxy sees it
      skipTrailingSlashRedirect: true,
      async rewrites() {
        return [{ source: '/api/:path*', destination: `${api}/api/:path*`, basePath: false }];
      },
    };
  }
  return { ...base, output: 'export' };
}
