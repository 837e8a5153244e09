import {
  POST_BODY_MAX,
  THREAD_TITLE_MAX,
  type CreateThreadResponse,
  type PiiFinding,
  type PostDto,
  type PostWriteResponse,
  type ThreadKind,
} from '@treffpunkt/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useImperativeHandle, useRef, useState, type FocusEvent, type Ref, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { postsApi, spacesApi, threadsApi } from '../../api/endpoints';
import { SelectField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { focusFirstInvalid } from '../../components/validation';
import { formatDateTime, useI18n } from '../../i18n';
import { MarkdownEditor, type MarkdownEditorHandle } from './MarkdownEditor';
import { quoteBlock } from './markdown';
import { locateFinding, PiiDialog } from './PiiDialog';
import { AttachmentPicker, useComposerAttachments } from './PostAttachments';
import { useDraft, type DraftTarget } from './useDraft';

export type ComposerMode =
  | { kind: 'thread'; spaceId: string; allowedKinds: ThreadKind[] }
  | { kind: 'reply'; spaceId: string; threadId: string }
  | { kind: 'edit'; spaceId: string; post: PostDto };

export interface ComposerHandle {
  focus: () => void;
  /** "Antworten": refer to this post and put the caret into the text. */
  replyTo: (post: PostDto) => void;
  /** "Zitieren": insert the post as a Markdown quote with an attribution line. */
  quote: (post: PostDto) => void;
}

type ReplyTarget = Pick<PostDto, 'id' | 'seq' | 'author'>;

interface Submission {
  title: string;
  body: string;
  kind: ThreadKind | undefined;
  replyToPostId: string | undefined;
  acknowledgePii: boolean;
  attachmentIds: string[];
}

export type ComposerResult = PostWriteResponse | CreateThreadResponse;

const newKey = (): string => crypto.randomUUID();

/**
 * The one composer for new threads, replies and edits: Markdown editor with toolbar, preview
 * and mentions; server drafts (thread/reply); Idempotency-Key per submission (reused when the
 * same submission is retried after an unknown outcome); personal-data dialog on 422.
 */
export function PostComposer({
  ref,
  mode,
  submitLabel,
  onDone,
  onCancel,
  onError,
  disabled = false,
  editorLabel,
}: {
  ref?: Ref<ComposerHandle>;
  mode: ComposerMode;
  submitLabel: string;
  onDone: (result: ComposerResult) => void | Promise<void>;
  onCancel?: () => void;
  /** Called for failures other than the personal-data check (e.g. THREAD_LOCKED). */
  onError?: (error: unknown) => void;
  disabled?: boolean;
  editorLabel?: string;
}) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const editorRef = useRef<MarkdownEditorHandle>(null);
  const formId = useId();

  const [title, setTitle] = useState('');
  const [body, setBody] = useState(mode.kind === 'edit' ? mode.post.body : '');
  const [kind, setKind] = useState<ThreadKind>('discussion');
  const [replyTarget, setReplyTarget] = useState<ReplyTarget | null>(null);
  const [errors, setErrors] = useState<{ title?: string; body?: string }>({});
  const [formError, setFormError] = useState('');
  const [info, setInfo] = useState('');
  const [findings, setFindings] = useState<{ list: PiiFinding[]; submission: Submission } | null>(null);
  // Idempotency: the key of the last submission whose outcome is unknown (network error, 5xx).
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);

  const draftTarget: DraftTarget | null =
    mode.kind === 'thread' ? { kind: 'space', id: mode.spaceId } : mode.kind === 'reply' ? { kind: 'thread', id: mode.threadId } : null;
  const draft = useDraft(draftTarget);

  // Restore a stored draft once, unless the person already started typing.
  const [draftApplied, setDraftApplied] = useState(false);
  if (!draftApplied && draft.loaded !== undefined) {
    setDraftApplied(true);
    if (draft.loaded && !title && !body) {
      setTitle(draft.loaded.title ?? '');
      setBody(draft.loaded.body);
      setInfo(t.forum.draftRestored);
    }
  }

  const allowedKinds = mode.kind === 'thread' ? mode.allowedKinds : [];
  const attachments = useComposerAttachments(mode.spaceId);

  const send = useMutation({
    mutationFn: ({ submission, key }: { submission: Submission; key: string }): Promise<ComposerResult> => {
      const ack = {
        ...(submission.acknowledgePii ? { acknowledgePii: true } : {}),
        ...(submission.attachmentIds.length > 0 ? { attachmentIds: submission.attachmentIds } : {}),
      };
      switch (mode.kind) {
        case 'thread':
          return spacesApi.createThread(
            mode.spaceId,
            { title: submission.title, body: submission.body, ...(submission.kind ? { kind: submission.kind } : {}), ...ack },
            key,
          );
        case 'reply':
          return threadsApi.reply(
            mode.threadId,
            { body: submission.body, ...(submission.replyToPostId ? { replyToPostId: submission.replyToPostId } : {}), ...ack },
            key,
          );
        case 'edit':
          return postsApi.update(mode.post.id, { body: submission.body, ...(submission.acknowledgePii ? { acknowledgePii: true } : {}) });
      }
    },
  });

  function scheduleDraft(nextTitle: string, nextBody: string) {
    draft.schedule(mode.kind === 'thread' ? { title: nextTitle, body: nextBody } : { body: nextBody });
  }

  function onFieldBlur(event: FocusEvent<HTMLElement>) {
    // Submitting discards the draft anyway; any other way out of a field saves it now.
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && next.type === 'submit' && formRef.current?.contains(next)) return;
    draft.flush();
  }

  async function submit(submission: Submission) {
    const fingerprint = JSON.stringify(submission);
    const key = attempt.current?.fingerprint === fingerprint ? attempt.current.key : newKey();
    attempt.current = { fingerprint, key };
    setFormError('');
    setInfo('');
    try {
      const result = await send.mutateAsync({ submission, key });
      attempt.current = null;
      setFindings(null);
      if (mode.kind !== 'edit') await draft.discard();
      if (mode.kind === 'reply') {
        setBody('');
        setReplyTarget(null);
        attachments.clear();
      }
      await onDone(result);
    } catch (error) {
      const outcomeUnknown = !isApiError(error) || error.status === 0 || error.status >= 500;
      // A definite answer means nothing was stored: the next attempt is a new submission.
      if (!outcomeUnknown) attempt.current = null;
      if (isApiError(error) && error.code === 'PII_SUSPECTED') {
        setFindings({ list: error.findings ?? [], submission });
        return;
      }
      setFindings(null);
      setFormError(errorMessage(error));
      onError?.(error);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending) return;
    const found: { title?: string; body?: string } = {};
    if (mode.kind === 'thread') {
      if (!title.trim()) found.title = t.validation.required;
      else if (title.trim().length > THREAD_TITLE_MAX) found.title = t.forum.titleTooLong(THREAD_TITLE_MAX);
    }
    if (!body.trim()) found.body = t.validation.required;
    else if (body.length > POST_BODY_MAX) found.body = t.forum.bodyTooLong(POST_BODY_MAX);
    setErrors(found);
    const count = Object.keys(found).length;
    if (count > 0) {
      setFormError(t.validation.summary(count));
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    void submit({
      title: title.trim(),
      body,
      kind: mode.kind === 'thread' && allowedKinds.length > 1 ? kind : undefined,
      replyToPostId: mode.kind === 'reply' ? replyTarget?.id : undefined,
      acknowledgePii: false,
      attachmentIds: mode.kind === 'edit' ? [] : attachments.attached.map((a) => a.documentId),
    });
  }

  function editFinding() {
    const first = findings?.list[0];
    setFindings(null);
    if (!first) return;
    requestAnimationFrame(() => {
      if (first.field === 'title' && titleRef.current) {
        const range = locateFinding(first, title, 0);
        titleRef.current.focus();
        if (range) titleRef.current.setSelectionRange(range.start, range.end);
        return;
      }
      const range = locateFinding(first, body, mode.kind === 'thread' ? title.length : -2);
      if (range) editorRef.current?.select(range.start, range.end);
      else editorRef.current?.focus();
    });
  }

  useImperativeHandle(
    ref,
    () => ({
      focus: () => editorRef.current?.focus(),
      replyTo: (post: PostDto) => {
        setReplyTarget({ id: post.id, seq: post.seq, author: post.author });
        editorRef.current?.focus();
      },
      quote: (post: PostDto) => {
        editorRef.current?.insertBlock(quoteBlock(t.forum.quoteAttribution(post.author.handle), post.body));
      },
    }),
    [t],
  );

  const draftText =
    draft.status.state === 'saving'
      ? t.forum.draftSaving
      : draft.status.state === 'saved'
        ? t.forum.draftSaved(formatDateTime(draft.status.at, locale))
        : draft.status.state === 'failed'
          ? t.forum.draftSaveFailed
          : '';

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form composer" aria-describedby={info ? `${formId}-info` : undefined}>
      <LiveMessage kind="info" id={`${formId}-info`}>
        {info}
      </LiveMessage>
      <LiveMessage kind="error">{formError}</LiveMessage>
      {mode.kind === 'thread' ? (
        <TextField
          ref={titleRef}
          label={t.forum.threadTitle}
          name="title"
          required
          maxLength={THREAD_TITLE_MAX + 50}
          value={title}
          error={errors.title}
          disabled={disabled}
          onChange={(event) => {
            setTitle(event.target.value);
            scheduleDraft(event.target.value, body);
          }}
          onBlur={onFieldBlur}
        />
      ) : null}
      {mode.kind === 'thread' && allowedKinds.length > 1 ? (
        <SelectField
          label={t.forum.kindLabel}
          hint={kind === 'case' ? t.forum.kindHint : undefined}
          name="kind"
          value={kind}
          disabled={disabled}
          onChange={(event) => {
            const next = allowedKinds.find((candidate) => candidate === event.target.value);
            if (next) setKind(next);
          }}
        >
          {allowedKinds.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t.forum.kinds[candidate]}
            </option>
          ))}
        </SelectField>
      ) : null}
      {replyTarget ? (
        <p className="composer__reply-to">
          <a href={`#beitrag-${String(replyTarget.seq)}`}>{t.forum.replyingTo(replyTarget.seq, replyTarget.author.displayName)}</a>{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setReplyTarget(null);
              editorRef.current?.focus();
            }}
          >
            {t.forum.cancelReplyTo}
          </button>
        </p>
      ) : null}
      <MarkdownEditor
        ref={editorRef}
        label={editorLabel ?? t.forum.body}
        hint={t.forum.bodyHint}
        value={body}
        spaceId={mode.spaceId}
        error={errors.body}
        disabled={disabled}
        rows={mode.kind === 'thread' ? 10 : 6}
        onChange={(next) => {
          setBody(next);
          scheduleDraft(title, next);
        }}
        onBlur={onFieldBlur}
      />
      {mode.kind !== 'edit' ? <AttachmentPicker state={attachments} disabled={disabled} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={disabled || send.isPending}>
          {send.isPending ? t.forum.submitting : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t.forum.cancel}
          </button>
        ) : null}
        {draftText ? <span className="composer__draft muted">{draftText}</span> : null}
      </div>
      {findings ? (
        <PiiDialog
          findings={findings.list}
          busy={send.isPending}
          onEdit={editFinding}
          onClose={() => {
            setFindings(null);
          }}
          onSaveAnyway={() => {
            // The first attempt stored nothing: this is a new submission with a new key.
            void submit({ ...findings.submission, acknowledgePii: true });
          }}
        />
      ) : null}
    </form>
  );
}
