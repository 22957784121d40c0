/**
 * "Import folder": the native picker where there is one (Electron), otherwise the folder
 * browser the bridge serves (folder-browser-dialog.tsx), because a browser cannot hand over
 * folder paths.
 */
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

interface ImportButtonProps {
  canPickFolders: boolean;
  busy: boolean;
  onImport: (paths: string[]) => void;
  /** Opens the folder browser (hosts without a native picker). */
  onBrowse: () => void;
}

/** The toolbar's import button. */
export function ImportButton({ canPickFolders, busy, onImport, onBrowse }: ImportButtonProps) {
  const call = useCall();

  async function onClick(): Promise<void> {
    if (!canPickFolders) {
      onBrowse();
      return;
    }
    const paths = await call(getCutline().dialog.pickFolders({}));
    if (paths && paths.length > 0) onImport(paths);
  }

  return (
    <button
      type="button"
      className="button button--primary"
      disabled={busy}
      aria-haspopup={canPickFolders ? undefined : 'dialog'}
      onClick={() => void onClick()}
    >
      Import folder
    </button>
  );
}
