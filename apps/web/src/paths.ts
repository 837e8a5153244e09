import { WebPaths } from '@treffpunkt/contracts';

/** SPA routes. The ones the API links to by e-mail come from the contracts' WebPaths. */
export const AppPaths = {
  home: '/',
  login: WebPaths.login,
  invitation: WebPaths.invitation(':token'),
  passwordResetRequest: '/passwort-vergessen',
  passwordReset: WebPaths.passwordReset(':token'),
  profile: '/profil',
  /** The API's e-mails link here. */
  notificationSettings: '/profil/benachrichtigungen',
  notifications: '/benachrichtigungen',
  forum: '/forum',
  forumSearch: '/forum/suche',
  forumSpace: WebPaths.space(':spaceId'),
  forumSpaceAdmin: `${WebPaths.space(':spaceId')}/verwaltung`,
  forumThread: WebPaths.thread(':threadId'),
  documents: '/dokumente',
  meetings: WebPaths.meetings,
  meetingNew: `${WebPaths.meetings}/neu`,
  meeting: WebPaths.meeting(':meetingId'),
  meetingEdit: `${WebPaths.meeting(':meetingId')}/bearbeiten`,
  directory: '/verzeichnis',
  statistics: '/statistik',
  statisticsRecord: '/statistik/erfassen',
  admin: '/verwaltung',
  invite: '/einladen',
} as const;
