import { WebPaths, type Page, type PostDto, type SubscriptionLevel, type ThreadDto, type UpdateThreadRequest } from '@treffpunkt/contracts';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { postsApi, spacesApi, threadsApi } from '../../api/endpoints';
import { TextAreaField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { ConfirmDialog, Modal } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, useI18n, useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { useCurrentUser } from '../auth/SessionProvider';
import { useRealtime, useRealtimeEvent } from '../realtime/RealtimeProvider';
import { ForbiddenPage, NotFoundPage } from '../sections/StatusPages';
import { AbsoluteTime, formatDate } from './dates';
import { CaseCodeBadge, SubscriptionSelect, useFocusHeadingWhenReady, writeMessage } from './ForumBits';
import { PostAttachmentList } from './PostAttachments';
import { PostComposer, type ComposerHandle } from './PostComposer';
import { forumKeys } from './queryKeys';
import { noticeFrom, type NoticeState } from './SpacePage';

export const postAnchor = (seq: number): string => `beitrag-${String(seq)}`;
const DIVIDER_ID = 'neu-seit-letztem-besuch';

function seqFromHash(hash: string): number | null {
  const match = /^#beitrag-(\d+)$/.exec(hash);
  return match?.[1] ? Number(match[1]) : null;
}

export function ThreadPage() {
  const { threadId = '' } = useParams();
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const composerRef = useRef<ComposerHandle>(null);
  const [status, setStatus] = useState(() => noticeFrom(location.state));
  const [actionError, setActionError] = useState('');
  const [editingPostId, setEditingPostId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'post'; post: PostDto } | { kind: 'thread' } | null>(null);
  const [revisionsFor, setRevisionsFor] = useState<PostDto | null>(null);
  const postsHeadingId = useId();
  const replyHeadingId = useId();

  const thread = useQuery({
    queryKey: forumKeys.thread(threadId),
    queryFn: ({ signal }) => threadsApi.get(threadId, signal),
  });
  // Read posts only after the thread: reading marks them read, and lastReadSeq must be from before.
  const posts = useInfiniteQuery({
    queryKey: forumKeys.posts(threadId),
    queryFn: ({ pageParam, signal }) => threadsApi.posts(threadId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: thread.isSuccess,
  });
  const spaceId = thread.data?.spaceId ?? '';
  const space = useQuery({
    queryKey: forumKeys.space(spaceId),
    queryFn: ({ signal }) => spacesApi.get(spaceId, signal),
    enabled: spaceId !== '',
  });

  // What had been read before this visit, and how far the thread went then. Later refetches must
  // not move the divider, and posts written while the page is open (own replies) are not "new since".
  const [visit, setVisit] = useState<{ lastReadSeq: number; lastPostAt: number } | null>(null);
  if (thread.data && visit === null) setVisit({ lastReadSeq: thread.data.lastReadSeq, lastPostAt: Date.parse(thread.data.lastPostAt) });

  usePageTitle(thread.data?.title ?? t.forum.title);
  useFocusHeadingWhenReady(thread.isSuccess);

  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  const firstNew =
    visit !== null && visit.lastReadSeq > 0
      ? items.find((post) => post.seq > visit.lastReadSeq && !(Date.parse(post.createdAt) > visit.lastPostAt))
      : undefined;
  const hashSeq = seqFromHash(location.hash);
  const lastLoadedSeq = items.at(-1)?.seq ?? 0;
  const live = useLivePosts(threadId, posts);

  // A linked post beyond the loaded pages: keep loading until it is there.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = posts;
  useEffect(() => {
    if (hashSeq !== null && hashSeq > lastLoadedSeq && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hashSeq, lastLoadedSeq, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Scroll to #beitrag-<seq> (focusing it), or else to the "new since" divider, once per target.
  const scrolledTo = useRef<string | null>(null);
  const firstNewSeq = firstNew?.seq;
  useEffect(() => {
    if (!posts.isSuccess) return;
    const targetId = hashSeq !== null ? postAnchor(hashSeq) : firstNewSeq !== undefined ? DIVIDER_ID : null;
    if (!targetId || scrolledTo.current === `${targetId}${location.key}`) return;
    const element = document.getElementById(targetId);
    if (!element) return;
    scrolledTo.current = `${targetId}${location.key}`;
    if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'start' });
    if (hashSeq !== null) element.focus({ preventScroll: true });
  }, [posts.isSuccess, hashSeq, firstNewSeq, lastLoadedSeq, location.key]);

  const invalidateLists = () => {
    void queryClient.invalidateQueries({ queryKey: forumKeys.threads(spaceId) });
    void queryClient.invalidateQueries({ queryKey: forumKeys.spaces() });
  };

  const updateThread = useMutation({
    mutationFn: (body: UpdateThreadRequest) => threadsApi.update(threadId, body),
    onMutate: () => {
      setStatus('');
      setActionError('');
    },
    onSuccess: (updated, body) => {
      queryClient.setQueryData<ThreadDto>(forumKeys.thread(threadId), (old) => (old ? { ...old, ...updated } : updated));
      invalidateLists();
      if (body.pinned !== undefined) setStatus(body.pinned ? t.forum.threadPinned : t.forum.threadUnpinned);
      if (body.locked !== undefined) setStatus(body.locked ? t.forum.threadLockedDone : t.forum.threadUnlockedDone);
    },
    onError: (error) => {
      setActionError(errorMessage(error));
    },
  });

  const subscription = useMutation({
    mutationFn: (level: SubscriptionLevel) => threadsApi.setSubscription(threadId, level),
    onMutate: (level) => {
      setStatus('');
      setActionError('');
      const previous = queryClient.getQueryData<ThreadDto>(forumKeys.thread(threadId));
      if (previous) queryClient.setQueryData<ThreadDto>(forumKeys.thread(threadId), { ...previous, subscription: level });
      return { previous };
    },
    onSuccess: () => {
      setStatus(t.forum.subscriptionSaved);
    },
    onError: (error, _level, context) => {
      if (context?.previous) queryClient.setQueryData(forumKeys.thread(threadId), context.previous);
      setActionError(errorMessage(error));
    },
  });

  const deleteThread = useMutation({
    mutationFn: () => threadsApi.remove(threadId),
    onSuccess: () => {
      invalidateLists();
      queryClient.removeQueries({ queryKey: forumKeys.thread(threadId) });
      void navigate(WebPaths.space(spaceId), { state: { notice: t.forum.threadDeleted } satisfies NoticeState });
    },
    onError: (error) => {
      setConfirm(null);
      setActionError(errorMessage(error));
    },
  });

  const deletePost = useMutation({
    mutationFn: (post: PostDto) => postsApi.remove(post.id),
    onSuccess: (_result, post) => {
      setConfirm(null);
      replacePost(queryClient, threadId, { ...post, deleted: true, body: '', html: '' });
      void queryClient.invalidateQueries({ queryKey: forumKeys.posts(threadId) });
      setStatus(t.forum.postDeleted);
      requestAnimationFrame(() => document.getElementById(postAnchor(post.seq))?.focus());
    },
    onError: (error) => {
      setConfirm(null);
      setActionError(errorMessage(error));
    },
  });

  if (thread.isError && isApiError(thread.error) && thread.error.status === 404) return <NotFoundPage />;
  if (thread.isError && isApiError(thread.error) && thread.error.status === 403) return <ForbiddenPage />;
  if (!thread.data) {
    return (
      <section className="page">
        <LiveMessage kind="error">{thread.isError ? errorMessage(thread.error) : ''}</LiveMessage>
        {thread.isPending ? <p role="status">{t.common.loading}</p> : null}
      </section>
    );
  }

  const data = thread.data;
  const canReply = data.permissions.reply && !data.locked;

  return (
    <article className="page forum-thread" aria-labelledby="thread-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to={AppPaths.forum}>{t.forum.title}</Link>
        {space.data ? (
          <>
            {' › '}
            <Link to={WebPaths.space(space.data.id)}>{space.data.name}</Link>
          </>
        ) : null}
      </nav>
      <div className="page-heading">
        <h1 id="thread-title">{data.title}</h1>
        {data.pseudonymCode ? <CaseCodeBadge code={data.pseudonymCode} /> : null}
        {data.kind === 'announcement' ? <span className="badge badge--announcement">{t.forum.kinds.announcement}</span> : null}
        {data.pinned ? <span className="badge badge--pinned">{t.forum.pinned}</span> : null}
        {data.locked ? <span className="badge badge--locked">{t.forum.locked}</span> : null}
      </div>
      <CaseNotice thread={data} />
      <LiveMessage kind="success">{status}</LiveMessage>
      <LiveMessage kind="error">{actionError}</LiveMessage>

      <div className="forum-thread__tools">
        <SubscriptionSelect
          value={data.subscription}
          disabled={subscription.isPending}
          onChange={(level) => {
            subscription.mutate(level);
          }}
        />
        {data.permissions.moderate ? (
          <ModeratorTools
            thread={data}
            busy={updateThread.isPending}
            onUpdate={(body) => {
              updateThread.mutate(body);
            }}
            onDelete={() => {
              setConfirm({ kind: 'thread' });
            }}
            onStatus={setStatus}
            onError={setActionError}
          />
        ) : null}
      </div>

      <section aria-labelledby={postsHeadingId} className="forum-thread__posts">
        <h2 id={postsHeadingId} className="visually-hidden">
          {t.forum.postsHeading}
        </h2>
        <LiveMessage kind="error">{posts.isError ? errorMessage(posts.error) : ''}</LiveMessage>
        {posts.isPending ? <p role="status">{t.common.loading}</p> : null}
        {items.map((post) => (
          <div key={post.id}>
            {post.id === firstNew?.id ? (
              <div className="new-divider" id={DIVIDER_ID} tabIndex={-1}>
                <span>{t.forum.newSinceLastVisit}</span>
              </div>
            ) : null}
            <PostView
              post={post}
              canReply={canReply}
              editing={editingPostId === post.id}
              spaceId={spaceId}
              onReply={() => composerRef.current?.replyTo(post)}
              onQuote={() => composerRef.current?.quote(post)}
              onEdit={() => {
                setStatus('');
                setEditingPostId(post.id);
                requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${postAnchor(post.seq)} textarea`)?.focus());
              }}
              onEditDone={(message) => {
                setEditingPostId(null);
                if (message) setStatus(message);
                requestAnimationFrame(() => document.getElementById(postAnchor(post.seq))?.focus());
              }}
              onDelete={() => {
                setConfirm({ kind: 'post', post });
              }}
              onShowRevisions={() => {
                setRevisionsFor(post);
              }}
            />
          </div>
        ))}
        {posts.hasNextPage ? (
          <button type="button" className="button" onClick={() => void posts.fetchNextPage()} disabled={posts.isFetchingNextPage}>
            {posts.isFetchingNextPage ? t.forum.loadingMore : t.forum.loadMorePosts}
          </button>
        ) : null}
        {/* Announced politely when it appears; nothing moves until the reader asks for the new posts. */}
        <div role="status" className="new-posts">
          {live.pending.length > 0 ? (
            <button
              type="button"
              className="button button--primary new-posts__button"
              disabled={live.loading}
              onClick={() => void live.show()}
            >
              {t.forum.newPosts(live.pending.length)}
            </button>
          ) : null}
        </div>
      </section>

      <section aria-labelledby={replyHeadingId} className="card forum-thread__reply">
        <h2 id={replyHeadingId}>{t.forum.replyHeading}</h2>
        {data.locked ? (
          <p className="message message--info">{t.forum.lockedNotice}</p>
        ) : !data.permissions.reply ? (
          <p className="message message--info">{t.forum.cannotReply}</p>
        ) : null}
        <PostComposer
          ref={composerRef}
          mode={{ kind: 'reply', spaceId, threadId }}
          submitLabel={t.forum.replySubmit}
          disabled={!canReply}
          onError={(error) => {
            if (isApiError(error) && error.code === 'THREAD_LOCKED')
              void queryClient.invalidateQueries({ queryKey: forumKeys.thread(threadId) });
          }}
          onDone={(result) => {
            setStatus(writeMessage(t, t.forum.replyPosted, result.unlinkedMentions));
            void queryClient.invalidateQueries({ queryKey: forumKeys.thread(threadId) });
            invalidateLists();
          }}
        />
      </section>

      {confirm?.kind === 'post' ? (
        <ConfirmDialog
          title={t.forum.confirmDeletePostTitle}
          text={t.forum.confirmDeletePostText}
          confirmLabel={t.forum.delete}
          cancelLabel={t.forum.cancel}
          busy={deletePost.isPending}
          onConfirm={() => {
            deletePost.mutate(confirm.post);
          }}
          onCancel={() => {
            setConfirm(null);
          }}
        />
      ) : null}
      {confirm?.kind === 'thread' ? (
        <ConfirmDialog
          title={t.forum.confirmDeleteThreadTitle}
          text={t.forum.confirmDeleteThreadText}
          confirmLabel={t.forum.deleteThread}
          cancelLabel={t.forum.cancel}
          busy={deleteThread.isPending}
          onConfirm={() => {
            deleteThread.mutate();
          }}
          onCancel={() => {
            setConfirm(null);
          }}
        />
      ) : null}
      {revisionsFor ? (
        <RevisionsDialog
          post={revisionsFor}
          onClose={() => {
            setRevisionsFor(null);
          }}
        />
      ) : null}
    </article>
  );
}

/**
 * Live posts of an open thread: joins the thread's room while the page is open (again after a
 * reconnect). Posts by others are only counted — `show()` loads them and focuses the first one —
 * own posts and edits are refetched quietly.
 */
function useLivePosts(threadId: string, posts: UseInfiniteQueryResult<InfiniteData<Page<PostDto>>>) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const [announced, setAnnounced] = useState<number[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => realtime.joinThread(threadId), [realtime, threadId]);

  const refetchQuietly = () => {
    void queryClient.invalidateQueries({ queryKey: forumKeys.posts(threadId) });
  };
  useRealtimeEvent('thread:post-created', (event) => {
    if (event.threadId !== threadId) return;
    if (event.authorId === me.id) refetchQuietly();
    else setAnnounced((seqs) => (seqs.includes(event.seq) ? seqs : [...seqs, event.seq]));
  });
  useRealtimeEvent('thread:post-updated', (event) => {
    if (event.threadId === threadId) refetchQuietly();
  });
  // Whatever happened while the connection was down: the posts list is brought up to date.
  useRealtimeEvent('connected', ({ first }) => {
    if (!first) refetchQuietly();
  });

  const loadedSeqs = new Set(posts.data?.pages.flatMap((page) => page.items.map((post) => post.seq)));
  const pending = announced.filter((seq) => !loadedSeqs.has(seq));

  const show = async () => {
    const target = Math.min(...pending);
    const has = (data: InfiniteData<Page<PostDto>> | undefined) =>
      data?.pages.some((page) => page.items.some((post) => post.seq === target)) === true;
    setLoading(true);
    try {
      let data = (await posts.refetch()).data;
      // The new posts may start a page that was not there before.
      for (let pageNo = 0; pageNo < 20 && !has(data) && data?.pages.at(-1)?.nextCursor; pageNo++) data = (await posts.fetchNextPage()).data;
    } finally {
      setLoading(false);
    }
    requestAnimationFrame(() => {
      const element = document.getElementById(postAnchor(target));
      if (!element) return;
      if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'start' });
      element.focus({ preventScroll: true });
    });
  };

  return { pending, loading, show };
}

/** Swap one post in the cached pages (after editing or deleting it). */
function replacePost(queryClient: ReturnType<typeof useQueryClient>, threadId: string, post: PostDto) {
  queryClient.setQueryData<InfiniteData<Page<PostDto>, string | null>>(forumKeys.posts(threadId), (old) =>
    old
      ? { ...old, pages: old.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === post.id ? post : item)) })) }
      : old,
  );
}

function CaseNotice({ thread }: { thread: ThreadDto }) {
  const { t, locale } = useI18n();
  if (thread.kind !== 'case') return null;
  if (thread.legalHold) {
    return (
      <div className="message message--info case-notice">
        <p>
          <strong>{t.forum.legalHoldNotice(formatDate(thread.legalHold.since, locale), thread.legalHold.reason)}</strong>
        </p>
        <p>{t.forum.legalHoldHint}</p>
      </div>
    );
  }
  if (!thread.retentionUntil) return null;
  return (
    <div className="message message--info case-notice">
      <p>
        <strong>{t.forum.retentionUntil(formatDate(thread.retentionUntil, locale))}</strong>
      </p>
      <p>{t.forum.retentionHintText}</p>
    </div>
  );
}

function ModeratorTools({
  thread,
  busy,
  onUpdate,
  onDelete,
  onStatus,
  onError,
}: {
  thread: ThreadDto;
  busy: boolean;
  onUpdate: (body: UpdateThreadRequest) => void;
  onDelete: () => void;
  onStatus: (text: string) => void;
  onError: (text: string) => void;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="moderation">
      <h2 id={headingId} className="moderation__heading">
        {t.forum.moderation}
      </h2>
      <div className="moderation__buttons">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            onUpdate({ pinned: !thread.pinned });
          }}
        >
          {thread.pinned ? t.forum.unpin : t.forum.pin}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            onUpdate({ locked: !thread.locked });
          }}
        >
          {thread.locked ? t.forum.unlock : t.forum.lock}
        </button>
        <button type="button" className="button button--danger" onClick={onDelete}>
          {t.forum.deleteThread}
        </button>
      </div>
      {thread.kind === 'case' ? <LegalHoldForm thread={thread} onStatus={onStatus} onError={onError} /> : null}
    </section>
  );
}

function LegalHoldForm({
  thread,
  onStatus,
  onError,
}: {
  thread: ThreadDto;
  onStatus: (text: string) => void;
  onError: (text: string) => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState('');
  const hold = useMutation({
    mutationFn: (next: string | null) => threadsApi.setLegalHold(thread.id, { reason: next }),
    onMutate: () => {
      onStatus('');
      onError('');
    },
    onSuccess: (_result, next) => {
      setReason('');
      onStatus(next === null ? t.forum.legalHoldLifted : t.forum.legalHoldSet);
      void queryClient.invalidateQueries({ queryKey: forumKeys.thread(thread.id) });
    },
    onError: (error) => {
      onError(errorMessage(error));
    },
  });

  if (thread.legalHold) {
    return (
      <p>
        <button
          type="button"
          className="button"
          disabled={hold.isPending}
          onClick={() => {
            hold.mutate(null);
          }}
        >
          {t.forum.liftLegalHold}
        </button>
      </p>
    );
  }
  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setFieldError(t.validation.required);
      return;
    }
    setFieldError('');
    hold.mutate(reason.trim());
  }
  return (
    <form onSubmit={onSubmit} noValidate className="form legal-hold-form">
      <TextAreaField
        label={t.forum.legalHoldReason}
        hint={t.forum.legalHoldHint}
        rows={2}
        value={reason}
        error={fieldError || undefined}
        onChange={(event) => {
          setReason(event.target.value);
        }}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={hold.isPending}>
          {t.forum.setLegalHold}
        </button>
      </div>
    </form>
  );
}

function PostView({
  post,
  canReply,
  editing,
  spaceId,
  onReply,
  onQuote,
  onEdit,
  onEditDone,
  onDelete,
  onShowRevisions,
}: {
  post: PostDto;
  canReply: boolean;
  editing: boolean;
  spaceId: string;
  onReply: () => void;
  onQuote: () => void;
  onEdit: () => void;
  onEditDone: (message: string | null) => void;
  onDelete: () => void;
  onShowRevisions: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  return (
    <article
      id={postAnchor(post.seq)}
      tabIndex={-1}
      className={post.deleted ? 'post post--deleted' : 'post'}
      aria-label={t.forum.postLabel(post.seq, post.author.displayName)}
    >
      <header className="post__header">
        <a href={`#${postAnchor(post.seq)}`} className="post__seq">
          #{post.seq}
        </a>
        <span className="post__author">
          {post.author.displayName} <span className="muted">@{post.author.handle}</span>
        </span>
        <span className="muted">
          <AbsoluteTime iso={post.createdAt} />
        </span>
        {post.edited && !post.deleted ? (
          <button type="button" className="button button--link post__edited" onClick={onShowRevisions}>
            {t.forum.edited}
            <span className="visually-hidden"> ({t.forum.showRevisions(post.seq)})</span>
          </button>
        ) : null}
      </header>
      {post.replyTo ? (
        <p className="post__reply-to">
          <a href={`#${postAnchor(post.replyTo.seq)}`}>{t.forum.replyToLink(post.replyTo.seq)}</a>
          <span className="muted"> ({post.replyTo.author.displayName})</span>
        </p>
      ) : null}
      {post.deleted ? (
        <p className="post__deleted-text">{t.forum.deletedPost}</p>
      ) : editing ? (
        <PostComposer
          mode={{ kind: 'edit', spaceId, post }}
          editorLabel={t.forum.editPostLabel(post.seq)}
          submitLabel={t.forum.saveEdit}
          onCancel={() => {
            onEditDone(null);
          }}
          onDone={(result) => {
            replacePost(queryClient, post.threadId, result.post);
            void queryClient.invalidateQueries({ queryKey: forumKeys.revisions(post.id) });
            onEditDone(writeMessage(t, t.forum.postUpdated, result.unlinkedMentions));
          }}
        />
      ) : (
        // Sanitised by the server: the one place the SPA renders HTML from the API.
        <div className="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      )}
      {!post.deleted ? <PostAttachmentList attachments={post.attachments} /> : null}
      {!post.deleted && !editing ? (
        <div role="group" aria-label={t.forum.postActions(post.seq)} className="post__actions">
          {canReply ? (
            <>
              <button type="button" className="button button--small" onClick={onReply}>
                {t.forum.reply}
              </button>
              <button type="button" className="button button--small" onClick={onQuote}>
                {t.forum.quote}
              </button>
            </>
          ) : null}
          {post.permissions.edit ? (
            <button type="button" className="button button--small" onClick={onEdit}>
              {t.forum.edit}
            </button>
          ) : null}
          {post.permissions.delete ? (
            <button type="button" className="button button--small button--danger" onClick={onDelete}>
              {t.forum.delete}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function RevisionsDialog({ post, onClose }: { post: PostDto; onClose: () => void }) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const revisions = useQuery({
    queryKey: forumKeys.revisions(post.id),
    queryFn: ({ signal }) => postsApi.revisions(post.id, signal),
  });
  return (
    <Modal title={t.forum.revisionsTitle(post.seq)} onClose={onClose}>
      <LiveMessage kind="error">{revisions.isError ? errorMessage(revisions.error) : ''}</LiveMessage>
      {revisions.isPending ? <p role="status">{t.common.loading}</p> : null}
      {revisions.data?.length === 0 ? <p>{t.forum.noRevisions}</p> : null}
      {revisions.data && revisions.data.length > 0 ? (
        <ol className="revision-list">
          {revisions.data.map((revision) => (
            <li key={revision.revision}>
              <p className="muted">
                {t.forum.revisionMeta(revision.revision, revision.editedBy.displayName, formatDateTime(revision.createdAt, locale))}
              </p>
              <pre className="revision-list__body">{revision.body}</pre>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          {t.forum.close}
        </button>
      </div>
    </Modal>
  );
}
