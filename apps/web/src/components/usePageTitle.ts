import { useEffect } from 'react';
import { useT } from '../i18n';

/** Sets document.title, so tabs, history and screen readers name the page. */
export function usePageTitle(title: string): void {
  const t = useT();
  useEffect(() => {
    document.title = t.common.pageTitle(title);
  }, [t, title]);
}
