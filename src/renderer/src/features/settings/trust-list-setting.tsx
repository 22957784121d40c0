/**
 * The trust list for Content Credentials: root certificates pasted as PEM text, saved when the
 * field is left. The services check it (PEM certificates only) and the banner says why when
 * they refuse; the next import checks signers against it.
 */
import { useEffect, useId, useState } from 'react';
import { TRUST_ANCHORS_MAX_CHARS } from '../../../../shared/settings';
import { useSettings } from './use-settings';

export function TrustListSetting() {
  const id = useId();
  const { settings, update } = useSettings();
  const saved = settings?.c2paTrustAnchors ?? '';
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  const save = () => {
    if (text.trim() !== saved.trim()) void update({ c2paTrustAnchors: text.trim() });
  };
  return (
    <>
      <label className="field-label" htmlFor={id}>
        Trusted signers of Content Credentials
      </label>
      <div>
        <textarea
          id={id}
          className="text-input settings__pem"
          rows={4}
          spellCheck={false}
          value={text}
          maxLength={TRUST_ANCHORS_MAX_CHARS}
          placeholder="-----BEGIN CERTIFICATE----- (root certificates, PEM; empty: every signer shows as untrusted)"
          onChange={(event) => setText(event.target.value)}
          onBlur={save}
        />
        <p className="settings__hint">Applies to photos imported or re-read from now on.</p>
      </div>
    </>
  );
}
