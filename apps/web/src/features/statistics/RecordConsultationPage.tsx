import {
  CONSULTATION_CHANNELS,
  CONSULTATION_LANGUAGES,
  CONSULTATION_NOTE_MAX,
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPICS,
  COUNTRY_CODES,
  OCCUPATION_GROUPS,
  type ConsultationDto,
  type CreateConsultationRequest,
} from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { berlinDayKey } from '../../components/berlinTime';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n, useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { statisticsApi, statisticsKeys } from './api';
import { formatDay } from './csv';

/** Today where the network counsels (the API refuses later days by the same calendar). */
const today = () => berlinDayKey(new Date());

interface FormState {
  date: string;
  servicePointId: string;
  topic: string;
  channel: string;
  language: string;
  countryOfQualification: string;
  occupationGroup: string;
  outcome: string;
  referredToOrganisationId: string;
  note: string;
}

const EMPTY_DETAILS = {
  topic: '',
  channel: '',
  language: '',
  countryOfQualification: '',
  occupationGroup: '',
  outcome: '',
  referredToOrganisationId: '',
  note: '',
};

/** Recording one consultation: date, service point, topic and channel are enough; everything else is optional. */
export function RecordConsultationPage() {
  const t = useT();
  const { locale } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  usePageTitle(t.statistics.recordTitle);
  const options = useQuery({ queryKey: statisticsKeys.options(), queryFn: ({ signal }) => statisticsApi.options(signal) });
  const [form, setForm] = useState<FormState>({ date: today(), servicePointId: '', ...EMPTY_DETAILS });
  const servicePointId = form.servicePointId || options.data?.defaultServicePointId || '';
  const idempotencyKey = useRef(crypto.randomUUID());
  const [saved, setSaved] = useState('');

  const names = useMemo(() => {
    const collator = new Intl.Collator(locale);
    const languages = new Intl.DisplayNames([locale], { type: 'language' });
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    const sorted = (codes: readonly string[], name: (c: string) => string) =>
      codes.map((code) => ({ code, name: name(code) })).sort((a, b) => collator.compare(a.name, b.name));
    return {
      languages: sorted(CONSULTATION_LANGUAGES, (c) => languages.of(c) ?? c),
      countries: sorted(COUNTRY_CODES, (c) => regions.of(c) ?? c),
    };
  }, [locale]);

  const create = useMutation({
    mutationFn: (body: CreateConsultationRequest) => statisticsApi.create(body, idempotencyKey.current),
    onSuccess: async () => {
      idempotencyKey.current = crypto.randomUUID();
      setSaved(t.statistics.saved);
      // the date and service point usually stay the same for the next entry
      setForm((f) => ({ ...f, ...EMPTY_DETAILS }));
      await queryClient.invalidateQueries({ queryKey: statisticsKeys.all });
    },
  });
  const piiKinds =
    isApiError(create.error) && create.error.findings ? create.error.findings.map((f) => t.forum.piiKinds[f.kind]).join(', ') : '';

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved('');
    const optional = (value: string) => (value === '' ? null : value);
    create.mutate({
      date: form.date,
      servicePointId,
      topic: form.topic as CreateConsultationRequest['topic'],
      channel: form.channel as CreateConsultationRequest['channel'],
      language: optional(form.language) as CreateConsultationRequest['language'],
      countryOfQualification: optional(form.countryOfQualification),
      occupationGroup: optional(form.occupationGroup) as CreateConsultationRequest['occupationGroup'],
      outcome: optional(form.outcome) as CreateConsultationRequest['outcome'],
      referredToOrganisationId: form.outcome === 'referred' ? optional(form.referredToOrganisationId) : null,
      note: optional(form.note.trim()),
    });
  };
  const set = (key: keyof FormState) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  return (
    <section className="page statistics-record">
      <p>
        <Link to={AppPaths.statistics}>{t.statistics.backToDashboard}</Link>
      </p>
      <h1>{t.statistics.recordTitle}</h1>
      <p className="muted">{t.statistics.recordIntro}</p>
      <form className="form card statistics-record__form" onSubmit={submit} noValidate={false}>
        <div className="statistics-record__row">
          <TextField label={t.statistics.date} type="date" required max={today()} value={form.date} onChange={set('date')} />
          <SelectField label={t.statistics.servicePoint} required value={servicePointId} onChange={set('servicePointId')}>
            <option value="">{t.statistics.choose}</option>
            {(options.data?.servicePoints ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="statistics-record__row">
          <SelectField label={t.statistics.topic} required value={form.topic} onChange={set('topic')}>
            <option value="">{t.statistics.choose}</option>
            {CONSULTATION_TOPICS.map((v) => (
              <option key={v} value={v}>
                {t.statistics.topics[v]}
              </option>
            ))}
          </SelectField>
          <SelectField label={t.statistics.channel} required value={form.channel} onChange={set('channel')}>
            <option value="">{t.statistics.choose}</option>
            {CONSULTATION_CHANNELS.map((v) => (
              <option key={v} value={v}>
                {t.statistics.channels[v]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="statistics-record__row">
          <SelectField label={t.statistics.language} value={form.language} onChange={set('language')}>
            <option value="">{t.statistics.notSpecified}</option>
            {names.languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t.statistics.country} value={form.countryOfQualification} onChange={set('countryOfQualification')}>
            <option value="">{t.statistics.notSpecified}</option>
            {names.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t.statistics.occupation} value={form.occupationGroup} onChange={set('occupationGroup')}>
            <option value="">{t.statistics.notSpecified}</option>
            {OCCUPATION_GROUPS.map((v) => (
              <option key={v} value={v}>
                {t.statistics.occupations[v]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="statistics-record__row">
          <SelectField label={t.statistics.outcome} value={form.outcome} onChange={set('outcome')}>
            <option value="">{t.statistics.notSpecified}</option>
            {CONSULTATION_OUTCOMES.map((v) => (
              <option key={v} value={v}>
                {t.statistics.outcomes[v]}
              </option>
            ))}
          </SelectField>
          {form.outcome === 'referred' ? (
            <SelectField
              label={t.statistics.referredTo}
              required
              value={form.referredToOrganisationId}
              onChange={set('referredToOrganisationId')}
            >
              <option value="">{t.statistics.choose}</option>
              {(options.data?.referralOrganisations ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
        <TextAreaField
          label={t.statistics.note}
          hint={t.statistics.noteHint}
          maxLength={CONSULTATION_NOTE_MAX}
          rows={2}
          value={form.note}
          onChange={set('note')}
          error={piiKinds ? t.statistics.notePii(piiKinds) : undefined}
        />
        <LiveMessage kind="error">{create.isError && !piiKinds ? errorMessage(create.error) : ''}</LiveMessage>
        <LiveMessage kind="success">{saved}</LiveMessage>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t.statistics.saving : t.statistics.save}
          </button>
        </div>
      </form>
      <RecentEntries />
    </section>
  );
}

function RecentEntries() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const entries = useQuery({ queryKey: statisticsKeys.entries(), queryFn: ({ signal }) => statisticsApi.list(signal) });
  const [message, setMessage] = useState('');
  const remove = useMutation({
    mutationFn: (entry: ConsultationDto) => statisticsApi.remove(entry.id),
    onSuccess: async () => {
      setMessage(t.statistics.deleted);
      await queryClient.invalidateQueries({ queryKey: statisticsKeys.all });
    },
  });
  const items = entries.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="recent-entries">
      <h2 id="recent-entries">{t.statistics.myEntries}</h2>
      <LiveMessage kind="error">
        {remove.isError ? errorMessage(remove.error) : entries.isError ? errorMessage(entries.error) : ''}
      </LiveMessage>
      <LiveMessage kind="success">{message}</LiveMessage>
      {items.length === 0 ? (
        <p>{entries.isPending ? t.common.loading : t.statistics.noEntries}</p>
      ) : (
        <ul className="statistics-entries">
          {items.map((entry) => (
            <li key={entry.id}>
              <span>
                {formatDay(entry.date)} · {entry.servicePoint.name} · {t.statistics.topics[entry.topic]} ·{' '}
                {t.statistics.channels[entry.channel]}
                {entry.outcome ? ` · ${t.statistics.outcomes[entry.outcome]}` : ''}
              </span>
              {entry.editableUntil ? (
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={t.statistics.deleteLabel(formatDay(entry.date))}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(entry)}
                >
                  {t.statistics.delete}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
