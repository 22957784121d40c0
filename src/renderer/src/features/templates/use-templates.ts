/** The catalog's templates, reloaded after each save or delete and when the desk's arrive. */
import { useCallback, useEffect, useState } from 'react';
import type { TemplateInfo } from '../../../../shared/edits';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

export function useTemplates() {
  const call = useCall();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const reload = useCallback(async () => {
    const value = await call(getCutline().templates.list({}));
    if (value) setTemplates(value);
  }, [call]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(
    () =>
      getCutline().on('desk:rules', ({ kinds }) => {
        if (kinds.includes('templates')) void reload();
      }),
    [reload],
  );
  return { templates, reload };
}
