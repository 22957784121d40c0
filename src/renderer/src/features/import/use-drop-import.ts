/**
 * Folders and files dropped on the window start an import. In Electron the preload tells
 * where a dropped file lives; a plain browser does not, so there the folder browser opens
 * with a hint that names what was dropped.
 */
import { useEffect, useRef, useState } from 'react';

/** The hint shown when the browser would not say where the dropped folders are. */
export function unlocatedDropHint(names: readonly string[]): string {
  const what = names.length === 1 ? `“${names[0]}” is` : 'the dropped folders are';
  return `This browser does not tell where ${what} on disk: find it below, or type its path.`;
}

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Returns true while files are dragged over the window. `onUnlocated` gets a hint when the
 * browser gave no paths for what was dropped.
 */
export function useDropImport(
  onImport: (paths: string[]) => void,
  onUnlocated: (hint: string) => void,
): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const importRef = useRef(onImport);
  importRef.current = onImport;
  const unlocatedRef = useRef(onUnlocated);
  unlocatedRef.current = onUnlocated;

  useEffect(() => {
    function onEnter(event: DragEvent): void {
      if (!hasFiles(event)) return;
      depth.current++;
      setDragging(true);
    }
    function onLeave(event: DragEvent): void {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    }
    function onOver(event: DragEvent): void {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    }
    function onDrop(event: DragEvent): void {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      const paths = files
        .map((file) => window.cutlineHost?.pathForFile(file) ?? (file as { path?: string }).path)
        .filter((path): path is string => typeof path === 'string' && path.length > 0);
      if (paths.length > 0) {
        importRef.current(paths);
        return;
      }
      unlocatedRef.current(unlocatedDropHint(files.map((file) => file.name)));
    }
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return dragging;
}
