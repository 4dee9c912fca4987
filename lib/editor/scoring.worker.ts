/**
 * The scoring Web Worker: runs engine requests off the main thread, so a
 * large design's evaluation or a 60-point sweep never blocks the canvas.
 * Messages: `{ id, request: EngineRequest }` in, `{ id, result: EngineResult }` out.
 */
import { runEngineRequest, type EngineRequest } from './scoring-engine';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; request: EngineRequest }>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (e) => {
  const { id, request } = e.data;
  scope.postMessage({ id, result: runEngineRequest(request) });
};
