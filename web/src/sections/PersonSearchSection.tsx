import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { usePersonSearch } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Heading, type HeadingLevel } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { fill, useT } from '../i18n.ts';
import { Link } from '../router.tsx';

/**
 * The last search is kept in the query cache (memory only, emptied at logout) so that going back
 * from a person shows the results again. It is never put in the URL: it may be a personnummer.
 */
const LAST_SEARCH_KEY = ['persons', 'last-search'] as const;

/** Person search by name or personnummer. `level` 1 when it is the page, 2 on the start page. */
export function PersonSearchSection({
  level,
  showHeading = true,
}: {
  level: HeadingLevel;
  showHeading?: boolean;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => queryClient.getQueryData<string>(LAST_SEARCH_KEY) ?? '');
  const [submitted, setSubmitted] = useState<string | null>(
    () => queryClient.getQueryData<string>(LAST_SEARCH_KEY) ?? null,
  );
  const [empty, setEmpty] = useState(false);
  const search = usePersonSearch(submitted);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const headingId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = text.trim();
    if (query === '') {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    queryClient.setQueryData(LAST_SEARCH_KEY, query);
    if (query === submitted) void search.refetch();
    else setSubmitted(query);
  };

  return (
    <section
      className="panel"
      aria-labelledby={showHeading ? headingId : undefined}
      aria-label={showHeading ? undefined : t.personSearch.title}
    >
      {showHeading ? (
        <Heading level={level} id={headingId}>
          {t.personSearch.title}
        </Heading>
      ) : null}
      <form className="search-form" role="search" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t.personSearch.label}</label>
          <span className="hint" id={hintId}>
            {t.personSearch.hint}
          </span>
          <div className="field-row">
            <input
              id={inputId}
              name="query"
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={text}
              aria-describedby={empty ? `${hintId} ${errorId}` : hintId}
              aria-invalid={empty || undefined}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" disabled={search.isFetching}>
              {search.isFetching ? t.personSearch.searching : t.personSearch.submit}
            </button>
          </div>
          {empty ? (
            <span className="field-error" id={errorId}>
              {t.personSearch.emptyQuery}
            </span>
          ) : null}
        </div>
      </form>
      {search.isFetching && !search.data ? <Loading label={t.personSearch.searching} /> : null}
      {search.isError ? <ErrorMessage error={search.error} /> : null}
      <div aria-live="polite">
        {search.data ? (
          search.data.items.length === 0 ? (
            <Empty>{t.personSearch.noHits}</Empty>
          ) : (
            <>
              <p className="table-meta">
                {fill(t.personSearch.total, { shown: search.data.items.length, total: search.data.total })}
              </p>
              <table className="table table-narrow">
                <caption className="visually-hidden">{t.personSearch.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.personSearch.name}</th>
                    <th scope="col">{t.personSearch.personalNumber}</th>
                  </tr>
                </thead>
                <tbody>
                  {search.data.items.map((hit) => (
                    <tr key={hit.id}>
                      <td>
                        <Link to={`/personer/${encodeURIComponent(hit.id)}`}>
                          <PersonName name={hit.name} protectedIdentity={hit.protectedIdentity} />
                        </Link>
                      </td>
                      <td className="cell-number">{hit.personalNumber ?? hit.birthYear}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        ) : null}
      </div>
    </section>
  );
}
