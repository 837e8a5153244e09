import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useConnectionState } from './RealtimeProvider';

/** How long a drop may last before we say so (short blips stay quiet). */
export const BANNER_DELAY_MS = 3000;
const RECONNECTED_MS = 4000;

/**
 * A quiet status line while the live connection is down (after having been up): shown after
 * ~3 s, replaced by a short "Wieder verbunden" when it is back.
 */
export function ConnectionBanner() {
  const t = useT();
  const { status, wasConnected } = useConnectionState();
  const down = wasConnected && status !== 'connected' && status !== 'idle';
  const [shown, setShown] = useState<'none' | 'lost' | 'back'>('none');

  useEffect(() => {
    if (!down) return;
    const timer = setTimeout(() => {
      setShown('lost');
    }, BANNER_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [down]);

  // Back up (or signed out) while the banner is showing: swap it for "Wieder verbunden" / nothing.
  const [prev, setPrev] = useState({ down, status });
  if (prev.down !== down || prev.status !== status) {
    setPrev({ down, status });
    if (!down && shown === 'lost') setShown(status === 'connected' ? 'back' : 'none');
  }

  useEffect(() => {
    if (shown !== 'back') return;
    const timer = setTimeout(() => {
      setShown('none');
    }, RECONNECTED_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [shown]);

  return (
    <div role="status" className={`connection-banner connection-banner--${shown}`}>
      {shown === 'lost' ? t.notifications.connectionLost : shown === 'back' ? t.notifications.reconnected : null}
    </div>
  );
}
