import { ErrorCode, HANDLE_PATTERN, LOCALES, type Locale, type UpdateMeRequest, type UserDto } from '@treffpunkt/contracts';
import { useRef, useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { usersApi } from '../../api/endpoints';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { countErrors, focusFirstInvalid, type FieldErrors } from '../../components/validation';
import { isLocale, useT } from '../../i18n';
import { useSession } from '../auth/SessionProvider';

/** "Deutsch, Arabisch ,, Dari" → ["Deutsch", "Arabisch", "Dari"], without duplicates. */
export function parseList(value: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item && !seen.has(item.toLocaleLowerCase())) {
      seen.add(item.toLocaleLowerCase());
      items.push(item);
    }
  }
  return items;
}

type ProfileField = 'displayName' | 'handle' | 'phone' | 'bio';
const BIO_MAX = 1000;

export function ProfileForm({ user }: { user: UserDto }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { updateUser } = useSession();
  const formRef = useRef<HTMLFormElement>(null);

  const [displayName, setDisplayName] = useState(user.displayName);
  const [handle, setHandle] = useState(user.handle);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [languages, setLanguages] = useState(user.languages.join(', '));
  const [expertise, setExpertise] = useState(user.expertise.join(', '));
  const [phone, setPhone] = useState(user.phone ?? '');
  const [bio, setBio] = useState(user.bio ?? '');
  const [errors, setErrors] = useState<FieldErrors<ProfileField>>({});
  const [formError, setFormError] = useState('');
  const [saved, setSaved] = useState('');
  const [submitting, setSubmitting] = useState(false);

  // The header's language switch changes the same setting: follow it without touching
  // anything else the person has typed here.
  const [followedLocale, setFollowedLocale] = useState(user.locale);
  if (followedLocale !== user.locale) {
    setFollowedLocale(user.locale);
    setLocale(user.locale);
  }

  async function submit() {
    const found: FieldErrors<ProfileField> = {};
    if (!displayName.trim()) found.displayName = t.validation.required;
    if (!handle.trim()) found.handle = t.validation.required;
    else if (!HANDLE_PATTERN.test(handle.trim())) found.handle = t.validation.handle;
    if (bio.length > BIO_MAX) found.bio = t.profile.bioHint;
    setErrors(found);
    setSaved('');
    if (countErrors(found) > 0) {
      setFormError(t.validation.summary(countErrors(found)));
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }

    const body: UpdateMeRequest = {
      displayName: displayName.trim(),
      handle: handle.trim(),
      locale,
      languages: parseList(languages),
      expertise: parseList(expertise),
      phone: phone.trim() || null,
      bio: bio.trim() || null,
    };
    setFormError('');
    setSubmitting(true);
    try {
      const updated = await usersApi.updateMe(body);
      updateUser(updated);
      setLanguages(updated.languages.join(', '));
      setExpertise(updated.expertise.join(', '));
      setSaved(t.profile.saved);
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.HandleTaken) {
        setErrors({ handle: t.errors.HANDLE_TAKEN });
        requestAnimationFrame(() => {
          focusFirstInvalid(formRef.current);
        });
      }
      setFormError(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  return (
    <section aria-labelledby="profile-details-heading" className="card">
      <h2 id="profile-details-heading">{t.profile.detailsHeading}</h2>
      <LiveMessage kind="success">{saved}</LiveMessage>
      <LiveMessage kind="error">{formError}</LiveMessage>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t.profile.displayName}
          name="displayName"
          autoComplete="name"
          required
          maxLength={100}
          value={displayName}
          error={errors.displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
        />
        <TextField
          label={t.profile.handle}
          name="handle"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={40}
          hint={t.profile.handleHint}
          value={handle}
          error={errors.handle}
          onChange={(event) => {
            setHandle(event.target.value);
          }}
        />
        <SelectField
          label={t.profile.locale}
          name="locale"
          value={locale}
          onChange={(event) => {
            if (isLocale(event.target.value)) setLocale(event.target.value);
          }}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t.language[code]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t.profile.languages}
          name="languages"
          hint={t.profile.languagesHint}
          value={languages}
          onChange={(event) => {
            setLanguages(event.target.value);
          }}
        />
        <TextField
          label={t.profile.expertise}
          name="expertise"
          hint={t.profile.expertiseHint}
          value={expertise}
          onChange={(event) => {
            setExpertise(event.target.value);
          }}
        />
        <TextField
          label={t.profile.phone}
          type="tel"
          name="phone"
          autoComplete="tel"
          maxLength={40}
          value={phone}
          error={errors.phone}
          onChange={(event) => {
            setPhone(event.target.value);
          }}
        />
        <TextAreaField
          label={t.profile.bio}
          name="bio"
          rows={5}
          hint={t.profile.bioHint}
          value={bio}
          error={errors.bio}
          onChange={(event) => {
            setBio(event.target.value);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {t.profile.save}
          </button>
        </div>
      </form>
    </section>
  );
}
