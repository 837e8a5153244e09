import type { Locale } from '@treffpunkt/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from './api/client';
import type { SocketFactory } from './api/realtime';
import { SessionProvider } from './features/auth/SessionProvider';
import { RealtimeProvider } from './features/realtime/RealtimeProvider';
import { I18nProvider } from './i18n';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not get better by asking again; network blips and 5xx might.
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** Everything the pages need around them; the router is supplied by the caller. */
export function AppProviders({
  children,
  queryClient,
  initialLocale,
  socketFactory,
}: {
  children: ReactNode;
  queryClient: QueryClient;
  initialLocale?: Locale;
  /** Tests inject a fake socket; the app opens a real socket.io connection. */
  socketFactory?: SocketFactory;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider {...(initialLocale ? { initialLocale } : {})}>
        <SessionProvider>
          <RealtimeProvider {...(socketFactory ? { socketFactory } : {})}>{children}</RealtimeProvider>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
