import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import { FullPageLoading } from './components/FullPageLoading';
import { InvitationPage } from './features/auth/InvitationPage';
import { LoginPage } from './features/auth/LoginPage';
import { PasswordResetCompletePage } from './features/auth/PasswordResetCompletePage';
import { PasswordResetRequestPage } from './features/auth/PasswordResetRequestPage';
import { RequireAuth, RequirePermission } from './features/auth/RequireAuth';
import { useSession } from './features/auth/SessionProvider';
import { HomePage } from './features/home/HomePage';
import { AppLayout } from './features/layout/AppLayout';
import { PublicLayout } from './features/layout/PublicLayout';
import { NotificationPreferencesPage } from './features/notifications/NotificationPreferencesPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { ProfilePage } from './features/profile/ProfilePage';
import { NotFoundPage } from './features/sections/StatusPages';
import { useT } from './i18n';
import { AppPaths } from './paths';

// The forum (with its Markdown parser) is loaded when first visited, in one chunk.
const forum = () => import('./features/forum/pages');
const ForumHomePage = lazy(() => forum().then((m) => ({ default: m.ForumHomePage })));
const SearchPage = lazy(() => forum().then((m) => ({ default: m.SearchPage })));
const SpaceAdminPage = lazy(() => forum().then((m) => ({ default: m.SpaceAdminPage })));
const SpacePage = lazy(() => forum().then((m) => ({ default: m.SpacePage })));
const ThreadPage = lazy(() => forum().then((m) => ({ default: m.ThreadPage })));

// Consultation statistics (with chart.js), in its own chunk.
const statistics = () => import('./features/statistics/pages');
const StatisticsPage = lazy(() => statistics().then((m) => ({ default: m.StatisticsPage })));
const RecordConsultationPage = lazy(() => statistics().then((m) => ({ default: m.RecordConsultationPage })));

// The meetings area (Termine), in its own chunk.
const meetings = () => import('./features/meetings/pages');
const MeetingsPage = lazy(() => meetings().then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => meetings().then((m) => ({ default: m.MeetingPage })));
const MeetingCreatePage = lazy(() => meetings().then((m) => ({ default: m.MeetingCreatePage })));
const MeetingEditPage = lazy(() => meetings().then((m) => ({ default: m.MeetingEditPage })));

// The administration area (Verwaltung), in its own chunk.
const adminArea = () => import('./features/admin/pages');
const AdminLayout = lazy(() => adminArea().then((m) => ({ default: m.AdminLayout })));
const AdminIndex = lazy(() => adminArea().then((m) => ({ default: m.AdminIndex })));
const RequireAdminTab = lazy(() => adminArea().then((m) => ({ default: m.RequireAdminTab })));
const AdminPeoplePage = lazy(() => adminArea().then((m) => ({ default: m.PeoplePage })));
const AdminPersonPage = lazy(() => adminArea().then((m) => ({ default: m.PersonPage })));
const AdminInvitationsPage = lazy(() => adminArea().then((m) => ({ default: m.InvitationsPage })));
const AdminSpacesPage = lazy(() => adminArea().then((m) => ({ default: m.SpacesPage })));
const AdminAuditLogPage = lazy(() => adminArea().then((m) => ({ default: m.AuditLogPage })));

// The directory (Verzeichnis), in its own chunk.
const directory = () => import('./features/directory/pages');
const DirectoryRoutes = lazy(() => directory().then((m) => ({ default: m.DirectoryRoutes })));

// The documents area, in its own chunk.
const documents = () => import('./features/documents/pages');
const DocumentsHomePage = lazy(() => documents().then((m) => ({ default: m.DocumentsHomePage })));
const DocumentsSpaceLayout = lazy(() => documents().then((m) => ({ default: m.DocumentsSpaceLayout })));
const DocumentsFolderPage = lazy(() => documents().then((m) => ({ default: m.KeyedFolderPage })));
const DocumentsDocumentPage = lazy(() => documents().then((m) => ({ default: m.KeyedDocumentPage })));
const DocumentsTrashPage = lazy(() => documents().then((m) => ({ default: m.TrashPage })));

export function App() {
  const { status } = useSession();
  // Until the silent refresh has answered we do not know which layout to show.
  if (status === 'restoring') return <FullPageLoading />;

  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path={AppPaths.login} element={<LoginPage />} />
        <Route path={AppPaths.invitation} element={<InvitationPage />} />
        <Route path={AppPaths.passwordResetRequest} element={<PasswordResetRequestPage />} />
        <Route path={AppPaths.passwordReset} element={<PasswordResetCompletePage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path={AppPaths.profile} element={<ProfilePage />} />
        <Route path={AppPaths.notificationSettings} element={<NotificationPreferencesPage />} />
        <Route path={AppPaths.notifications} element={<NotificationsPage />} />
        <Route
          path={AppPaths.forum}
          element={
            <Lazy>
              <ForumHomePage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.forumSearch}
          element={
            <Lazy>
              <SearchPage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.forumThread}
          element={
            <Lazy>
              <KeyedThreadPage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.forumSpace}
          element={
            <Lazy>
              <KeyedSpacePage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.forumSpaceAdmin}
          element={
            <Lazy>
              <SpaceAdminPage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.documents}
          element={
            <Lazy>
              <DocumentsHomePage />
            </Lazy>
          }
        />
        <Route
          path={`${AppPaths.documents}/:spaceId`}
          element={
            <Lazy>
              <DocumentsSpaceLayout />
            </Lazy>
          }
        >
          <Route index element={<DocumentsFolderPage />} />
          <Route path="ordner/:folderId" element={<DocumentsFolderPage />} />
          <Route path="dokument/:documentId" element={<DocumentsDocumentPage />} />
          <Route path="papierkorb" element={<DocumentsTrashPage />} />
        </Route>
        <Route
          path={AppPaths.meetings}
          element={
            <Lazy>
              <MeetingsPage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.meetingNew}
          element={
            <Lazy>
              <MeetingCreatePage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.meeting}
          element={
            <Lazy>
              <KeyedMeetingPage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.meetingEdit}
          element={
            <Lazy>
              <MeetingEditPage />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.statistics}
          element={
            <RequirePermission permission="statistics.view">
              <Lazy>
                <StatisticsPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path={AppPaths.statisticsRecord}
          element={
            <RequirePermission permission="statistics.record">
              <Lazy>
                <RecordConsultationPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path={`${AppPaths.directory}/*`}
          element={
            <Lazy>
              <DirectoryRoutes />
            </Lazy>
          }
        />
        <Route
          path={AppPaths.admin}
          element={
            <Lazy>
              <AdminLayout />
            </Lazy>
          }
        >
          <Route index element={<AdminIndex />} />
          <Route
            path="personen"
            element={
              <RequireAdminTab tab="people">
                <AdminPeoplePage />
              </RequireAdminTab>
            }
          />
          <Route
            path="personen/:userId"
            element={
              <RequireAdminTab tab="people">
                <AdminPersonPage />
              </RequireAdminTab>
            }
          />
          <Route
            path="einladungen"
            element={
              <RequireAdminTab tab="invitations">
                <AdminInvitationsPage />
              </RequireAdminTab>
            }
          />
          <Route
            path="bereiche"
            element={
              <RequireAdminTab tab="spaces">
                <AdminSpacesPage />
              </RequireAdminTab>
            }
          />
          <Route
            path="protokoll"
            element={
              <RequireAdminTab tab="audit">
                <AdminAuditLogPage />
              </RequireAdminTab>
            }
          />
        </Route>
        <Route path={AppPaths.invite} element={<Navigate to={`${AppPaths.admin}/einladungen`} replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** A fresh page per thread/space, so per-visit state (new-posts divider, composer) never leaks across. */
function KeyedThreadPage() {
  const { threadId = '' } = useParams();
  return <ThreadPage key={threadId} />;
}

function KeyedMeetingPage() {
  const { meetingId = '' } = useParams();
  return <MeetingPage key={meetingId} />;
}

function KeyedSpacePage() {
  const { spaceId = '' } = useParams();
  return <SpacePage key={spaceId} />;
}

function Lazy({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p role="status" className="page">
          {t.common.loading}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
