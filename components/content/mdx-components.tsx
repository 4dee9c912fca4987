import Link from 'next/link';
import type { MDXComponents } from 'mdx/types';
import type { ComponentPropsWithoutRef } from 'react';
import { Callout } from './callout';
import { Figure } from './figure';
import { Heading } from './heading';
import { InstanceAvailability, ModelDefault, ModelNetwork, ModelRoundTrip, ModelWorkload, StageTarget } from './model-values';
import { StageFacts } from './stage-facts';
import { EXAMPLE_COMPONENTS, REFERENCE_COMPONENTS } from './examples';

/**
 * The one place MDX elements become styled components. Content files use
 * plain markdown plus the custom components listed at the end; they import
 * nothing themselves.
 */

function Anchor({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  const className = 'font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-600';
  if (href.startsWith('/')) {
    return (
      <Link href={href} className={className} {...rest}>
        {children}
      </Link>
    );
  }
  const external = /^https?:\/\//.test(href);
  return (
    <a href={href} className={className} {...(external ? { rel: 'noreferrer' } : {})} {...rest}>
      {children}
    </a>
  );
}

export const mdxComponents: MDXComponents = {
  h1: (props) => <Heading level={2} {...props} />,
  h2: (props) => <Heading level={2} {...props} />,
  h3: (props) => <Heading level={3} {...props} />,
  h4: (props) => <Heading level={4} {...props} />,
  p: (props) => <p className="my-4" {...props} />,
  a: Anchor,
  ul: (props) => <ul className="my-4 list-disc space-y-1.5 pl-6 marker:text-slate-400" {...props} />,
  ol: (props) => <ol className="my-4 list-decimal space-y-1.5 pl-6 marker:text-slate-500" {...props} />,
  li: (props) => <li className="pl-1 [&>ol]:my-1.5 [&>p]:my-1 [&>ul]:my-1.5" {...props} />,
  blockquote: (props) => <blockquote className="my-6 border-l-4 border-slate-200 pl-4 text-slate-700 italic" {...props} />,
  hr: () => <hr className="my-10 border-slate-200" />,
  strong: (props) => <strong className="font-semibold text-slate-900" {...props} />,
  table: (props) => (
    // Focusable so keyboard users can scroll a wide table on a phone.
    <div className="my-6 overflow-x-auto rounded-lg border border-slate-200" tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm" {...props} />
    </div>
  ),
  thead: (props) => <thead className="bg-slate-50 text-slate-700" {...props} />,
  tr: (props) => <tr className="border-b border-slate-100 last:border-b-0" {...props} />,
  th: (props) => <th className="border-b border-slate-200 px-3 py-2 font-semibold whitespace-nowrap" {...props} />,
  td: (props) => <td className="px-3 py-2 align-top tabular-nums" {...props} />,
  code: (props) => (
    <code
      className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.875em] text-slate-800 [pre_&]:bg-transparent [pre_&]:p-0 [pre_&]:text-slate-100"
      {...props}
    />
  ),
  pre: (props) => (
    <pre
      className="my-6 overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-sm leading-relaxed text-slate-100"
      tabIndex={0}
      {...props}
    />
  ),
  img: ({ alt = '', ...props }) => (
    // Content images are small diagrams committed next to the content.
    // eslint-disable-next-line @next/next/no-img-element
    <img alt={alt} className="my-6 max-w-full rounded-lg border border-slate-200" {...props} />
  ),
  Callout,
  Figure,
  StageFacts,
  ModelDefault,
  ModelWorkload,
  ModelNetwork,
  ModelRoundTrip,
  InstanceAvailability,
  StageTarget,
  ...EXAMPLE_COMPONENTS,
  ...REFERENCE_COMPONENTS,
};
