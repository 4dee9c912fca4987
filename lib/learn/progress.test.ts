import { describe, expect, it } from 'vitest';
import { REFERENCE_DESIGNS } from './reference-designs';
import { checkStage } from '../editor/judge';
import {
  continueHere,
  lessonDesignBackupKey,
  lessonDesignKey,
  lessonStatus,
  markLessonDone,
  parseProgress,
  PROGRESS_KEY,
  readLessonDesign,
  readProgress,
  writeLessonDesign,
} from './progress';

function memoryStorage(init: Record<string, string> = {}) {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const design = (stage: number) => REFERENCE_DESIGNS.find((r) => r.stage === stage)!.design;

describe('progress', () => {
  it('reads nothing, corrupt or odd data as no progress', () => {
    expect(parseProgress(null)).toEqual({ done: {} });
    expect(parseProgress('not json')).toEqual({ done: {} });
    expect(parseProgress('{"done":[1]}')).toEqual({ done: {} });
    expect(parseProgress('{"done":{"a":"2026-01-01T00:00:00.000Z","b":3}}')).toEqual({ done: { a: '2026-01-01T00:00:00.000Z' } });
  });

  it('marks a lesson done once, keeping the first date', () => {
    const s = memoryStorage();
    const first = markLessonDone(s, 'stage-3-load-balancer', new Date('2026-01-01T00:00:00Z'));
    expect(first.changed).toBe(true);
    expect(JSON.parse(s.data.get(PROGRESS_KEY)!)).toEqual({ done: { 'stage-3-load-balancer': '2026-01-01T00:00:00.000Z' } });
    const again = markLessonDone(s, 'stage-3-load-balancer', new Date('2026-02-01T00:00:00Z'));
    expect(again.changed).toBe(false);
    expect(readProgress(s).done['stage-3-load-balancer']).toBe('2026-01-01T00:00:00.000Z');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readProgress(broken)).toEqual({ done: {} });
    expect(markLessonDone(broken, 'x').changed).toBe(false);
    expect(readLessonDesign(broken, 'x')).toEqual({ status: 'empty' });
    expect(writeLessonDesign(broken, 'x', design(2))).toEqual({ ok: false, error: 'blocked' });
  });

  it('tells each lesson’s status and where to continue', () => {
    const p = { done: { a: '2026-01-01T00:00:00.000Z' } };
    expect(lessonStatus(p, 'a', false)).toBe('done');
    expect(lessonStatus(p, 'b', true)).toBe('in-progress');
    expect(lessonStatus(p, 'c', false)).toBe('not-started');
    expect(continueHere(['a', 'b', 'c'], p)).toBe('b');
    expect(continueHere(['a'], p)).toBeNull();
    expect(continueHere(['b', 'a'], p)).toBe('b');
  });

  it('saves and restores a lesson design under its own key, setting an unreadable one aside', () => {
    const s = memoryStorage();
    expect(readLessonDesign(s, 'stage-3-load-balancer')).toEqual({ status: 'empty' });
    writeLessonDesign(s, 'stage-3-load-balancer', design(2));
    expect(s.data.has(lessonDesignKey('stage-3-load-balancer'))).toBe(true);
    expect(lessonDesignKey('stage-3-load-balancer')).toBe('scalelab:lesson:v1:stage-3-load-balancer');
    const read = readLessonDesign(s, 'stage-3-load-balancer');
    expect(read.status === 'ok' && read.design.nodes.map((n) => n.id)).toEqual(design(2).nodes.map((n) => n.id));
    for (const [id, text] of [
      ['bad', JSON.stringify({ version: 1, design: { nodes: 'no' } })],
      ['not-json', '{"version": 1, "des'],
    ]) {
      s.data.set(lessonDesignKey(id), text);
      expect(readLessonDesign(s, id)).toEqual({ status: 'unreadable' });
      // Kept under the backup key, out of the autosave's way (and out of the path's "in progress").
      expect(s.data.get(lessonDesignBackupKey(id))).toBe(text);
      expect(s.data.has(lessonDesignKey(id))).toBe(false);
    }
  });

  it('checks a design against a stage: stage 2’s design fails stage 3, stage 3’s passes', () => {
    const fail = checkStage(design(2), 3);
    expect(fail.passed).toBe(false);
    expect(fail.problem).toBeNull();
    expect(fail.checks.some((c) => !c.passed && /load balancer/.test(c.label))).toBe(true);
    expect(checkStage(design(3), 3).passed).toBe(true);
    expect(checkStage({ schemaVersion: 1, nodes: [], edges: [] }, 1)).toMatchObject({ passed: false, problem: expect.any(String) });
  });
});
