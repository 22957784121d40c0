/**
 * "Anna is editing the caption": the colleagues on the desk who have the photo shown open
 * too. Tells the desk which photo this editor has open. Does nothing at all for a member who
 * is not on a desk (one status call when the panel first shows).
 */
import { useEffect, useState } from 'react';
import type { DeskPresenceView } from '../../../../shared/desk';
import { FIELD_LABELS } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';

/** How often the others' presence is asked for (ms). */
const POLL_MS = 3000;

let linked: Promise<boolean> | null = null;

/** Whether this catalog is on a desk, asked once per window. */
function onDesk(): Promise<boolean> {
  linked ??= getCutline()
    .desk.status({})
    .then((result) => result.ok && result.value.linked);
  return linked;
}

function sentence(others: DeskPresenceView[]): string {
  return others
    .map((p) =>
      p.field
        ? `${p.name} is editing the ${FIELD_LABELS[p.field].toLowerCase()}`
        : `${p.name} has it open`,
    )
    .join('; ');
}

export function DeskPresenceLine({ photoId }: { photoId: number }) {
  const [others, setOthers] = useState<DeskPresenceView[]>([]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const desk = getCutline().desk;
    const poll = async () => {
      const result = await desk.presence({});
      if (stopped) return;
      if (result.ok) setOthers(result.value.filter((p) => p.photoId === photoId));
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void onDesk().then((yes) => {
      if (!yes || stopped) return;
      void desk.here({ photoId, field: null });
      void poll();
    });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      setOthers([]);
      void onDesk().then((yes) => {
        if (yes) void desk.here({ photoId: null, field: null });
      });
    };
  }, [photoId]);

  if (others.length === 0) return null;
  return (
    <div className="desk-presence" role="status">
      {sentence(others)}
    </div>
  );
}
