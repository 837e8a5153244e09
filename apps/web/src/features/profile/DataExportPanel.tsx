import { Routes, type DataExportDto, type LatestDataExportResponse } from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../api/client';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatDateTime, useI18n } from '../../i18n';
import { errorFrom } from '../documents/documentsApi';
import { useFormatSize } from '../documents/format';

const exportQueryKey = ['privacy', 'export'] as const;
/** How often the state is asked for while the archive is being built. */
const POLL_MS = 2000;

/** The latest export, or null when the person never asked for one. */
async function fetchLatestExport(signal: AbortSignal): Promise<DataExportDto | null> {
  return (await api.get<LatestDataExportResponse>(Routes.privacy.myExport, { signal })).latest;
}

/** Fetches the archive with the session's token (a plain link would carry none) and saves it. */
async function saveArchive(url: string): Promise<void> {
  const send = (token: string | null) =>
    globalThis.fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, credentials: 'same-origin' });
  let response = await send(api.token);
  if (response.status === 401) {
    const session = await api.refresh();
    if (session) response = await send(session.accessToken);
  }
  if (!response.ok) throw errorFrom(response.status, await response.text().catch(() => ''));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'treffpunkt-daten.zip';
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // the browser reads the blob after the click: revoke a little later
  setTimeout(() => {
    URL.revokeObjectURL(objectUrl);
  }, 10_000);
}

const isRunning = (state: DataExportDto | null | undefined): boolean => state?.status === 'queued' || state?.status === 'running';

/**
 * "Meine Daten herunterladen": starts an export job, shows its progress (polling while it runs),
 * then a download button with the archive's size and until when it is kept.
 */
export function DataExportPanel() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const formatSize = useFormatSize();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [error, setError] = useState('');
  const [downloading, setDownloading] = useState(false);

  const latest = useQuery({
    queryKey: exportQueryKey,
    queryFn: ({ signal }) => fetchLatestExport(signal),
    refetchInterval: (query) => (isRunning(query.state.data) ? POLL_MS : false),
  });

  const start = useMutation({
    mutationFn: () => api.post<DataExportDto>(Routes.privacy.myExport),
    onSuccess: (created) => {
      setError('');
      queryClient.setQueryData(exportQueryKey, created);
    },
    onError: (failure) => {
      setError(errorMessage(failure));
    },
  });

  async function download(url: string) {
    setError('');
    setDownloading(true);
    try {
      await saveArchive(url);
    } catch (failure) {
      setError(errorMessage(failure));
      // e.g. 410: the archive expired meanwhile
      void queryClient.invalidateQueries({ queryKey: exportQueryKey });
    } finally {
      setDownloading(false);
    }
  }

  const state = latest.data ?? null;
  const running = isRunning(state);
  const statusText =
    state?.status === 'queued'
      ? t.privacy.exportQueued
      : state?.status === 'running'
        ? t.privacy.exportRunning
        : state?.status === 'ready'
          ? t.privacy.exportReady
          : state?.status === 'expired'
            ? t.privacy.exportExpired
            : '';

  return (
    <section aria-labelledby={headingId} className="card data-export" aria-busy={running}>
      <h2 id={headingId}>{t.privacy.exportHeading}</h2>
      <p>{t.privacy.exportIntro}</p>
      <LiveMessage kind="error">
        {error || (state?.status === 'failed' ? t.privacy.exportFailed : '') || (latest.isError ? errorMessage(latest.error) : '')}
      </LiveMessage>
      <LiveMessage kind="info">{statusText}</LiveMessage>
      {latest.isPending ? <p role="status">{t.common.loading}</p> : null}
      {state ? <p className="muted">{t.privacy.exportCreatedAt(formatDateTime(state.createdAt, locale))}</p> : null}
      {running ? <progress aria-label={statusText} className="data-export__progress" /> : null}
      {state?.status === 'ready' && state.downloadUrl ? (
        <>
          {state.expiresAt ? <p>{t.privacy.exportExpires(formatDateTime(state.expiresAt, locale))}</p> : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={downloading}
              onClick={() => {
                void download(state.downloadUrl ?? '');
              }}
            >
              {t.privacy.exportDownload(formatSize(state.sizeBytes ?? 0))}
            </button>
            <button
              type="button"
              className="button"
              disabled={start.isPending}
              onClick={() => {
                start.mutate();
              }}
            >
              {t.privacy.exportAgain}
            </button>
          </div>
        </>
      ) : latest.isSuccess && !running ? (
        <div className="form__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={start.isPending}
            onClick={() => {
              start.mutate();
            }}
          >
            {t.privacy.exportStart}
          </button>
        </div>
      ) : null}
    </section>
  );
}
