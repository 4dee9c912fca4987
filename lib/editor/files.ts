/**
 * Design files: reading an imported file (validated like any untrusted
 * document) and offering the design, or a picture of it, as a download.
 */
import { MAX_DESIGN_BYTES, parseDesign, type DesignIssue, type DesignNotice } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';

/** A file read as an older design: `notices` say what loading dropped (a param its kind does not take). */
export type FileRead = { ok: true; design: Design; notices: DesignNotice[] } | { ok: false; issues: DesignIssue[] };

/** Parses the text of a design file; every problem comes back as path + message. */
export function parseDesignText(text: string): FileRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)})` }] };
  }
  return parseDesign(raw);
}

export async function readDesignFile(file: File): Promise<FileRead> {
  if (file.size > MAX_DESIGN_BYTES) {
    return { ok: false, issues: [{ path: '', message: `the file is ${Math.ceil(file.size / 1024)} KB; a design may be at most ${MAX_DESIGN_BYTES / 1024} KB` }] };
  }
  return parseDesignText(await file.text());
}

/** A file name from the design's name: "Stage 3 reference" → "stage-3-reference". */
export function fileStem(name: string | undefined): string {
  const stem = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'scalelab-design';
}

export function designJson(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`;
}

/** Starts a browser download of `href` (a data: or blob: URL). */
export function download(href: string, filename: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadText(text: string, filename: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
