import {
  FIELDS_OF_ACTION,
  ORGANISATION_DESCRIPTION_MAX,
  ORGANISATION_NAME_MAX,
  ORGANISATION_TYPES,
  POSTCODE_PATTERN,
  TARGET_GROUPS,
  hasPermission,
  type CreateOrganisationRequest,
  type FieldOfAction,
  type OrganisationProfileDto,
  type OrganisationType,
  type TargetGroup,
} from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { ForbiddenPage } from '../sections/StatusPages';
import { useSession } from '../auth/SessionProvider';
import { directoryApi, directoryKeys, DirectoryPaths } from './directoryApi';
import { managesOrganisations } from './OrganisationsPage';

interface FormState {
  name: string;
  type: OrganisationType;
  description: string;
  address: string;
  postcode: string;
  city: string;
  website: string;
  email: string;
  phone: string;
  fieldsOfAction: FieldOfAction[];
  targetGroups: TargetGroup[];
  contactPersonIds: string[];
}

const fromProfile = (o: OrganisationProfileDto): FormState => ({
  name: o.name,
  type: o.type,
  description: o.description ?? '',
  address: o.address ?? '',
  postcode: o.postcode ?? '',
  city: o.city ?? '',
  website: o.website ?? '',
  email: o.email ?? '',
  phone: o.phone ?? '',
  fieldsOfAction: o.fieldsOfAction,
  targetGroups: o.targetGroups,
  contactPersonIds: o.contactPersonIds,
});

const toggle = <T,>(list: T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

/** Create (`/verzeichnis/organisationen/neu`) or edit (`…/:id/bearbeiten`) an organisation: the organisation administration screen. */
export function OrganisationFormPage() {
  const { organisationId } = useParams();
  const { user } = useSession();
  const existing = useQuery({
    queryKey: directoryKeys.organisation(organisationId ?? ''),
    queryFn: ({ signal }) => directoryApi.organisation(organisationId ?? '', signal),
    enabled: organisationId !== undefined,
  });
  const t = useT();
  if (!user || !managesOrganisations(user.role)) return <ForbiddenPage />;
  if (organisationId === undefined) return <OrganisationForm key="new" initial={null} />;
  if (existing.data)
    return existing.data.canManage ? <OrganisationForm key={existing.data.id} initial={existing.data} /> : <ForbiddenPage />;
  return (
    <section className="page">
      <p role="status">{t.common.loading}</p>
    </section>
  );
}

function OrganisationForm({ initial }: { initial: OrganisationProfileDto | null }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const title = initial ? t.directory.editTitle(initial.name) : t.directory.newOrganisation;
  usePageTitle(title);
  const [form, setForm] = useState<FormState>(
    initial
      ? fromProfile(initial)
      : {
          name: '',
          type: user && hasPermission(user.role, 'organisations.manage') ? 'service_point' : 'business',
          description: '',
          address: '',
          postcode: '',
          city: '',
          website: '',
          email: '',
          phone: '',
          fieldsOfAction: [],
          targetGroups: [],
          contactPersonIds: [],
        },
  );
  const [errors, setErrors] = useState<Partial<Record<keyof FormState, string>>>({});
  const fieldsId = useId();
  const groupsId = useId();
  const contactsId = useId();
  const types = ORGANISATION_TYPES.filter((type) =>
    user ? hasPermission(user.role, 'organisations.manage') || type !== 'service_point' : false,
  );
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((current) => ({ ...current, [key]: value }));

  const save = useMutation({
    mutationFn: (body: CreateOrganisationRequest) =>
      initial ? directoryApi.updateOrganisation(initial.id, body) : directoryApi.createOrganisation(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(directoryKeys.organisation(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['directory', 'organisations'] });
      void navigate(DirectoryPaths.organisation(saved.id));
    },
  });

  function validate(): boolean {
    const next: Partial<Record<keyof FormState, string>> = {};
    if (form.name.trim().length < 2) next.name = t.directory.invalidName;
    if (form.postcode.trim() && !POSTCODE_PATTERN.test(form.postcode.trim())) next.postcode = t.directory.invalidPostcode;
    if (form.website.trim() && !/^https?:\/\/\S+\.\S+/.test(form.website.trim())) next.website = t.directory.invalidWebsite;
    if (form.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) next.email = t.directory.invalidEmail;
    if (form.phone.trim() && !/^[0-9+()\-/ .]*$/.test(form.phone.trim())) next.phone = t.directory.invalidPhone;
    setErrors(next);
    return Object.keys(next).length === 0;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!validate()) return;
    const text = (value: string) => (value.trim() ? value.trim() : null);
    const body: CreateOrganisationRequest = {
      name: form.name.trim(),
      type: form.type,
      description: text(form.description),
      address: text(form.address),
      postcode: text(form.postcode),
      city: text(form.city),
      website: text(form.website),
      email: text(form.email),
      phone: text(form.phone),
      fieldsOfAction: form.fieldsOfAction,
      targetGroups: form.targetGroups,
    };
    if (initial) body.contactPersonIds = form.contactPersonIds;
    save.mutate(body);
  }

  const candidates = initial
    ? [...initial.contactPersons, ...initial.members.filter((m) => !initial.contactPersons.some((c) => c.id === m.id))]
    : [];

  return (
    <section className="page stack directory">
      <h1>{title}</h1>
      <form className="card stack" noValidate onSubmit={submit}>
        <TextField
          label={t.directory.name}
          required
          maxLength={ORGANISATION_NAME_MAX}
          value={form.name}
          error={errors.name}
          onChange={(event) => set('name', event.target.value)}
        />
        <SelectField label={t.directory.type} value={form.type} onChange={(event) => set('type', event.target.value as OrganisationType)}>
          {types.map((type) => (
            <option key={type} value={type}>
              {t.organisationTypes[type]}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t.directory.description}
          rows={4}
          maxLength={ORGANISATION_DESCRIPTION_MAX}
          value={form.description}
          onChange={(event) => set('description', event.target.value)}
        />
        <TextField label={t.directory.address} value={form.address} onChange={(event) => set('address', event.target.value)} />
        <TextField
          label={t.directory.postcode}
          inputMode="numeric"
          value={form.postcode}
          error={errors.postcode}
          onChange={(event) => set('postcode', event.target.value)}
        />
        <TextField label={t.directory.city} value={form.city} onChange={(event) => set('city', event.target.value)} />
        <TextField
          label={t.directory.website}
          type="url"
          value={form.website}
          error={errors.website}
          onChange={(event) => set('website', event.target.value)}
        />
        <TextField
          label={t.directory.email}
          type="email"
          value={form.email}
          error={errors.email}
          onChange={(event) => set('email', event.target.value)}
        />
        <TextField
          label={t.directory.phone}
          type="tel"
          value={form.phone}
          error={errors.phone}
          onChange={(event) => set('phone', event.target.value)}
        />
        <fieldset aria-labelledby={fieldsId}>
          <legend id={fieldsId}>{t.directory.fieldsOfAction}</legend>
          {FIELDS_OF_ACTION.map((field) => (
            <label key={field} className="checkbox">
              <input
                type="checkbox"
                checked={form.fieldsOfAction.includes(field)}
                onChange={(event) => set('fieldsOfAction', toggle(form.fieldsOfAction, field, event.target.checked))}
              />{' '}
              {t.directory.fieldsOfActionLabels[field]}
            </label>
          ))}
        </fieldset>
        <fieldset aria-labelledby={groupsId}>
          <legend id={groupsId}>{t.directory.targetGroups}</legend>
          {TARGET_GROUPS.map((group) => (
            <label key={group} className="checkbox">
              <input
                type="checkbox"
                checked={form.targetGroups.includes(group)}
                onChange={(event) => set('targetGroups', toggle(form.targetGroups, group, event.target.checked))}
              />{' '}
              {t.directory.targetGroupLabels[group]}
            </label>
          ))}
        </fieldset>
        <fieldset aria-labelledby={contactsId}>
          <legend id={contactsId}>{t.directory.contactPersons}</legend>
          {candidates.length === 0 ? (
            <p className="muted">{t.directory.contactPersonsNew}</p>
          ) : (
            <>
              <p className="field__hint">{t.directory.contactPersonsHint}</p>
              {candidates.map((person) => (
                <label key={person.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.contactPersonIds.includes(person.id)}
                    onChange={(event) => set('contactPersonIds', toggle(form.contactPersonIds, person.id, event.target.checked))}
                  />{' '}
                  {person.displayName}
                </label>
              ))}
            </>
          )}
        </fieldset>
        <LiveMessage kind="error">{save.isError ? errorMessage(save.error) : null}</LiveMessage>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t.directory.saving : t.directory.save}
          </button>
          <Link to={initial ? DirectoryPaths.organisation(initial.id) : DirectoryPaths.organisations} className="button">
            {t.directory.cancel}
          </Link>
        </div>
      </form>
    </section>
  );
}
