import type { XY } from './types';

/**
 * Where the pointer last was over each editor's canvas, in flow coordinates,
 * so that a paste lands where the user is pointing. Kept outside the store on
 * purpose: a pointer move must not re-render anything. Forgotten when the
 * pointer leaves the canvas (a paste then goes clear of the originals).
 */
const pointers = new WeakMap<object, XY>();

export function notePointer(editor: object, at: XY | null): void {
  if (at) pointers.set(editor, at);
  else pointers.delete(editor);
}

export function pointerOver(editor: object): XY | null {
  return pointers.get(editor) ?? null;
}
