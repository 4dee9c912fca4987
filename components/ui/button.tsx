import type { ButtonHTMLAttributes } from 'react';

/**
 * The app's buttons. Each look is one variant × one size; the class strings
 * are the ones the pages used to copy (the dashboard's compact buttons, the
 * interview's larger ones), so adopting the primitive changes nothing on screen.
 *
 * - `buttonClass(variant, size, extra)` for anything that is not a <button>
 *   (a Next <Link>, an <a>, a <label> styled as a button);
 * - `<Button variant size>` for a real button (type="button" unless given).
 */
export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';
/** `sm`: the compact dashboard/panel button; `md`: the 40 px interview/page button. */
export type ButtonSize = 'sm' | 'md';

const COLOUR: Record<ButtonVariant, string> = {
  primary: 'bg-brand-600 text-white shadow-sm hover:bg-brand-700',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
  danger: 'bg-saturated text-white shadow-sm hover:bg-red-800',
  quiet: 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
};

const SHAPE: Record<ButtonSize, string> = {
  sm: 'rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50',
  md: 'inline-flex h-10 items-center justify-center gap-2 rounded-md px-4 text-sm shadow-sm disabled:cursor-not-allowed disabled:opacity-60',
};

/** Where a variant departs from its size's shape (kept so the old strings stay exact). */
const OVERRIDE: Partial<Record<`${ButtonVariant}.${ButtonSize}`, string>> = {
  'primary.md': 'font-semibold',
  'secondary.md': 'font-medium',
  'danger.md': 'font-semibold',
  // Quiet buttons have no frame, so they are lower and tighter, and disabled reads as grey text.
  'quiet.md':
    'inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-2.5 text-sm font-medium disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent',
  'quiet.sm':
    'rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent',
};

export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'sm', extra?: string): string {
  const override = OVERRIDE[`${variant}.${size}`];
  const shape = variant === 'quiet' ? override! : `${SHAPE[size]}${override ? ` ${override}` : ''}`;
  return `${shape} ${COLOUR[variant]}${extra ? ` ${extra}` : ''}`;
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function Button({ variant = 'secondary', size = 'sm', className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
