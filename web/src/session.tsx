/** The logged-in user, available to every page inside the layout. */
import { createContext, useContext } from 'react';
import type { Session } from './api/types.ts';
import { hasAnyPermission } from './navigation.ts';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a logged-in layout');
  return session;
}

export function useHasPermission(...anyOf: string[]): boolean {
  return hasAnyPermission(useSession().user.permissions, anyOf);
}
