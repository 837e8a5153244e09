import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { App } from '../App';
import { AppProviders } from '../AppProviders';
import { fakeSockets, type FakeSockets } from './fakeSocket';

/** Renders the current location so tests can assert where navigation went. */
function LocationProbe() {
  const location = useLocation();
  return <span data-testid="location">{`${location.pathname}${location.search}${location.hash}`}</span>;
}

/** The whole app at `path`, with a fake socket (never connected unless the test accepts it). */
export function renderApp(path = '/', options: { sockets?: FakeSockets } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const sockets = options.sockets ?? fakeSockets();
  const result = render(
    <MemoryRouter initialEntries={[path]}>
      <AppProviders queryClient={queryClient} socketFactory={sockets.factory}>
        <App />
        <LocationProbe />
      </AppProviders>
    </MemoryRouter>,
  );
  return { ...result, sockets, queryClient };
}
