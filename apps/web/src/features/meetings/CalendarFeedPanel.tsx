import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { CalendarFeedStateDto } from '@treffpunkt/contracts';
import { LiveMessage } from '../../components/LiveMessage';
import { ConfirmDialog } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useI18n } from '../../i18n';
import { formatDayKey } from './format';
import { berlinDayKey } from '../../components/berlinTime';
import { calendarApi } from './meetingsApi';
import { meetingKeys } from './queryKeys';

/** The personal iCal feed: its secret URL with "Kopieren", "Neu erzeugen" and "Deaktivieren". */
export function CalendarFeedPanel() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [confirm, setConfirm] = useState<'regenerate' | 'revoke' | null>(null);

  const feed = useQuery({ queryKey: meetingKeys.feed(), queryFn: ({ signal }) => calendarApi.feed(signal) });

  const regenerate = useMutation({
    mutationFn: () => calendarApi.regenerate(),
    onSuccess: (created) => {
      const existed = Boolean(feed.data?.feed);
      queryClient.setQueryData<CalendarFeedStateDto>(meetingKeys.feed(), { feed: created });
      setConfirm(null);
      setStatus(existed ? t.meetings.feedRegenerated : t.meetings.feedCreated);
      requestAnimationFrame(() => inputRef.current?.focus());
    },
    onError: (failure) => {
      setConfirm(null);
      setError(errorMessage(failure));
    },
  });
  const revoke = useMutation({
    mutationFn: () => calendarApi.revoke(),
    onSuccess: () => {
      queryClient.setQueryData<CalendarFeedStateDto>(meetingKeys.feed(), { feed: null });
      setConfirm(null);
      setStatus(t.meetings.feedRevoked);
    },
    onError: (failure) => {
      setConfirm(null);
      setError(errorMessage(failure));
    },
  });

  async function copy(url: string) {
    setStatus('');
    setError('');
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t.meetings.feedCopied);
    } catch {
      inputRef.current?.select();
      setError(t.meetings.feedCopyFailed);
    }
  }

  const current = feed.data?.feed ?? null;

  return (
    <section aria-labelledby={headingId} className="card calendar-feed">
      <h2 id={headingId}>{t.meetings.feedHeading}</h2>
      <p>{t.meetings.feedIntro}</p>
      <LiveMessage kind="success">{status}</LiveMessage>
      <LiveMessage kind="error">{error || (feed.isError ? errorMessage(feed.error) : '')}</LiveMessage>
      {feed.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : current ? (
        <>
          <div className="field">
            <label htmlFor="calendar-feed-url">{t.meetings.feedUrl}</label>
            <p id="calendar-feed-url-hint" className="field__hint">
              {t.meetings.feedSince(formatDayKey(berlinDayKey(current.createdAt), locale, 'medium'))}
            </p>
            <input
              ref={inputRef}
              id="calendar-feed-url"
              type="text"
              readOnly
              value={current.url}
              aria-describedby="calendar-feed-url-hint"
              className="calendar-feed__url"
              onFocus={(event) => {
                event.target.select();
              }}
            />
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                void copy(current.url);
              }}
            >
              {t.meetings.feedCopy}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setStatus('');
                setError('');
                setConfirm('regenerate');
              }}
            >
              {t.meetings.feedRegenerate}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setStatus('');
                setError('');
                setConfirm('revoke');
              }}
            >
              {t.meetings.feedRevoke}
            </button>
          </div>
        </>
      ) : feed.isSuccess ? (
        <>
          <p>{t.meetings.feedNone}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={regenerate.isPending}
            onClick={() => {
              setStatus('');
              setError('');
              regenerate.mutate();
            }}
          >
            {t.meetings.feedCreate}
          </button>
        </>
      ) : null}
      {confirm === 'regenerate' ? (
        <ConfirmDialog
          title={t.meetings.feedRegenerateTitle}
          text={t.meetings.feedRegenerateText}
          confirmLabel={t.meetings.feedRegenerate}
          cancelLabel={t.meetings.cancel}
          busy={regenerate.isPending}
          onConfirm={() => {
            regenerate.mutate();
          }}
          onCancel={() => {
            setConfirm(null);
          }}
        />
      ) : null}
      {confirm === 'revoke' ? (
        <ConfirmDialog
          title={t.meetings.feedRevokeTitle}
          text={t.meetings.feedRevokeText}
          confirmLabel={t.meetings.feedRevoke}
          cancelLabel={t.meetings.cancel}
          busy={revoke.isPending}
          onConfirm={() => {
            revoke.mutate();
          }}
          onCancel={() => {
            setConfirm(null);
          }}
        />
      ) : null}
    </section>
  );
}
