import type { UserStatus } from '@treffpunkt/contracts';
import { useT } from '../../i18n';

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const t = useT();
  const label = {
    active: t.adminArea.person.statusActive,
    disabled: t.adminArea.person.statusDisabled,
    erased: t.adminArea.person.statusErased,
  }[status];
  return <span className={`badge badge--user-${status}`}>{label}</span>;
}
