import { Routes } from '@treffpunkt/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { I18nProvider } from '../../i18n';
import { apiError, fakeFetch, json } from '../../test/fakeApi';
import { EraseUserDialog } from './EraseUserDialog';

const person = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Bernd Beispiel', handle: 'bernd.beispiel' };
const ERASE = `POST ${Routes.privacy.erase(person.id)}`;

function renderDialog(onErased = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider initialLocale="de">
        <EraseUserDialog user={person} onErased={onErased} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return onErased;
}

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

describe('EraseUserDialog', () => {
  it('explains the consequences and erases only after the handle was typed', async () => {
    const server = fakeFetch({ [ERASE]: () => json(204) });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    const onErased = renderDialog();

    await user.click(screen.getByRole('button', { name: 'Person löschen (DSGVO)' }));
    const dialog = screen.getByRole('dialog', { name: 'Bernd Beispiel endgültig löschen?' });
    expect(dialog).toHaveAccessibleDescription(/Beiträge, Dokumente und erfassten Beratungen bleiben erhalten/);
    const field = screen.getByLabelText('Geben Sie zur Bestätigung das Kürzel „bernd.beispiel“ ein');
    expect(field).toHaveFocus();

    await user.type(field, 'bernd');
    await user.click(screen.getByRole('button', { name: 'Endgültig löschen' }));
    expect(field).toHaveAccessibleDescription('Das Kürzel stimmt nicht überein.');
    expect(server.callsTo(ERASE)).toHaveLength(0);

    await user.type(field, '.beispiel');
    await user.click(screen.getByRole('button', { name: 'Endgültig löschen' }));
    await vi.waitFor(() => {
      expect(onErased).toHaveBeenCalledTimes(1);
    });
    expect(server.callsTo(ERASE).map((c) => c.body)).toEqual([{ confirm: 'bernd.beispiel' }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows the API’s error and keeps the dialog open', async () => {
    const server = fakeFetch({ [ERASE]: () => apiError(403, 'FORBIDDEN') });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    const onErased = renderDialog();

    await user.click(screen.getByRole('button', { name: 'Person löschen (DSGVO)' }));
    await user.type(screen.getByRole('textbox'), 'bernd.beispiel');
    await user.click(screen.getByRole('button', { name: 'Endgültig löschen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Dazu fehlen Ihnen die Berechtigungen.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(onErased).not.toHaveBeenCalled();
  });

  it('closes without erasing when cancelled', async () => {
    const server = fakeFetch({ [ERASE]: () => json(204) });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderDialog();

    await user.click(screen.getByRole('button', { name: 'Person löschen (DSGVO)' }));
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });
});
