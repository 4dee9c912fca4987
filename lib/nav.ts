/**
 * The app's top-level pages. A link appears here only once its page works;
 * no "coming soon" entries.
 */
export interface NavItem {
  href: string;
  label: string;
  description: string;
}

export const NAV: NavItem[] = [];
