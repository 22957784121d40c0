/**
 * Folders and files dropped on the window start an import. In Electron the preload tells
 * where a dropped file lives; a plain browser cannot, so there the user is told to type it.
 */
import { useEffect, useRef, useState } from 'react';
import { useReportError } from '../../errors/error-context';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Returns true while files are dragged over the window. */
export function useDropImport(onImport: (paths: string[]) => void): boolean {
  const report = useReportError();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const importRef = useRef(onImport);
  importRef.current = onImport;

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
      report(
        'This window cannot read where dropped files live. Use "Import folder" and type the folder path.',
      );
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
  }, [report]);

  return dragging;
}
