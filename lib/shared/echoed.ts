/**
 * A user-supplied value (an id, a slug, a path, a field name) as an error
 * message may repeat it: whole when short, else its first `max` characters
 * and "…", so a 6,000-character id does not come back 6,000 characters long.
 * Cuts between characters, never through one. Free of server imports, so the
 * schemas the browser also loads can use it.
 */
export function echoed(value: string, max = 40): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max).join('')}…`;
}
