/**
 * The notices the services post (a damaged catalog moved aside, an error in the background):
 * those already posted when the window opened, then each as it comes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppNotice } from '../../../../shared/notices';
import { getCutline } from '../../client/cutline-client';

export function useNotices(): { notices: AppNotice[]; dismiss: (id: number) => void } {
  const [notices, setNotices] = useState<AppNotice[]>([]);

  useEffect(() => {
    const cutline = getCutline();
    const add = (notice: AppNotice) =>
      setNotices((shown) => (shown.some((n) => n.id === notice.id) ? shown : [...shown, notice]));
    const stop = cutline.on('app:notice', add);
    void cutline.app.notices({}).then((result) => {
      if (result.ok) for (const notice of result.value) add(notice);
    });
    return stop;
  }, []);

  const dismiss = useCallback((id: number) => {
    setNotices((shown) => shown.filter((notice) => notice.id !== id));
    void getCutline().app.dismissNotice({ id });
  }, []);

  return { notices, dismiss };
}
