import { useT } from '../i18n.ts';

/** A person's name, or "Skyddad identitet" when the server withholds it. */
export function PersonName({
  name,
  protectedIdentity,
}: {
  name: string | null;
  protectedIdentity?: boolean;
}) {
  const t = useT();
  if (name === null || (protectedIdentity && name === '')) {
    return <span className="badge badge-protected">{t.protectedIdentity}</span>;
  }
  return (
    <>
      {name}
      {protectedIdentity ? (
        <>
          {' '}
          <span className="badge badge-protected">{t.protectedIdentity}</span>
        </>
      ) : null}
    </>
  );
}
