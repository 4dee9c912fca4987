/**
 * Reading a JSON request body's text: the nesting depth checked before
 * parsing, the parse, and whole characters. No server imports, so the
 * grading workers (lib/classroom/scenarios/grading-job.ts) parse submissions with the
 * same rules as lib/server/http.ts's readJsonBody.
 */

export type ParsedJson = { ok: true; value: unknown } | { ok: false; status: 400 | 422; error: string; extra?: Record<string, unknown> };

/** The 400 for a text nested more than MAX_JSON_DEPTH deep, found by a scan without parsing; null when it is not. */
export function tooDeep(text: string): Extract<ParsedJson, { ok: false }> | null {
  // Before parsing: a document nested 200,000 levels deep parses, but every
  // recursive step after it (validation, JSON.stringify) overflows the stack.
  const depth = nestingDepthOver(text, MAX_JSON_DEPTH);
  if (depth === null) return null;
  return {
    ok: false,
    status: 400,
    error: `The request body is nested more than ${MAX_JSON_DEPTH} levels deep (lists and objects within each other, at character ${depth.at}); at most ${MAX_JSON_DEPTH} levels are allowed.`,
    extra: { limitDepth: MAX_JSON_DEPTH },
  };
}

/**
 * Parses a request body's text as JSON: 400 when it is nested more than
 * MAX_JSON_DEPTH deep (checked first, without parsing) or is not JSON, 422
 * when a string holds half a character.
 */
export function parseJsonText(text: string): ParsedJson {
  const deep = tooDeep(text);
  if (deep) return deep;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, status: 400, error: `The request body is not valid JSON: ${detail}` };
  }
  const broken = illFormedText(value);
  if (broken) {
    const issue = { path: broken.path, message: broken.message };
    return { ok: false, status: 422, error: `The request is not valid:\n${broken.path ? `${broken.path}: ` : ''}${broken.message}`, extra: { issues: [issue] } };
  }
  return { ok: true, value };
}

/** The deepest nesting of lists and objects a JSON request body may have. Designs and scenarios need fewer than 10. */
export const MAX_JSON_DEPTH = 64;

/**
 * Where `text`, read as JSON, first opens a list or object deeper than
 * `max`; null when it never does. A scan of the characters, outside strings,
 * so it costs no stack however deep the text goes.
 */
export function nestingDepthOver(text: string, max: number): { at: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return { at: i };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

// A high surrogate not followed by a low one, or a low one not after a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function pathOf(parts: readonly (string | number)[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/**
 * The first string (or field name) in a parsed JSON value that is not
 * well-formed Unicode: JSON's `\ud800` escape makes half a character that
 * no database column can store as text and no page can show. Null when all
 * are whole. The value is at most MAX_JSON_DEPTH deep (checked first).
 */
export function illFormedText(value: unknown): { path: string; message: string } | null {
  const visit = (v: unknown, at: (string | number)[]): { path: string; message: string } | null => {
    const here = () => pathOf(at) || 'the request body';
    if (typeof v === 'string') {
      const m = LONE_SURROGATE.exec(v);
      return m
        ? { path: pathOf(at), message: `${here()} contains half a character (a lone surrogate, \\u${m[0].charCodeAt(0).toString(16).toUpperCase()}, at character ${m.index + 1}); send well-formed Unicode text` }
        : null;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const found = visit(v[i], [...at, i]);
        if (found) return found;
      }
      return null;
    }
    if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (LONE_SURROGATE.test(k)) {
          return { path: pathOf(at), message: `a field name in ${here()} contains half a character (a lone surrogate); send well-formed Unicode text` };
        }
        const found = visit(child, [...at, k]);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(value, []);
}

