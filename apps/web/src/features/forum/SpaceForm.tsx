import { SLUG_PATTERN, SPACE_VISIBILITIES, type SpaceDto, type SpaceVisibility } from '@treffpunkt/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { spacesApi } from '../../api/endpoints';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { countErrors, focusFirstInvalid, type FieldErrors } from '../../components/validation';
import { useT } from '../../i18n';
import { forumKeys } from './queryKeys';

type SpaceField = 'name' | 'slug' | 'description' | 'caseRetentionMonths';

/** Create a space (name, slug, description, visibility, retention) or edit one (+ archive). */
export function SpaceForm({
  mode,
  space,
  onSaved,
  onCancel,
  autoFocus = false,
}: {
  mode: 'create' | 'edit';
  space?: SpaceDto;
  onSaved: (space: SpaceDto) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(space?.name ?? '');
  const [slug, setSlug] = useState('');
  const [description, setDescription] = useState(space?.description ?? '');
  const [visibility, setVisibility] = useState<SpaceVisibility>(space?.visibility ?? 'network');
  const [retention, setRetention] = useState(space ? String(space.caseRetentionMonths) : '');
  const [archived, setArchived] = useState(space?.archived ?? false);
  const [errors, setErrors] = useState<FieldErrors<SpaceField>>({});
  const [formError, setFormError] = useState('');
  const [saved, setSaved] = useState('');

  const save = useMutation({
    mutationFn: () => {
      const months = retention.trim() ? Number(retention) : undefined;
      if (mode === 'create') {
        return spacesApi.create({
          name: name.trim(),
          description: description.trim(),
          visibility,
          ...(slug.trim() ? { slug: slug.trim() } : {}),
          ...(months !== undefined ? { caseRetentionMonths: months } : {}),
        });
      }
      return spacesApi.update(space?.id ?? '', {
        name: name.trim(),
        description: description.trim(),
        visibility,
        archived,
        ...(months !== undefined ? { caseRetentionMonths: months } : {}),
      });
    },
    onSuccess: (result) => {
      queryClient.setQueryData(forumKeys.space(result.id), result);
      void queryClient.invalidateQueries({ queryKey: forumKeys.spaces() });
      if (mode === 'edit') setSaved(t.forum.settingsSaved);
      onSaved(result);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'SLUG_TAKEN') {
        setErrors({ slug: t.errors.SLUG_TAKEN });
        requestAnimationFrame(() => {
          focusFirstInvalid(formRef.current);
        });
      }
      setFormError(errorMessage(error));
    },
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<SpaceField> = {};
    if (!name.trim()) found.name = t.validation.required;
    if (mode === 'create' && slug.trim() && !SLUG_PATTERN.test(slug.trim())) found.slug = t.forum.spaceSlugInvalid;
    if (retention.trim()) {
      const months = Number(retention);
      if (!Number.isInteger(months) || months < 1 || months > 120) found.caseRetentionMonths = t.forum.retentionInvalid;
    }
    setErrors(found);
    setSaved('');
    if (countErrors(found) > 0) {
      setFormError(t.validation.summary(countErrors(found)));
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    setFormError('');
    save.mutate();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <LiveMessage kind="success">{saved}</LiveMessage>
      <LiveMessage kind="error">{formError}</LiveMessage>
      <TextField
        label={t.forum.spaceName}
        name="name"
        required
        autoFocus={autoFocus}
        maxLength={120}
        value={name}
        error={errors.name}
        onChange={(event) => {
          setName(event.target.value);
        }}
      />
      {mode === 'create' ? (
        <TextField
          label={t.forum.spaceSlug}
          hint={t.forum.spaceSlugHint}
          name="slug"
          autoComplete="off"
          value={slug}
          error={errors.slug}
          onChange={(event) => {
            setSlug(event.target.value);
          }}
        />
      ) : null}
      <TextAreaField
        label={t.forum.spaceDescription}
        name="description"
        rows={3}
        maxLength={2000}
        value={description}
        error={errors.description}
        onChange={(event) => {
          setDescription(event.target.value);
        }}
      />
      <SelectField
        label={t.forum.spaceVisibility}
        hint={t.forum.visibilityHints[visibility]}
        name="visibility"
        value={visibility}
        onChange={(event) => {
          const next = SPACE_VISIBILITIES.find((candidate) => candidate === event.target.value);
          if (next) setVisibility(next);
        }}
      >
        {SPACE_VISIBILITIES.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t.forum.visibility[candidate]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t.forum.retentionMonths}
        hint={t.forum.retentionHint}
        name="caseRetentionMonths"
        type="number"
        inputMode="numeric"
        min={1}
        max={120}
        value={retention}
        error={errors.caseRetentionMonths}
        onChange={(event) => {
          setRetention(event.target.value);
        }}
      />
      {mode === 'edit' ? (
        <div className="field field--checkbox">
          <label>
            <input
              type="checkbox"
              name="archived"
              checked={archived}
              aria-describedby="space-archive-hint"
              onChange={(event) => {
                setArchived(event.target.checked);
              }}
            />{' '}
            {t.forum.archiveLabel}
          </label>
          <p id="space-archive-hint" className="field__hint">
            {t.forum.archiveHint}
          </p>
        </div>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t.forum.saving : mode === 'create' ? t.forum.createSpace : t.forum.save}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t.forum.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
