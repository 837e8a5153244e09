/** REST paths shared by API and SPA (relative to the origin). */
export const API_PREFIX = '/api';

export const Routes = {
  auth: {
    login: '/api/auth/login',
    refresh: '/api/auth/refresh',
    logout: '/api/auth/logout',
    me: '/api/auth/me',
    changePassword: '/api/auth/password',
    passwordResetRequest: '/api/auth/password-reset',
    passwordResetComplete: '/api/auth/password-reset/complete',
  },
  users: {
    list: '/api/users',
    me: '/api/users/me',
    one: (id: string) => `/api/users/${encodeURIComponent(id)}`,
  },
  organisations: {
    list: '/api/organisations',
    one: (id: string) => `/api/organisations/${encodeURIComponent(id)}`,
    archive: (id: string) => `/api/organisations/${encodeURIComponent(id)}/archive`,
    unarchive: (id: string) => `/api/organisations/${encodeURIComponent(id)}/unarchive`,
  },
  invitations: {
    create: '/api/invitations',
    list: '/api/invitations',
    one: (token: string) => `/api/invitations/${encodeURIComponent(token)}`,
    accept: (token: string) => `/api/invitations/${encodeURIComponent(token)}/accept`,
    /** DELETE revokes an open invitation (by id). */
    revoke: (id: string) => `/api/invitations/${encodeURIComponent(id)}`,
    /** POST: a new link by a new e-mail; the old link stops working. */
    resend: (id: string) => `/api/invitations/${encodeURIComponent(id)}/resend`,
  },
  spaces: {
    list: '/api/spaces',
    one: (id: string) => `/api/spaces/${encodeURIComponent(id)}`,
    members: (id: string) => `/api/spaces/${encodeURIComponent(id)}/members`,
    member: (id: string, memberId: string) => `/api/spaces/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}`,
    threads: (id: string) => `/api/spaces/${encodeURIComponent(id)}/threads`,
    draft: (id: string) => `/api/spaces/${encodeURIComponent(id)}/draft`,
    subscription: (id: string) => `/api/spaces/${encodeURIComponent(id)}/subscription`,
    mentionable: (id: string) => `/api/spaces/${encodeURIComponent(id)}/mentionable`,
    folders: (id: string) => `/api/spaces/${encodeURIComponent(id)}/folders`,
    trash: (id: string) => `/api/spaces/${encodeURIComponent(id)}/trash`,
    attachmentFolder: (id: string) => `/api/spaces/${encodeURIComponent(id)}/attachment-folder`,
  },
  folders: {
    one: (id: string) => `/api/folders/${encodeURIComponent(id)}`,
    documents: (id: string) => `/api/folders/${encodeURIComponent(id)}/documents`,
    restore: (id: string) => `/api/folders/${encodeURIComponent(id)}/restore`,
  },
  documents: {
    one: (id: string) => `/api/documents/${encodeURIComponent(id)}`,
    versions: (id: string) => `/api/documents/${encodeURIComponent(id)}/versions`,
    restoreVersion: (id: string, version: number) => `/api/documents/${encodeURIComponent(id)}/versions/${version}/restore`,
    restore: (id: string) => `/api/documents/${encodeURIComponent(id)}/restore`,
    download: (id: string, query: { version?: number; inline?: boolean } = {}) => {
      const params = [query.version !== undefined ? `version=${query.version}` : '', query.inline ? 'inline=true' : ''].filter(Boolean);
      const qs = params.join('&');
      return `/api/documents/${encodeURIComponent(id)}/download${qs ? `?${qs}` : ''}`;
    },
  },
  threads: {
    one: (id: string) => `/api/threads/${encodeURIComponent(id)}`,
    posts: (id: string) => `/api/threads/${encodeURIComponent(id)}/posts`,
    read: (id: string) => `/api/threads/${encodeURIComponent(id)}/read`,
    draft: (id: string) => `/api/threads/${encodeURIComponent(id)}/draft`,
    subscription: (id: string) => `/api/threads/${encodeURIComponent(id)}/subscription`,
    legalHold: (id: string) => `/api/threads/${encodeURIComponent(id)}/legal-hold`,
  },
  posts: {
    one: (id: string) => `/api/posts/${encodeURIComponent(id)}`,
    revisions: (id: string) => `/api/posts/${encodeURIComponent(id)}/revisions`,
  },
  search: '/api/search',
  notifications: {
    list: '/api/notifications',
    unreadCount: '/api/notifications/unread-count',
    read: '/api/notifications/read',
    preferences: '/api/notifications/preferences',
  },
  consultations: {
    list: '/api/consultations',
    one: (id: string) => `/api/consultations/${encodeURIComponent(id)}`,
    stats: '/api/consultations/stats',
    /** Service points and partner organisations to choose from in the form. */
    options: '/api/consultations/options',
  },
  meetings: {
    list: '/api/meetings',
    one: (id: string) => `/api/meetings/${encodeURIComponent(id)}`,
    cancel: (id: string) => `/api/meetings/${encodeURIComponent(id)}/cancel`,
    rsvp: (id: string) => `/api/meetings/${encodeURIComponent(id)}/rsvp`,
    attendees: (id: string) => `/api/meetings/${encodeURIComponent(id)}/attendees`,
    ics: (id: string) => `/api/meetings/${encodeURIComponent(id)}/ics`,
  },
  calendar: {
    /** GET the caller's feed URL, POST to create/regenerate (the old token stops working), DELETE to revoke. */
    feed: '/api/calendar/feed',
    /** Public, token-authenticated iCal feed (text/calendar). */
    feedByToken: (token: string) => `/api/calendar/feed/${encodeURIComponent(token)}`,
  },
  privacy: {
    /** POST starts an export of the caller's data, GET answers the latest one. */
    myExport: '/api/users/me/export',
    exportDownload: (id: string) => `/api/users/me/export/${encodeURIComponent(id)}/download`,
    erase: (userId: string) => `/api/users/${encodeURIComponent(userId)}/erase`,
  },
  admin: {
    /** `?actor=&action=&entityType=&entityId=&from=&to=&cursor=&limit=` → Page<AuditEntryDto>. */
    auditLog: '/api/admin/audit-log',
    /** The same filters as CSV (UTF-8 with BOM, `;`, German dates), every matching row. */
    auditLogCsv: '/api/admin/audit-log.csv',
    /** Every space the caller may manage, archived ones too, with member counts. */
    spaces: '/api/admin/spaces',
  },
  health: '/api/health',
  ready: '/api/health/ready',
} as const;

/** SPA paths that the API puts into e-mailed links. */
export const WebPaths = {
  login: '/login',
  invitation: (token: string) => `/einladung/${token}`,
  passwordReset: (token: string) => `/passwort-zuruecksetzen/${token}`,
  space: (id: string) => `/forum/${id}`,
  thread: (id: string, seq?: number) => `/forum/thema/${id}${seq ? `#beitrag-${seq}` : ''}`,
  folder: (spaceId: string, folderId: string) => `/dokumente/${spaceId}/ordner/${folderId}`,
  meetings: '/termine',
  meeting: (id: string) => `/termine/${id}`,
} as const;
