import type { Locale, LoginResponse, UserDto } from '@treffpunkt/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { authApi, usersApi } from '../../api/endpoints';
import { useI18n } from '../../i18n';

export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';
/** Why there is no session: decides whether the login page offers to go back (`next`). */
export type AnonymousReason = 'none' | 'expired' | 'revoked' | 'signedOut';

interface SessionContextValue {
  status: SessionStatus;
  user: UserDto | null;
  anonymousReason: AnonymousReason;
  /** Store the session from login or invitation acceptance. */
  signIn: (session: LoginResponse) => void;
  signOut: () => Promise<void>;
  /**
   * End the session locally without asking the API (it already ended it: `session:revoked`, or
   * the refresh failed): the person lands on the login page and can come back to this page.
   */
  endSession: (reason: 'expired' | 'revoked') => void;
  /** Replace the user after a profile change (also applies the user's locale). */
  updateUser: (user: UserDto) => void;
  /** Switch the UI language; when signed in, remembered on the account. */
  changeLocale: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const queryClient = useQueryClient();
  const [user, setUser] = useState<UserDto | null>(null);
  const [status, setStatus] = useState<SessionStatus>('restoring');
  const [anonymousReason, setAnonymousReason] = useState<AnonymousReason>('none');

  const applyUser = useCallback(
    (next: UserDto) => {
      setUser(next);
      setStatus('authenticated');
      setAnonymousReason('none');
      setLocale(next.locale);
    },
    [setLocale],
  );

  useEffect(() => {
    const offSession = api.onSession((session) => {
      applyUser(session.user);
    });
    const offExpired = api.onSessionExpired(() => {
      setUser(null);
      setStatus('anonymous');
      setAnonymousReason('expired');
      queryClient.clear();
    });
    return () => {
      offSession();
      offExpired();
    };
  }, [applyUser, queryClient]);

  useEffect(() => {
    let active = true;
    // Silent restore from the refresh cookie; concurrent calls (StrictMode) share one request.
    void api.refresh().then((session) => {
      if (!active) return;
      if (!session) setStatus((current) => (current === 'restoring' ? 'anonymous' : current));
    });
    return () => {
      active = false;
    };
  }, []);

  const signIn = useCallback((session: LoginResponse) => {
    api.setSession(session);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The local session ends regardless; the refresh cookie expires on its own.
    }
    api.clearSession();
    setUser(null);
    setStatus('anonymous');
    setAnonymousReason('signedOut');
    queryClient.clear();
  }, [queryClient]);

  const endSession = useCallback(
    (reason: 'expired' | 'revoked') => {
      api.clearSession();
      setUser(null);
      setStatus('anonymous');
      setAnonymousReason(reason);
      queryClient.clear();
    },
    [queryClient],
  );

  const changeLocale = useCallback(
    async (next: Locale) => {
      const previous = locale;
      setLocale(next);
      if (!user || user.locale === next) return;
      try {
        applyUser(await usersApi.updateMe({ locale: next }));
      } catch (error) {
        setLocale(previous);
        throw error;
      }
    },
    [applyUser, locale, setLocale, user],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ status, user, anonymousReason, signIn, signOut, endSession, updateUser: applyUser, changeLocale }),
    [status, user, anonymousReason, signIn, signOut, endSession, applyUser, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside <SessionProvider>');
  return context;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useCurrentUser(): UserDto {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser used outside an authenticated route');
  return user;
}
