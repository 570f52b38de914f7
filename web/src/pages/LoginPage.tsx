import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints.ts';
import { queryKeys, useAuthConfig, useDemoUsers } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Page } from '../components/Page.tsx';
import { fill, usePublicT, useT } from '../i18n.ts';
import { publicPaths } from '../paths.ts';
import { Link, navigate } from '../router.tsx';

/** /login: the organisation's login (OIDC, a full-page redirect) and, in demo mode, the demo users. */
export function LoginPage() {
  const t = useT();
  const p = usePublicT();
  const config = useAuthConfig();
  const demoMode = config.data?.demoMode === true;
  const demoUsers = useDemoUsers(demoMode);
  const queryClient = useQueryClient();
  // The OIDC callback sends a failed login back here with ?fel=inloggning.
  const loginFailed = new URLSearchParams(window.location.search).get('fel') === 'inloggning';

  const login = useMutation({
    mutationFn: api.demoLogin,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
      navigate('/', { replace: true });
    },
  });

  return (
    <div className="app app-login">
      <a className="skip-link" href="#main">
        {t.app.skipLink}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t.app.name}</span>
          <span className="brand-municipality">{t.app.tagline}</span>
        </div>
        <div className="header-actions">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="login-main">
        <Page title={t.login.title} intro={t.login.intro}>
          {loginFailed ? (
            <div className="notice notice-error" role="alert">
              {t.login.failed}
            </div>
          ) : null}
          {config.isPending ? <Loading /> : null}
          {config.isError ? (
            <ErrorMessage error={config.error} onRetry={() => void config.refetch()} />
          ) : null}
          {config.data?.oidcEnabled ? (
            <p>
              {/* A real navigation: the server starts the OIDC flow and redirects. */}
              <a className="button button-primary button-large" href="/auth/login">
                {t.login.oidcButton}
              </a>
            </p>
          ) : null}
          {config.data && !config.data.oidcEnabled && !config.data.demoMode ? (
            <p>{t.login.noMethod}</p>
          ) : null}
          {demoMode ? (
            <section className="demo-box" aria-labelledby="demo-title">
              <h2 id="demo-title">{t.login.demo.title}</h2>
              <p>{t.login.demo.warning}</p>
              {login.isError ? <ErrorMessage error={login.error} /> : null}
              {login.isPending ? <Loading label={t.login.loggingIn} /> : null}
              {demoUsers.isPending ? <Loading /> : null}
              {demoUsers.isError ? (
                <ErrorMessage error={demoUsers.error} onRetry={() => void demoUsers.refetch()} />
              ) : null}
              {demoUsers.data && demoUsers.data.items.length === 0 ? (
                <Empty>{t.login.demo.empty}</Empty>
              ) : null}
              {demoUsers.data && demoUsers.data.items.length > 0 ? (
                <table className="table">
                  <caption className="visually-hidden">{t.login.demo.caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.login.demo.name}</th>
                      <th scope="col">{t.login.demo.roles}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t.login.demo.action}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {demoUsers.data.items.map((user) => (
                      <tr key={user.id}>
                        <th scope="row">{user.displayName}</th>
                        <td>
                          <ul className="plain-list">
                            {user.roles.map((role) => (
                              <li key={`${role.role}:${role.unitName}`}>
                                {fill(t.roleAtUnit, {
                                  role: t.roles[role.role] ?? role.role,
                                  unit: role.unitName,
                                })}
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td className="cell-action">
                          <button
                            type="button"
                            aria-label={fill(t.login.demo.loginAsLabel, { name: user.displayName })}
                            disabled={login.isPending}
                            onClick={() => login.mutate(user.id)}
                          >
                            {t.login.demo.loginAs}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </section>
          ) : null}
          <section className="public-entry" aria-labelledby="public-entry-title">
            <h2 id="public-entry-title">{p.loginLinkIntro}</h2>
            <p>
              <Link to={publicPaths.eApplication} className="button button-secondary button-large">
                {p.loginLink}
              </Link>
            </p>
          </section>
        </Page>
      </main>
    </div>
  );
}
