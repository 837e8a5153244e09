import { usePageTitle } from '../../components/usePageTitle';
import { useT, type Messages } from '../../i18n';

/** A section that is not built yet: its name and one honest sentence, nothing invented. */
export function SectionPlaceholder({ section }: { section: keyof Messages['sections'] }) {
  const t = useT();
  const title = t.sections[section];
  usePageTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>{t.common.notAvailable}</p>
    </section>
  );
}
