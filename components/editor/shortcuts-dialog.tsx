'use client';

import { SHORTCUTS } from '@/lib/editor/shortcuts';
import { Dialog } from './dialog';
import { useEditor, useEditorStore } from './editor-provider';

function Key({ k }: { k: string }) {
  const text = k === 'Mod' ? 'Ctrl / ⌘' : k;
  return <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-[0_1px_0_#cbd5e1]">{text}</kbd>;
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
                <div key={item.does} className="grid grid-cols-[minmax(7rem,1fr)_auto] items-start gap-3 text-sm">
                  <dt className="text-slate-800">{item.does}</dt>
                  <dd className="flex max-w-[13rem] flex-wrap justify-end gap-1 text-right">
                    {item.keys.map((combo, i) => (
                      <span key={i} className="flex items-center gap-0.5">
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
