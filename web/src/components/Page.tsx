import { useEffect, type ReactNode } from 'react';
import { fill, useT } from '../i18n.ts';

/** Sets the document title and renders the page's one h1. */
export function Page({ title, children, intro }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = fill(t.app.pageTitle, { page: title });
  }, [t, title]);
  return (
    <>
      <h1>{title}</h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </>
  );
}

export type HeadingLevel = 1 | 2 | 3;

/** A heading whose level depends on where a section is placed (own page: h1, start page: h2). */
export function Heading({ level, children, id }: { level: HeadingLevel; children: ReactNode; id?: string }) {
  const Tag = `h${level}` as const;
  return <Tag id={id}>{children}</Tag>;
}

export function subLevel(level: HeadingLevel): HeadingLevel {
  return level === 1 ? 2 : 3;
}
