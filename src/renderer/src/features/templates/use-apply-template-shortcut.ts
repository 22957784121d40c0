/**
 * Ctrl+Alt+N applies the Nth template (in name order) to the selection, filling only empty
 * fields — the quick path of Photo Mechanic's "Apply Template to Selected".
 */
import { useCallback } from 'react';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

export function useApplyTemplateShortcut(selectedIds: () => Promise<number[]>) {
  const call = useCall();
  return useCallback(
    async (position: number) => {
      const templates = await call(getCutline().templates.list({}));
      const template = templates?.[position - 1];
      if (!template) return;
      const ids = await selectedIds();
      if (ids.length === 0) return;
      await call(getCutline().templates.apply({ name: template.name, ids, mode: 'fill-empty' }));
    },
    [call, selectedIds],
  );
}
