import './admin.css';

export { AdminIndex, AdminLayout, RequireAdminTab } from './AdminLayout';
export { AuditLogPage } from './AuditLogPage';
export { InvitationsPage } from './InvitationsPage';
export { PeoplePage } from './PeoplePage';
export { PersonPage } from './PersonPage';
export { SpacesPage } from './SpacesPage';
