import type { NotificationDto } from '@treffpunkt/contracts';
import type { NotificationRow } from './notifications.repository.js';

export const toNotificationDto = (r: NotificationRow): NotificationDto => ({
  id: Number(r.id),
  type: r.type,
  subject: r.subject,
  actor: r.actor_id && r.actor_name ? { id: r.actor_id, displayName: r.actor_name } : null,
  spaceName: r.space_name,
  link: r.link,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});
