import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import './globals.css';
import { SiteHeader } from '@/components/site-header';
import { ZodWithoutEval } from '@/components/zod-without-eval';

const TITLE = 'ScaleLab — learn to scale by building';
const DESCRIPTION =
  'Drag load balancers, databases, caches and queues onto a canvas; a queueing model scores your design at every growth stage from 1K to 100M users.';

/**
 * The site's metadata. Links in it (the social preview image) must be
 * absolute, and the app does not know its public address ahead of time (it
 * runs behind whatever proxy serves it), so they are made from the address
 * this request came to.
 */
export async function generateMetadata(): Promise<Metadata> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  let metadataBase: URL | undefined;
  try {
    metadataBase = new URL(`${proto.split(',')[0].trim()}://${host.split(',')[0].trim()}`);
  } catch {
    metadataBase = undefined;
  }
  const image = { url: '/og.png', width: 1200, height: 630, alt: 'ScaleLab: growth stages from 1K to 100M users' };
  return {
    metadataBase,
    title: { default: TITLE, template: '%s · ScaleLab' },
    description: DESCRIPTION,
    manifest: '/site.webmanifest',
    icons: { apple: '/apple-touch-icon.png' },
    openGraph: { type: 'website', siteName: 'ScaleLab', title: TITLE, description: DESCRIPTION, images: [image] },
    twitter: { card: 'summary_large_image', title: TITLE, description: DESCRIPTION, images: [image.url] },
  };
}

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
