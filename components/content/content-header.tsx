import { formatUsers } from '@/lib/shared/format';
import type { Frontmatter } from '@/lib/learn/schema';
import { stageSpec } from '@/lib/rules/stages';
import { PageHeader } from './page-parts';

/** The header of a lesson or guide page: breadcrumb, stage or "Guide", title, summary, reading time. */
export function ContentHeader({ frontmatter: fm }: { frontmatter: Frontmatter }) {
  const learn = { href: '/learn', label: 'Learn' };
  if (fm.kind === 'lesson') {
    const users = stageSpec(fm.stage)?.users;
    return (
      <PageHeader
        crumbs={[learn, { label: `Stage ${fm.stage}` }]}
        eyebrow={`Stage ${fm.stage} of 8${users ? ` · ${formatUsers(users)} users` : ''}`}
        title={fm.title}
        summary={fm.summary}
        meta={`${fm.minutes} min read`}
      />
    );
  }
  return (
    <PageHeader
      crumbs={[learn, { label: 'Guides' }]}
      eyebrow="Guide"
      title={fm.title}
      summary={fm.summary}
      meta={`${fm.minutes} min read`}
    />
  );
}
