import { useEffect } from 'react';
import { useSessionQuery } from './api/queries.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { ErrorMessage, Loading } from './components/Feedback.tsx';
import { Layout } from './components/Layout.tsx';
import { Page } from './components/Page.tsx';
import { useT } from './i18n.ts';
import { hasAnyPermission } from './navigation.ts';
import { EApplicationPage } from './pages/EApplicationPage.tsx';
import { ForbiddenPage } from './pages/ForbiddenPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { publicPaths } from './paths.ts';
import { matchPath, navigate, useLocation } from './router.tsx';
import { routes } from './routes.tsx';
import { SessionContext, useSession } from './session.tsx';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function RouteView() {
  const { pathname } = useLocation();
  const { user } = useSession();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (!hasAnyPermission(user.permissions, route.anyOf)) return <ForbiddenPage />;
    return <>{route.render(params)}</>;
  }
  return <NotFoundPage />;
}

/** Decides between the login page and the logged-in layout, then renders the matching route. */
export function App() {
  const t = useT();
  const { pathname } = useLocation();
  const session = useSessionQuery();

  // The citizen's pages need no login (and do not wait for the session check).
  if (pathname === publicPaths.eApplication) return <EApplicationPage />;
  if (session.isPending) {
    return (
      <main id="main" className="app-starting">
        <Loading />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main id="main" className="app-starting">
        <Page title={t.errors.sessionTitle}>
          <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />
        </Page>
      </main>
    );
  }
  if (pathname === '/login') {
    return session.data ? <Redirect to="/" /> : <LoginPage />;
  }
  if (!session.data) return <Redirect to="/login" />;

  return (
    <SessionContext.Provider value={session.data}>
      <Layout>
        <ErrorBoundary resetKey={pathname}>
          <RouteView />
        </ErrorBoundary>
      </Layout>
    </SessionContext.Provider>
  );
}
