/** The editor's keyboard shortcuts, as the "?" dialog lists them. `Mod` is Ctrl, or ⌘ on a Mac. */
export const SHORTCUTS: readonly { group: string; items: readonly { keys: readonly string[][]; does: string }[] }[] = [
  {
    group: 'Edit',
    items: [
      { keys: [['Mod', 'Z']], does: 'Undo' },
      { keys: [['Mod', 'Shift', 'Z'], ['Ctrl', 'Y']], does: 'Redo' },
      { keys: [['Delete'], ['Backspace']], does: 'Delete the selection' },
      { keys: [['Mod', 'D']], does: 'Duplicate the selection' },
      { keys: [['Mod', 'C']], does: 'Copy the selection (works across tabs)' },
      { keys: [['Mod', 'X']], does: 'Cut the selection' },
      { keys: [['Mod', 'V']], does: 'Paste' },
      { keys: [['F2'], ['Enter']], does: 'Rename the focused component (Enter when it is selected)' },
    ],
  },
  {
    group: 'Select and move',
    items: [
      { keys: [['Tab']], does: 'Move between components and connections' },
      { keys: [['Enter'], ['Space']], does: 'Select the focused component' },
      { keys: [['Shift', 'Click']], does: 'Add to the selection' },
      { keys: [['Shift', 'Drag']], does: 'Select with a box' },
      { keys: [['Mod', 'A']], does: 'Select everything' },
      { keys: [['Esc']], does: 'Clear the selection' },
      { keys: [['← ↑ → ↓']], does: 'Move the selected components' },
    ],
  },
  {
    group: 'View',
    items: [
      { keys: [['Space', 'Drag'], ['Middle-drag']], does: 'Pan the canvas' },
      { keys: [['Scroll'], ['Pinch']], does: 'Zoom' },
      { keys: [['Mod', '\\']], does: 'Fold the side panels away to focus on the canvas, or bring them back (wide screens)' },
      { keys: [['?']], does: 'Show these shortcuts' },
    ],
  },
];
