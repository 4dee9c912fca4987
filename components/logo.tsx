export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#2852d8" />
      <rect x="7" y="19" width="4" height="6" rx="1" fill="#fff" opacity="0.6" />
      <rect x="14" y="13" width="4" height="12" rx="1" fill="#fff" opacity="0.8" />
      <rect x="21" y="7" width="4" height="18" rx="1" fill="#fff" />
    </svg>
  );
}
