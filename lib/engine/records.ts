/**
 * Sets `obj[key]`, even when the key is "__proto__" (a node or edge id can
 * be anything), where plain assignment would set the object's prototype.
 */
export function setKey<T>(obj: Record<string, T>, key: string, value: T) {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
