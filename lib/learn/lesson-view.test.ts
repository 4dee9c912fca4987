import { describe, expect, it } from 'vitest';
import {
  lessonHintsKey,
  lessonSplitKey,
  parseHintsShown,
  parseSplit,
  serializeHintsShown,
  serializeSplit,
  SPLIT_DEFAULT,
  SPLIT_MAX,
  SPLIT_MIN,
} from './lesson-view';
import { LESSON_DESIGN_PREFIX } from './progress';

describe('lesson view', () => {
  it('keys are per lesson, versioned, and never count as a saved design on the learning path', () => {
    expect(lessonHintsKey('stage-3-load-balancer')).toBe('scalelab:lesson-hints:v1:stage-3-load-balancer');
    expect(lessonSplitKey('stage-3-load-balancer')).toBe('scalelab:lesson-split:v1:stage-3-load-balancer');
    expect(lessonHintsKey('a')).not.toBe(lessonHintsKey('b'));
    for (const key of [lessonHintsKey('a'), lessonSplitKey('a')])
      expect(key.startsWith(LESSON_DESIGN_PREFIX)).toBe(false);
  });

  it('reads back the hints it wrote, at most as many as the lesson has', () => {
    expect(parseHintsShown(serializeHintsShown(2), 4)).toBe(2);
    expect(parseHintsShown(serializeHintsShown(4), 4)).toBe(4);
    // A lesson that now has fewer hints shows them all.
    expect(parseHintsShown(serializeHintsShown(5), 3)).toBe(3);
    // None revealed: nothing is kept.
    expect(serializeHintsShown(0)).toBeNull();
  });

  it('reads nothing, corrupt or odd hints as none revealed', () => {
    for (const text of [
      null,
      '',
      'not json',
      'null',
      '2',
      '[]',
      '{}',
      '{"shown":"2"}',
      '{"shown":-1}',
      '{"shown":1.5}',
    ]) {
      expect(parseHintsShown(text, 4), String(text)).toBe(0);
    }
  });

  it('reads back the split it wrote, within its bounds', () => {
    expect(parseSplit(serializeSplit(34))).toBe(34);
    expect(parseSplit(serializeSplit(SPLIT_MIN))).toBe(SPLIT_MIN);
    expect(parseSplit('{"guide":90}')).toBe(SPLIT_MAX);
    expect(parseSplit('{"guide":3}')).toBe(SPLIT_MIN);
    expect(parseSplit('{"guide":33.6}')).toBe(34);
    // The default is not kept.
    expect(serializeSplit(SPLIT_DEFAULT)).toBeNull();
  });

  it('reads nothing, corrupt or odd splits as the default', () => {
    for (const text of [
      null,
      '',
      'not json',
      'null',
      '50',
      '{}',
      '{"guide":"wide"}',
      '{"guide":null}',
      '{"guide":1e999}',
    ]) {
      expect(parseSplit(text), String(text)).toBe(SPLIT_DEFAULT);
    }
  });
});
