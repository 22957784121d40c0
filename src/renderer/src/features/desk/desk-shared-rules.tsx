/**
 * Settings → Desk: the house rules the desk shares (templates, code replacements, the credit
 * style …), a check box each. Ticking one publishes this editor's entries of it and makes it
 * the same on every member's Cutline; unticking stops sharing it (everyone keeps what they
 * have). Each shared kind says who shared it and who changed it last. The rules themselves
 * are in src/main/services/desk-settings.ts; this only shows and asks.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  type DeskSharedView,
  SHARED_KIND_LABELS,
  SHARED_KINDS,
  type SharedKind,
} from '../../../../shared/desk-settings';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

const when = (iso: string) => new Date(iso).toLocaleString();

/** The latest change of a kind's entries, in words ("last changed by Anna, 12:03"). */
function lastChange(view: DeskSharedView, kind: SharedKind): string {
  const entries = view.entries.filter((entry) => entry.kind === kind);
  const latest = entries.reduce<(typeof entries)[number] | null>(
    (found, entry) => (!found || entry.at > found.at ? entry : found),
    null,
  );
  const live = entries.filter((entry) => entry.value !== null).length;
  return latest ? ` · ${live} on the desk, last changed by ${latest.who}, ${when(latest.at)}` : '';
}

/** Reloaded when `version` changes (the desk section's refresh). */
export function DeskSharedRules({ version }: { version: number }) {
  const call = useCall();
  const [view, setView] = useState<DeskSharedView | null>(null);
  /** The kind being shared or unshared, shown ticked as asked until the desk answers. */
  const [asked, setAsked] = useState<{ kind: SharedKind; share: boolean } | null>(null);

  const load = useCallback(async () => {
    const value = await call(getCutline().desk.shared({}));
    if (value) setView(value);
  }, [call]);

  useEffect(() => {
    void version;
    void load();
  }, [load, version]);

  const toggle = async (kind: SharedKind, share: boolean) => {
    setAsked({ kind, share });
    if (share) await call(getCutline().desk.share({ kinds: [kind] }));
    else await call(getCutline().desk.unshare({ kinds: [kind] }));
    await load();
    setAsked(null);
  };

  if (view === null) return null;
  return (
    <fieldset className="desk-shared-rules" aria-label="House rules shared with the desk">
      <legend>House rules shared with the desk</legend>
      {SHARED_KINDS.map((kind) => {
        const shared = view.kinds.find((k) => k.kind === kind);
        return (
          <label key={kind} className="desk-shared-rules__kind">
            <input
              type="checkbox"
              checked={asked?.kind === kind ? asked.share : shared !== undefined}
              disabled={asked !== null}
              onChange={(event) => void toggle(kind, event.target.checked)}
            />{' '}
            {SHARED_KIND_LABELS[kind]}
            {shared && (
              <span className="desk-shared-rules__who">
                {` — shared by ${shared.sharedBy}${lastChange(view, kind)}`}
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
