import './statistics.css';

/** The statistics section, loaded as one chunk on first visit (chart.js is not small). */
export { StatisticsPage } from './StatisticsPage';
export { RecordConsultationPage } from './RecordConsultationPage';
