/**
 * Keyword matching for the candidate's free text (requirements notes and
 * trade-offs). Case-insensitive; a keyword matches where a word starts, so
 * "cache" finds "caching" and "caches" but not "headcache"; a keyword of
 * several words matches them in order with any spacing or punctuation.
 */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim()} `;
}

export function mentions(text: string, keyword: string): boolean {
  const haystack = normalise(text);
  const needle = normalise(keyword).trimEnd();
  if (needle.trim() === '') return false;
  return haystack.includes(needle);
}

export function mentionsAny(text: string, keywords: readonly string[]): boolean {
  return keywords.some((k) => mentions(text, k));
}

export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}
