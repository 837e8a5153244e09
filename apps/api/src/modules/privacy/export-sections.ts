/**
 * What `data.json` of a personal data export contains: one section per kind of data, each with the
 * SQL that reads it ($1 = the person's id) and the columns through which the person is linked to
 * that data. The export completeness test compares `covers` with every column of the schema that
 * references a person, so a new table that points at users fails the test until it is exported here
 * (or deliberately excluded there, with a reason).
 *
 * Aliases are the JSON keys (camelCase). No token hashes, password hashes or other people's e-mail
 * addresses are exported.
 */
export interface ExportSection {
  key: string;
  /** `one`: an object (or null); `many`: an array, read through a cursor. */
  kind: 'one' | 'many';
  /** `table.column` pairs linking rows of this section to the person. */
  covers: string[];
  sql: string;
  /** Rows carry `versions` whose bytes go into the archive under files/. */
  withFiles?: boolean;
}

export const EXPORT_SECTIONS: readonly ExportSection[] = [
  {
    key: 'profile',
    kind: 'one',
    covers: ['users.id'],
    sql: `SELECT id, email, display_name AS "displayName", handle, role, status, locale, languages, expertise, phone, bio,
            meeting_reminder_hours AS "meetingReminderHours", last_login_at AS "lastLoginAt", created_at AS "createdAt", updated_at AS "updatedAt"
          FROM users WHERE id = $1`,
  },
  {
    key: 'organisation',
    kind: 'one',
    covers: [],
    sql: `SELECT o.id, o.name, o.type, o.description, o.address, o.city, o.postcode, o.website, o.email, o.phone,
            o.fields_of_action AS "fieldsOfAction", o.target_groups AS "targetGroups"
          FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.id = $1`,
  },
  {
    key: 'organisationContactFor',
    kind: 'many',
    covers: ['organisation_contacts.user_id'],
    sql: `SELECT c.organisation_id AS "organisationId", o.name AS "organisationName"
          FROM organisation_contacts c JOIN organisations o ON o.id = c.organisation_id WHERE c.user_id = $1 ORDER BY o.name`,
  },
  {
    // one session = one refresh-token family; token hashes stay out
    key: 'sessions',
    kind: 'many',
    covers: ['refresh_tokens.user_id'],
    sql: `SELECT family_id AS id, min(created_at) AS "createdAt", max(coalesce(used_at, created_at)) AS "lastUsedAt",
            max(expires_at) AS "expiresAt", max(revoked_at) AS "revokedAt"
          FROM refresh_tokens WHERE user_id = $1 GROUP BY family_id ORDER BY min(created_at)`,
  },
  {
    key: 'passwordResetRequests',
    kind: 'many',
    covers: ['password_reset_tokens.user_id'],
    sql: `SELECT created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"
          FROM password_reset_tokens WHERE user_id = $1 ORDER BY created_at`,
  },
  {
    key: 'invitationAccepted',
    kind: 'many',
    covers: ['invitations.accepted_user_id'],
    sql: `SELECT id, invited_by_id AS "invitedById", role, organisation_id AS "organisationId", created_at AS "createdAt", accepted_at AS "acceptedAt"
          FROM invitations WHERE accepted_user_id = $1 ORDER BY created_at`,
  },
  {
    // the invitees' addresses are other people's data: only what the person did
    key: 'invitationsSent',
    kind: 'many',
    covers: ['invitations.invited_by_id'],
    sql: `SELECT id, role, organisation_id AS "organisationId", created_at AS "createdAt", expires_at AS "expiresAt",
            accepted_at AS "acceptedAt", revoked_at AS "revokedAt"
          FROM invitations WHERE invited_by_id = $1 ORDER BY created_at`,
  },
  {
    key: 'spacesCreated',
    kind: 'many',
    covers: ['spaces.created_by_id'],
    sql: `SELECT id, name, slug, visibility, created_at AS "createdAt", archived_at AS "archivedAt" FROM spaces WHERE created_by_id = $1 ORDER BY created_at`,
  },
  {
    key: 'spaceMemberships',
    kind: 'many',
    covers: ['space_members.user_id'],
    sql: `SELECT m.space_id AS "spaceId", s.name AS "spaceName", m.role, m.created_at AS "createdAt"
          FROM space_members m JOIN spaces s ON s.id = m.space_id WHERE m.user_id = $1 ORDER BY m.created_at`,
  },
  {
    key: 'spaceSubscriptions',
    kind: 'many',
    covers: ['space_subscriptions.user_id'],
    sql: `SELECT space_id AS "spaceId", level, updated_at AS "updatedAt" FROM space_subscriptions WHERE user_id = $1 ORDER BY updated_at`,
  },
  {
    key: 'threadSubscriptions',
    kind: 'many',
    covers: ['thread_subscriptions.user_id'],
    sql: `SELECT thread_id AS "threadId", level, updated_at AS "updatedAt" FROM thread_subscriptions WHERE user_id = $1 ORDER BY updated_at`,
  },
  {
    key: 'readMarkers',
    kind: 'many',
    covers: ['thread_reads.user_id'],
    sql: `SELECT thread_id AS "threadId", last_read_seq AS "lastReadPost", updated_at AS "updatedAt" FROM thread_reads WHERE user_id = $1 ORDER BY updated_at`,
  },
  {
    key: 'threadsStarted',
    kind: 'many',
    covers: ['threads.author_id'],
    sql: `SELECT id, space_id AS "spaceId", kind, title, pseudonym_code AS "pseudonymCode", created_at AS "createdAt", deleted_at AS "deletedAt"
          FROM threads WHERE author_id = $1 ORDER BY created_at, id`,
  },
  {
    key: 'legalHoldsPlaced',
    kind: 'many',
    covers: ['threads.legal_hold_by_id'],
    sql: `SELECT id AS "threadId", legal_hold_reason AS reason, legal_hold_at AS "placedAt" FROM threads WHERE legal_hold_by_id = $1 ORDER BY legal_hold_at`,
  },
  {
    // every post with every earlier version of its Markdown
    key: 'posts',
    kind: 'many',
    covers: ['posts.author_id'],
    sql: `SELECT p.id, p.thread_id AS "threadId", p.seq AS "number", p.reply_to_post_id AS "replyToPostId", p.body, p.created_at AS "createdAt",
            p.edited_at AS "editedAt", p.deleted_at AS "deletedAt",
            coalesce((SELECT json_agg(json_build_object('revision', r.revision, 'body', r.body, 'editedById', r.edited_by_id, 'createdAt', r.created_at)
                                     ORDER BY r.revision)
                      FROM post_revisions r WHERE r.post_id = p.id), '[]'::json) AS revisions
          FROM posts p WHERE p.author_id = $1 ORDER BY p.created_at, p.id`,
  },
  {
    key: 'postRevisionsWritten',
    kind: 'many',
    covers: ['post_revisions.edited_by_id'],
    sql: `SELECT post_id AS "postId", revision, body, created_at AS "createdAt" FROM post_revisions WHERE edited_by_id = $1 ORDER BY created_at, id`,
  },
  {
    key: 'postsDeletedByYou',
    kind: 'many',
    covers: ['posts.deleted_by_id'],
    sql: `SELECT id AS "postId", thread_id AS "threadId", deleted_at AS "deletedAt" FROM posts WHERE deleted_by_id = $1 ORDER BY deleted_at, id`,
  },
  {
    key: 'mentionsOfYou',
    kind: 'many',
    covers: ['post_mentions.user_id'],
    sql: `SELECT m.post_id AS "postId", p.thread_id AS "threadId", p.created_at AS "createdAt"
          FROM post_mentions m JOIN posts p ON p.id = m.post_id WHERE m.user_id = $1 ORDER BY p.created_at, p.id`,
  },
  {
    key: 'drafts',
    kind: 'many',
    covers: ['drafts.user_id'],
    sql: `SELECT id, space_id AS "spaceId", thread_id AS "threadId", title, body, updated_at AS "updatedAt" FROM drafts WHERE user_id = $1 ORDER BY updated_at`,
  },
  {
    key: 'foldersCreatedOrDeleted',
    kind: 'many',
    covers: ['folders.created_by_id', 'folders.deleted_by_id'],
    sql: `SELECT id, space_id AS "spaceId", parent_id AS "parentId", name, created_by_id = $1 AS "createdByYou", created_at AS "createdAt",
            deleted_by_id = $1 AS "deletedByYou", deleted_at AS "deletedAt"
          FROM folders WHERE created_by_id = $1 OR deleted_by_id = $1 ORDER BY created_at, id`,
  },
  {
    // documents the person added, deleted or uploaded a version of; `versions` are only theirs
    key: 'documents',
    kind: 'many',
    covers: ['documents.created_by_id', 'documents.deleted_by_id', 'document_versions.uploaded_by_id'],
    withFiles: true,
    sql: `SELECT d.id, d.space_id AS "spaceId", d.folder_id AS "folderId", d.name, d.created_by_id = $1 AS "createdByYou", d.created_at AS "createdAt",
            d.deleted_by_id = $1 AS "deletedByYou", d.deleted_at AS "deletedAt",
            coalesce((SELECT json_agg(json_build_object('version', v.version, 'name', v.original_name, 'size', v.size, 'contentType', v.content_type,
                                                        'sha256', v.blob_sha256, 'restoredFrom', v.restored_from, 'createdAt', v.created_at)
                                     ORDER BY v.version)
                      FROM document_versions v WHERE v.document_id = d.id AND v.uploaded_by_id = $1), '[]'::json) AS versions
          FROM documents d
          WHERE d.created_by_id = $1 OR d.deleted_by_id = $1 OR EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id AND v.uploaded_by_id = $1)
          ORDER BY d.created_at, d.id`,
  },
  {
    key: 'consultations',
    kind: 'many',
    covers: ['consultations.author_id'],
    sql: `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, service_point_id AS "servicePointId", topic, channel, language, country_of_qualification AS "countryOfQualification",
            occupation_group AS "occupationGroup", outcome, referred_to_organisation_id AS "referredToOrganisationId", note,
            created_at AS "createdAt", updated_at AS "updatedAt"
          FROM consultations WHERE author_id = $1 ORDER BY date, created_at`,
  },
  {
    key: 'meetingsCreated',
    kind: 'many',
    covers: ['meetings.created_by_id'],
    sql: `SELECT id, space_id AS "spaceId", title, format, starts_at AS "startsAt", ends_at AS "endsAt", status, created_at AS "createdAt"
          FROM meetings WHERE created_by_id = $1 ORDER BY starts_at, id`,
  },
  {
    key: 'rsvps',
    kind: 'many',
    covers: ['meeting_rsvps.user_id'],
    sql: `SELECT r.meeting_id AS "meetingId", m.title AS "meetingTitle", m.starts_at AS "startsAt", r.status, r.waitlisted_at AS "waitlistedAt",
            r.responded_at AS "respondedAt"
          FROM meeting_rsvps r JOIN meetings m ON m.id = r.meeting_id WHERE r.user_id = $1 ORDER BY m.starts_at`,
  },
  {
    // only that the feed exists: the token is a secret
    key: 'calendarFeed',
    kind: 'one',
    covers: ['calendar_feeds.user_id'],
    sql: `SELECT true AS exists, created_at AS "createdAt" FROM calendar_feeds WHERE user_id = $1`,
  },
  {
    key: 'notifications',
    kind: 'many',
    covers: ['notifications.user_id'],
    sql: `SELECT id, type, subject, actor_id AS "actorId", space_id AS "spaceId", thread_id AS "threadId", post_id AS "postId", link,
            created_at AS "createdAt", read_at AS "readAt", emailed_at AS "emailedAt"
          FROM notifications WHERE user_id = $1 ORDER BY id`,
  },
  {
    key: 'notificationPreferences',
    kind: 'many',
    covers: ['notification_preferences.user_id'],
    sql: `SELECT type, email_mode AS "emailMode" FROM notification_preferences WHERE user_id = $1 ORDER BY type`,
  },
  {
    key: 'notificationDigest',
    kind: 'one',
    covers: ['notification_digests.user_id'],
    sql: `SELECT last_sent_at AS "lastSentAt" FROM notification_digests WHERE user_id = $1`,
  },
  {
    // bodies are left out: they carry single-use links
    key: 'emailsToYou',
    kind: 'many',
    covers: ['mail_outbox.recipient'],
    sql: `SELECT m.id, m.subject, m.status, m.created_at AS "createdAt", m.sent_at AS "sentAt"
          FROM mail_outbox m JOIN users u ON lower(m.recipient) = lower(u.email) WHERE u.id = $1 ORDER BY m.id`,
  },
  {
    key: 'dataExports',
    kind: 'many',
    covers: ['data_exports.user_id'],
    sql: `SELECT id, status, created_at AS "createdAt", finished_at AS "finishedAt", expires_at AS "expiresAt" FROM data_exports WHERE user_id = $1 ORDER BY created_at`,
  },
  {
    // what the person did, and what was done to their account
    key: 'auditEntries',
    kind: 'many',
    covers: ['audit_log.actor_id', 'audit_log.entity_id'],
    sql: `SELECT id, actor_id AS "actorId", action, entity_type AS "entityType", entity_id AS "entityId", ip, details, created_at AS "createdAt"
          FROM audit_log WHERE actor_id = $1 OR (entity_type = 'user' AND entity_id = $1::text) ORDER BY id`,
  },
];

/** Every `table.column` the export reads a person's data through. */
export const EXPORT_COVERAGE: ReadonlySet<string> = new Set(EXPORT_SECTIONS.flatMap((s) => s.covers));
