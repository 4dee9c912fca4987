import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button, buttonClass } from './button';
import { TabList, tabClass } from './tabs';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

// The strings the pages copied before the primitive existed: the same classes
// mean the same pixels (Tailwind orders the CSS, not the class attribute).
const OLD = {
  dashboardSecondary:
    'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50',
  dashboardPrimary:
    'rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-50',
  dashboardDanger:
    'rounded-md bg-saturated px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-red-800 disabled:opacity-50',
  interviewPrimary:
    'inline-flex h-10 items-center justify-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60',
  interviewSecondary:
    'inline-flex h-10 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60',
  interviewQuiet:
    'inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent',
};

describe('buttonClass', () => {
  it.each([
    ['secondary', 'sm', OLD.dashboardSecondary],
    ['primary', 'sm', OLD.dashboardPrimary],
    ['danger', 'sm', OLD.dashboardDanger],
    ['primary', 'md', OLD.interviewPrimary],
    ['secondary', 'md', OLD.interviewSecondary],
    ['quiet', 'md', OLD.interviewQuiet],
  ] as const)('%s %s has exactly the classes the pages used', (variant, size, old) => {
    expect(set(buttonClass(variant, size))).toEqual(set(old));
  });

  it('adds the caller’s classes', () => {
    expect(buttonClass('primary', 'sm', 'mt-2 w-full')).toMatch(/ mt-2 w-full$/);
  });

  it('renders a button that does not submit unless asked', () => {
    const html = renderToStaticMarkup(createElement(Button, { variant: 'primary' }, 'Save'));
    expect(html).toContain('type="button"');
    expect(html).toContain('>Save</button>');
    expect(renderToStaticMarkup(createElement(Button, { type: 'submit' }, 'Go'))).toContain('type="submit"');
  });
});

describe('TabList', () => {
  const tabs = [
    { id: 'a', label: 'Alpha' },
    { id: 'b', label: 'Beta' },
  ] as const;

  it('gives one tab stop, on the selected tab, and wires tabs to panels', () => {
    const html = renderToStaticMarkup(
      createElement(TabList<'a' | 'b'>, {
        tabs,
        selected: 'b',
        onSelect: () => {},
        label: 'Things',
        tabId: (id) => `t-${id}`,
        panelId: (id) => `p-${id}`,
      }),
    );
    expect(html).toContain('role="tablist" aria-label="Things"');
    expect(html).toMatch(/id="t-a" aria-selected="false" aria-controls="p-a" tabindex="-1"/);
    expect(html).toMatch(/id="t-b" aria-selected="true" aria-controls="p-b" tabindex="0"/);
  });

  it('keeps the looks the hand-made tablists had', () => {
    expect(set(tabClass('underline', true, 'whitespace-nowrap px-3 py-2'))).toEqual(
      set('whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium border-brand-600 text-brand-700'),
    );
    expect(set(tabClass('segmented', false, 'px-2 py-1'))).toEqual(
      set('rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:text-slate-900'),
    );
  });
});
