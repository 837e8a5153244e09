import './directory.css';

/** The directory (Verzeichnis), loaded as one chunk on first visit. */
export { DirectoryRoutes } from './DirectoryRoutes';
