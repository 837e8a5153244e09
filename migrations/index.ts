import { Initial1795590283698 } from './1795590283698-Initial.js';
import { Forum1795591647548 } from './1795591647548-Forum.js';
import { Notifications1795592519245 } from './1795592519245-Notifications.js';
import { AddDocuments1795593838487 } from './1795593838487-AddDocuments.js';
import { AddConsultations1795594066367 } from './1795594066367-AddConsultations.js';
import { AddMeetings1795594928009 } from './1795594928009-AddMeetings.js';
import { AddMeetingReminderHours1795597126953 } from './1795597126953-AddMeetingReminderHours.js';
import { AddPostAttachments1795597934747 } from './1795597934747-AddPostAttachments.js';
import { DirectorySearch1795600000000 } from './1795600000000-DirectorySearch.js';
import { AuditLogImmutable1795600100000 } from './1795600100000-AuditLogImmutable.js';
import { AddPrivacy1795600200000 } from './1795600200000-AddPrivacy.js';
import { SearchVectors1795600400000 } from './1795600400000-SearchVectors.js';
import { NotificationUnreadCounts1795600500000 } from './1795600500000-NotificationUnreadCounts.js';
import { CascadeIndexes1795600600000 } from './1795600600000-CascadeIndexes.js';
import { DirectoryOrder1795600700000 } from './1795600700000-DirectoryOrder.js';

/** Every migration class, in order. Add each new one here. */
export const MIGRATIONS = [
  Initial1795590283698,
  Forum1795591647548,
  Notifications1795592519245,
  AddDocuments1795593838487,
  AddConsultations1795594066367,
  AddMeetings1795594928009,
  AddMeetingReminderHours1795597126953,
  AddPostAttachments1795597934747,
  DirectorySearch1795600000000,
  AuditLogImmutable1795600100000,
  AddPrivacy1795600200000,
  SearchVectors1795600400000,
  NotificationUnreadCounts1795600500000,
  CascadeIndexes1795600600000,
  DirectoryOrder1795600700000,
];
