import type { Metadata } from 'next';

/*
 * Scenario pages carry secrets in their fragments and unguessable slugs in
 * their paths: no referrer leaves them (links in a brief included), and
 * search engines keep out.
 */
export const metadata: Metadata = {
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

export default function ScenarioLayout({ children }: { children: React.ReactNode }) {
  return children;
}
