import { WebPaths, hasPermission, type Permission } from '@treffpunkt/contracts';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageLoading } from '../../components/FullPageLoading';
import { ForbiddenPage } from '../sections/StatusPages';
import { loginPathFor } from './redirect';
import { useSession } from './SessionProvider';

export interface LoginLocationState {
  expired?: boolean;
  /** The API ended the session (account disabled, password changed elsewhere). */
  revoked?: boolean;
}

/** Routes behind this need a session; without one the person goes to /login?next=<here>. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { status, anonymousReason } = useSession();
  const location = useLocation();

  if (status === 'restoring') return <FullPageLoading />;
  if (status === 'anonymous') {
    if (anonymousReason === 'signedOut') return <Navigate to={WebPaths.login} replace />;
    const state: LoginLocationState = { expired: anonymousReason === 'expired', revoked: anonymousReason === 'revoked' };
    return <Navigate to={loginPathFor(`${location.pathname}${location.search}${location.hash}`)} replace state={state} />;
  }
  return children ?? <Outlet />;
}

/** Hides a route from roles without the permission (the API enforces it anyway). */
export function RequirePermission({ permission, children }: { permission: Permission; children?: ReactNode }) {
  const { user } = useSession();
  if (!user || !hasPermission(user.role, permission)) return <ForbiddenPage />;
  return children ?? <Outlet />;
}
