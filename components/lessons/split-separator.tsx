'use client';

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

/** The guide's share of the lesson page's width, in percent. */
export const SPLIT_MIN = 25;
export const SPLIT_MAX = 65;
export const SPLIT_DEFAULT = 40;
const STEP = 2;

const clamp = (v: number) => Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(v)));

/**
 * The draggable, keyboard-operable divider between a lesson's prose and its
 * canvas (wide screens only). It sets `--lesson-prose` on its parent grid,
 * whose first column reads it.
 */
export function SplitSeparator() {
  const ref = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState(SPLIT_DEFAULT);
  const dragging = useRef(false);

  useEffect(() => {
    ref.current?.parentElement?.style.setProperty('--lesson-prose', `${value}%`);
  }, [value]);

  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = ref.current?.parentElement?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    setValue(clamp(((e.clientX - box.left) / box.width) * 100));
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
    setValue(clamp(next));
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
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (dragging.current) fromPointer(e);
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
      className="group hidden w-3 cursor-col-resize touch-none items-center justify-center bg-slate-100 outline-none hover:bg-brand-50 focus-visible:bg-brand-100 lg:flex"
    >
      <span aria-hidden="true" className="h-10 w-1 rounded-full bg-slate-300 group-hover:bg-brand-500 group-focus-visible:bg-brand-600" />
    </div>
  );
}
