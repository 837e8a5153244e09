import {
  DEFAULT_EMAIL_MODE,
  DEFAULT_MEETING_REMINDER_HOURS,
  EMAIL_MODES,
  MEETING_REMINDER_HOURS_OPTIONS,
  NOTIFICATION_TYPES,
  type EmailMode,
  type MeetingReminderHours,
  type NotificationPreferencesDto,
  type NotificationType,
} from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router-dom';
import { notificationsApi } from '../../api/endpoints';
import { SelectField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { notificationKeys } from './cache';

interface Choices {
  email: Record<NotificationType, EmailMode>;
  meetingReminderHours: MeetingReminderHours;
}

function toChoices(dto: NotificationPreferencesDto | undefined): Choices {
  const email: Record<NotificationType, EmailMode> = { ...DEFAULT_EMAIL_MODE };
  for (const item of dto?.items ?? []) email[item.type] = item.email;
  return { email, meetingReminderHours: dto?.meetingReminderHours ?? DEFAULT_MEETING_REMINDER_HOURS };
}

/**
 * E-mail per notification type (in-app is always on) and the lead time of meeting reminders.
 * The API links its e-mails here.
 */
export function NotificationPreferencesPage() {
  const t = useT();
  usePageTitle(t.notifications.prefs.title);
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const noteId = useId();
  const [edited, setEdited] = useState<Choices | null>(null);
  const [status, setStatus] = useState('');

  const preferences = useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => notificationsApi.preferences(signal),
  });
  const choices = edited ?? toChoices(preferences.data);

  const save = useMutation({
    mutationFn: (next: Choices) =>
      notificationsApi.savePreferences({
        items: NOTIFICATION_TYPES.map((type) => ({ type, email: next.email[type] })),
        meetingReminderHours: next.meetingReminderHours,
      }),
    onMutate: () => {
      setStatus('');
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<NotificationPreferencesDto>(notificationKeys.preferences(), saved);
      setEdited(null);
      setStatus(t.notifications.prefs.saved);
    },
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(choices);
  }

  return (
    <section className="page" aria-labelledby="notification-prefs-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to={AppPaths.profile}>{t.profile.title}</Link>
      </nav>
      <h1 id="notification-prefs-title">{t.notifications.prefs.title}</h1>
      <p>{t.notifications.prefs.intro}</p>
      <p id={noteId} className="message message--info">
        {t.notifications.prefs.inAppNote}
      </p>
      <LiveMessage kind="error">
        {preferences.isError ? errorMessage(preferences.error) : save.isError ? errorMessage(save.error) : ''}
      </LiveMessage>
      {preferences.isPending ? <p role="status">{t.common.loading}</p> : null}
      {preferences.isSuccess ? (
        <form onSubmit={onSubmit} className="form" noValidate aria-describedby={noteId}>
          <div className="table-scroll">
            <table className="table notification-prefs">
              <caption className="visually-hidden">{t.notifications.prefs.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.notifications.prefs.colType}</th>
                  <th scope="col">{t.notifications.prefs.colInApp}</th>
                  <th scope="col">{t.notifications.prefs.colEmail}</th>
                </tr>
              </thead>
              <tbody>
                {NOTIFICATION_TYPES.map((type) => (
                  <PreferenceRow
                    key={type}
                    type={type}
                    value={choices.email[type]}
                    disabled={save.isPending}
                    onChange={(mode) => {
                      setStatus('');
                      setEdited({ ...choices, email: { ...choices.email, [type]: mode } });
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <SelectField
            label={t.notifications.prefs.meetingReminder}
            hint={t.notifications.prefs.meetingReminderHint}
            value={String(choices.meetingReminderHours)}
            disabled={save.isPending}
            onChange={(event) => {
              setStatus('');
              setEdited({ ...choices, meetingReminderHours: Number(event.target.value) as MeetingReminderHours });
            }}
          >
            {MEETING_REMINDER_HOURS_OPTIONS.map((hours) => (
              <option key={hours} value={String(hours)}>
                {t.notifications.prefs.reminderLeadTimes[hours]}
              </option>
            ))}
          </SelectField>
          <LiveMessage kind="success">{status}</LiveMessage>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? t.notifications.prefs.saving : t.notifications.prefs.save}
            </button>
            <Link to={AppPaths.notifications}>{t.notifications.prefs.backToList}</Link>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function PreferenceRow({
  type,
  value,
  disabled,
  onChange,
}: {
  type: NotificationType;
  value: EmailMode;
  disabled: boolean;
  onChange: (mode: EmailMode) => void;
}) {
  const t = useT();
  const selectId = useId();
  const name = t.notifications.types[type];
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{t.notifications.prefs.always}</td>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          {t.notifications.prefs.emailFor(name)}
        </label>
        <select
          id={selectId}
          value={value}
          disabled={disabled}
          onChange={(event) => {
            onChange(event.target.value as EmailMode);
          }}
        >
          {EMAIL_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t.notifications.prefs.modes[mode]}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
