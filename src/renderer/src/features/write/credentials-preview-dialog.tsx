import type { CredentialWarning } from '../../../../shared/write-back';
import { ModalDialog } from '../../components/modal-dialog';

/**
 * Before a write that would break Content Credentials: each such file named with what the
 * write does to it (issue 19 part 4), then write anyway or leave them unwritten. Cutline never
 * lets a file look signed when it is not, so the user hears it before, not after.
 */
export function CredentialsPreviewDialog({
  credentials,
  onWrite,
  onCancel,
}: {
  credentials: CredentialWarning[];
  onWrite: () => void;
  onCancel: () => void;
}) {
  const fileName = (path: string) =>
    path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return (
    <ModalDialog
      title="Writing breaks Content Credentials"
      className="credentials-preview"
      alert
      onClose={onCancel}
      closeLabel={null}
    >
      <p>
        {credentials.length === 1 ? 'This file is' : `These ${credentials.length} files are`}{' '}
        signed. Writing metadata changes a file after signing: its credentials will no longer
        validate, and Cutline will show it as changed by its own edit.
      </p>
      <ul className="credentials-preview__list" aria-label="Files whose credentials break">
        {credentials.map((warning) => (
          <li key={warning.photoId} className="check check--warning" title={warning.path}>
            <strong>{fileName(warning.path)}</strong> {warning.message}
          </li>
        ))}
      </ul>
      <div className="credentials-preview__actions">
        <button type="button" className="button" onClick={onCancel}>
          Don't write
        </button>
        <button type="button" className="button button--primary" onClick={onWrite}>
          Write anyway
        </button>
      </div>
    </ModalDialog>
  );
}
