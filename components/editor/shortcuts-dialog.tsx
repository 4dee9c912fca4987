'use client';

import { SHORTCUTS } from '@/lib/editor/shortcuts';
import { Dialog } from './dialog';
import { useEditor, useEditorStore } from './editor-provider';

/** One key: its label never breaks across lines ("Ctrl / ⌘" stays whole). */
function Key({ k }: { k: string }) {
  const text = k === 'Mod' ? 'Ctrl / ⌘' : k;
  return (
    <kbd className="whitespace-nowrap rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-[0_1px_0_#cbd5e1]">
      {text}
    </kbd>
  );
}

export function ShortcutsDialog() {
  const store = useEditorStore();
  const open = useEditor((s) => s.ui.shortcutsOpen);
  return (
    <Dialog open={open} onClose={() => store.getState().setShortcutsOpen(false)} title="Keyboard shortcuts" wide>
      <div className="grid gap-6 sm:grid-cols-2">
        {SHORTCUTS.map((g) => (
          <section key={g.group} aria-label={g.group}>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{g.group}</h3>
            <dl className="mt-2 space-y-1.5">
              {g.items.map((item) => (
                // Keys beside what they do while both fit; on a narrow screen the keys wrap
                // under it instead, so no key label is squeezed onto two lines.
                <div key={item.does} className="flex flex-wrap items-start gap-x-3 gap-y-1 text-sm">
                  <dt className="min-w-[6rem] flex-1 text-slate-800">{item.does}</dt>
                  <dd className="ml-auto flex max-w-[11.5rem] flex-wrap justify-end gap-1 text-right">
                    {item.keys.map((combo, i) => (
                      <span key={i} className="flex flex-wrap items-center justify-end gap-0.5">
                        {i > 0 ? <span className="px-1 text-xs text-slate-600">or</span> : null}
                        {combo.map((k, j) => (
                          <span key={j} className="flex items-center gap-0.5">
                            {j > 0 ? <span className="text-xs text-slate-600">+</span> : null}
                            <Key k={k} />
                          </span>
                        ))}
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
