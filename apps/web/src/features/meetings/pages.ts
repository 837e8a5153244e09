/** The meetings area's pages, loaded lazily by App as one chunk (with their styles). */
import './meetings.css';

export { MeetingCreatePage, MeetingEditPage } from './MeetingForm';
export { MeetingPage } from './MeetingPage';
export { MeetingsPage } from './MeetingsPage';
