import { Link } from 'react-router-dom';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t.common.notFoundTitle);
  return (
    <section className="page">
      <h1>{t.common.notFoundTitle}</h1>
      <p>{t.common.notFoundText}</p>
      <p>
        <Link to="/">{t.common.backToStart}</Link>
      </p>
    </section>
  );
}

export function ForbiddenPage() {
  const t = useT();
  usePageTitle(t.common.forbiddenTitle);
  return (
    <section className="page">
      <h1>{t.common.forbiddenTitle}</h1>
      <p>{t.common.forbiddenText}</p>
      <p>
        <Link to="/">{t.common.backToStart}</Link>
      </p>
    </section>
  );
}
