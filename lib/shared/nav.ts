/**
 * The app's top-level pages. A link appears here only once its page works;
 * no "coming soon" entries.
 */
export interface NavItem {
  href: string;
  label: string;
  description: string;
}

export const NAV: NavItem[] = [
  {
    href: '/play',
    label: 'Open the sandbox',
    description: 'Drag components onto a canvas, wire them together, and start from any stage’s reference design.',
  },
  {
    href: '/learn',
    label: 'Learn',
    description: 'Eight lessons from one server to a hundred million users, and topic guides with live examples from the scoring model.',
  },
  {
    href: '/interview',
    label: 'Interview practice',
    description: 'Timed mock system-design interviews on fourteen classic problems, scored by the model, with a review that says what to improve.',
  },
  {
    href: '/teach',
    label: 'Teach',
    description: 'Share a scenario with a class: students design within your rules and submit; you see every design graded.',
  },
  {
    href: '/model',
    label: 'The model',
    description: 'How a design becomes numbers: load, queues, latency percentiles, availability, cost and scores, with every default, price and source, and how closely a simulation agrees.',
  },
];
