/**
 * "Make the copies agree" for one photo's field or a selection: one edit (undoable, in the
 * history) that has the next write put each field's value into every copy of the file.
 * Says so plainly when none of the photos has copies that disagree.
 */
import { useCallback } from 'react';
import type { CaptionField } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { useCall, useReportError } from '../../errors/error-context';

export function useMakeCopiesAgree(): (ids: number[], fields?: CaptionField[]) => Promise<void> {
  const call = useCall();
  const report = useReportError();
  return useCallback(
    async (ids: number[], fields?: CaptionField[]) => {
      if (ids.length === 0) return;
      const outcome = await call(getCutline().edits.agree({ ids, fields }));
      if (outcome && outcome.changes === 0) {
        report(
          ids.length === 1
            ? 'This photo has no copies that disagree and are not already set to agree.'
            : 'None of the selected photos has copies that disagree and are not already set to agree.',
        );
      }
    },
    [call, report],
  );
}
