/** The forum's pages, loaded lazily by App as one chunk. */
export { ForumHomePage } from './ForumHomePage';
export { SearchPage } from './SearchPage';
export { SpaceAdminPage } from './SpaceAdminPage';
export { SpacePage } from './SpacePage';
export { ThreadPage } from './ThreadPage';
