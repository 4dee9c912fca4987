import { parse as parseYaml, YAMLError } from 'yaml';
import { frontmatterSchema, type Frontmatter } from './schema';

/** A content file that cannot be used; the message names the file and the field. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ContentError';
  }
}

export interface ParsedContent {
  frontmatter: Frontmatter;
  /**
   * The MDX body. The frontmatter lines are replaced by blank lines so that
   * line numbers in MDX errors match the file.
   */
  body: string;
}

const FENCE = /^---[ \t]*$/;

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/**
 * Splits a content file into validated frontmatter and MDX body.
 * @param file the path shown in error messages, e.g. `content/guides/guide-cdn.mdx`
 * @throws ContentError when the frontmatter is missing, is not YAML, or fails the schema
 */
export function parseContent(source: string, file: string): ParsedContent {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) throw new ContentError(file, 'must start with a YAML frontmatter block between "---" lines');
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) throw new ContentError(file, 'the frontmatter block is not closed by a "---" line');

  let raw: unknown;
  try {
    raw = parseYaml(lines.slice(1, end).join('\n'));
  } catch (err) {
    const detail = err instanceof YAMLError ? err.message.split('\n')[0] : String(err);
    throw new ContentError(file, `frontmatter is not valid YAML: ${detail}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ContentError(file, 'frontmatter must be a YAML mapping of fields');
  }

  const result = frontmatterSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = fieldPath(issue.path);
      if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return field ? `field "${field}" ${issue.message}` : issue.message;
    });
    throw new ContentError(file, `invalid frontmatter: ${problems.join('; ')}`);
  }

  const body = '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n');
  return { frontmatter: result.data, body };
}
