import { useT } from '../i18n';

export function FullPageLoading() {
  const t = useT();
  return (
    <div className="full-page-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{t.common.loading}</span>
    </div>
  );
}
