import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { api } from '../api/endpoints.ts';
import { forgetUserData } from '../api/queries.ts';
import { fill, useT } from '../i18n.ts';
import { isCurrent, visibleNavigation } from '../navigation.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The frame every logged-in page sits in: header, side navigation, main content. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const { user, demoMode } = useSession();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();

  const logout = useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      // Whatever the server said, nothing of this user stays in the browser.
      forgetUserData(queryClient);
      navigate('/login', { replace: true });
    },
  });

  // Move focus to the content after in-app navigation, so keyboard and screen-reader users
  // start at the new page instead of at the link they used.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus();
  }, [pathname]);

  const sections = visibleNavigation(user.permissions);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.app.skipLink}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            {t.app.name}
          </Link>
          <span className="brand-municipality">{user.municipality.name}</span>
          {demoMode ? <span className="badge badge-demo">{t.login.demo.title}</span> : null}
        </div>
        <div className="header-user">
          <span className="visually-hidden">{t.header.signedInAs} </span>
          <span className="header-user-name">{user.displayName}</span>
          <span className="header-user-roles">
            <span className="visually-hidden">{t.header.roles}: </span>
            {user.roles
              .map((role) =>
                fill(t.roleAtUnit, { role: t.roles[role.role] ?? role.role, unit: role.unitName }),
              )
              .join(' · ')}
          </span>
        </div>
        <div className="header-actions">
          <LanguageSwitch />
          <button
            type="button"
            className="button-header"
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            {logout.isPending ? t.header.loggingOut : t.header.logout}
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav className="side-nav" aria-label={t.nav.label}>
          {sections.map((section) => (
            <div className="nav-group" key={section.group}>
              <span className="nav-group-title" id={`nav-group-${section.group}`}>
                {t.nav.groups[section.group]}
              </span>
              <ul aria-labelledby={`nav-group-${section.group}`}>
                {section.entries.map((entry) => (
                  <li key={entry.id}>
                    <Link
                      to={entry.path}
                      data-nav={entry.id}
                      aria-current={isCurrent(entry, pathname) ? 'page' : undefined}
                    >
                      {entry.label(t)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
