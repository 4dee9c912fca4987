import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';
import { SiteHeader } from '@/components/site-header';
import { ZodWithoutEval } from '@/components/zod-without-eval';

export const metadata: Metadata = {
  title: { default: 'ScaleLab — learn to scale by building', template: '%s · ScaleLab' },
  description:
    'Drag load balancers, databases, caches and queues onto a canvas; a queueing model scores your design at every growth stage from 1K to 100M users.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered for its request, never ahead of time: Next.js
  // puts the request's CSP nonce (proxy.ts) on its scripts, and a page built
  // ahead of time would carry scripts without one, which the browser refuses.
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-full flex-col">
        <ZodWithoutEval />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="flex flex-1 flex-col">
          {children}
        </main>
      </body>
    </html>
  );
}
