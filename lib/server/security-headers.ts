/**
 * The security headers of every answer. The app server (scripts/serve.ts)
 * sets SECURITY_HEADERS and the strict API_CSP on everything it serves;
 * proxy.ts replaces the policy of each page with pageCsp(), whose
 * per-request nonce Next.js puts on its own scripts. Free of server imports.
 */

/**
 * Pages. Scripts run only with this request's nonce, or when loaded by a
 * script that has it ('strict-dynamic': Next's chunks): no inline script an
 * attacker slips into the HTML runs. Images come only from this site, data:
 * and blob: (a brief's remote image is never fetched; the brief shows it as
 * a link). No site may frame a page ('none': the student page and the
 * dashboard hold capability links worth clickjacking); no embedding is
 * offered. Inline styles stay allowed: React puts style attributes in the
 * HTML it renders, and a style cannot run script.
 */
export function pageCsp(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    // `next dev` rebuilds server errors' stacks in the browser with eval; the build never evaluates strings.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** JSON answers, static files and the server's own errors: nothing in them may load or run anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** On every answer, page or API. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // Frame refusal for browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
  // Student and dashboard addresses carry capability slugs; no other site learns them.
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=()',
  'cross-origin-opener-policy': 'same-origin',
};
