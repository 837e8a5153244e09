import { LOCALES } from '@treffpunkt/contracts';
import { useId, useState } from 'react';
import { isLocale, useI18n } from '../i18n';
import { useSession } from '../features/auth/SessionProvider';

/** "Sprache" select in the header; signed in, the choice is saved on the account. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  const [failed, setFailed] = useState(false);
  const id = useId();

  return (
    <div className="language-switch">
      <label htmlFor={id}>{t.language.label}</label>
      <select
        id={id}
        value={locale}
        aria-describedby={failed ? `${id}-error` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          setFailed(false);
          changeLocale(next).catch(() => {
            setFailed(true);
          });
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t.language[code]}
          </option>
        ))}
      </select>
      <span role="alert" id={`${id}-error`} className="language-switch__error">
        {failed ? t.language.saveFailed : ''}
      </span>
    </div>
  );
}
