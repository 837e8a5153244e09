import { useT } from '../../i18n';

export const MAIN_ID = 'main';

export function SkipLink() {
  const t = useT();
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t.common.skipToContent}
    </a>
  );
}
