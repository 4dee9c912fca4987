'use client';

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useStoredValue } from '@/lib/browser/browser-state';
import { clampSplit as clamp, lessonSplitKey, parseSplit, serializeSplit, SPLIT_DEFAULT, SPLIT_MAX, SPLIT_MIN } from '@/lib/learn/lesson-view';

const STEP = 2;

/**
 * The draggable, keyboard-operable divider between a lesson's prose and its
 * canvas (wide screens only). It sets `--lesson-prose` on its parent grid,
 * whose first column reads it, and keeps where it was left per lesson in this
 * browser (a drag is kept when it ends).
 */
export function SplitSeparator({ lessonId }: { lessonId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [kept, keep] = useStoredValue(lessonSplitKey(lessonId), parseSplit, serializeSplit);
  // Where a drag in progress has it; null when no drag is. The ref is read
  // when the drag ends, which may come before the last move has rendered.
  const drag = useRef<number | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const dragTo = (v: number | null) => {
    drag.current = v;
    setDragged(v);
  };
  const value = dragged ?? kept;

  useEffect(() => {
    ref.current?.parentElement?.style.setProperty('--lesson-prose', `${value}%`);
  }, [value]);

  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = ref.current?.parentElement?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    dragTo(clamp(((e.clientX - box.left) / box.width) * 100));
  };
  const endDrag = () => {
    const v = drag.current;
    dragTo(null);
    if (v !== null && v !== kept) keep(v);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown'
        ? value - STEP
        : e.key === 'ArrowRight' || e.key === 'ArrowUp'
          ? value + STEP
          : e.key === 'Home'
            ? SPLIT_MIN
            : e.key === 'End'
              ? SPLIT_MAX
              : e.key === 'Enter'
                ? SPLIT_DEFAULT
                : null;
    if (next === null) return;
    e.preventDefault();
    keep(clamp(next));
  };

  return (
    <div
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the guide and the canvas"
      aria-valuenow={value}
      aria-valuemin={SPLIT_MIN}
      aria-valuemax={SPLIT_MAX}
      aria-valuetext={`Guide ${value}% of the width`}
      aria-controls="lesson-prose"
      tabIndex={0}
      title="Drag, or use the arrow keys, to resize"
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragTo(value);
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (drag.current !== null) fromPointer(e);
      }}
      onPointerUp={(e) => {
        endDrag();
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={endDrag}
      className="group hidden w-3 cursor-col-resize touch-none items-center justify-center bg-slate-100 outline-none hover:bg-brand-50 focus-visible:bg-brand-100 lg:flex"
    >
      <span aria-hidden="true" className="h-10 w-1 rounded-full bg-slate-300 group-hover:bg-brand-500 group-focus-visible:bg-brand-600" />
    </div>
  );
}
