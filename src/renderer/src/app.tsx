/**
 * The window layout: toolbar (import, search, filters, problems, export, settings, the rest
 * under "More", thumbnail size, details on/off, count), the import strip, the contact sheet
 * filling the window with the loupe over it on demand, and the details panel. State lives in
 * the feature hooks; this file only wires them together.
 */
import { useCallback, useRef, useState } from 'react';
import { OverflowMenu } from './components/overflow-menu';
import { ErrorBanner } from './errors/error-banner';
import { BatchDialog } from './features/batch/batch-dialog';
import { CodesDialog } from './features/codes/codes-dialog';
import { CreditBlockPanel } from './features/credits/credit-block-panel';
import { CreditDirectoryPanel } from './features/credits/credit-directory-panel';
import { useCullingKeys } from './features/culling/use-culling-keys';
import { DeskIndicator } from './features/desk/desk-indicator';
import { ExportDialog } from './features/export/export-dialog';
import { UndoButtons } from './features/history/undo-buttons';
import { useUndo } from './features/history/use-undo';
import { DropOverlay } from './features/import/drop-overlay';
import { FolderBrowserDialog } from './features/import/folder-browser-dialog';
import { ImportButton } from './features/import/import-button';
import { ImportProgressBar } from './features/import/import-progress-bar';
import { ImportSummaryBar } from './features/import/import-summary';
import { ResumeBar } from './features/import/resume-bar';
import { useDropImport } from './features/import/use-drop-import';
import { useFolderBrowser } from './features/import/use-folder-browser';
import { useImportProgress } from './features/import/use-import-progress';
import { useUnfinishedRun } from './features/import/use-unfinished-run';
import { selectOne } from './features/library/grid-selection';
import { LibraryGrid } from './features/library/library-grid';
import { SelectionBar } from './features/library/selection-bar';
import { ThumbnailSlider } from './features/library/thumbnail-slider';
import { useGridColumns } from './features/library/use-grid-columns';
import { useGridSelection } from './features/library/use-grid-selection';
import { usePhotoPages } from './features/library/use-photo-pages';
import { useThumbnails } from './features/library/use-thumbnails';
import { NoticeBar } from './features/notices/notice-bar';
import { DetailsDock, useDetailsOpen } from './features/photo-details/details-dock';
import { DetailsPanel } from './features/photo-details/details-panel';
import { useMakeCopiesAgree } from './features/photo-details/use-make-copies-agree';
import { usePhotoDetail } from './features/photo-details/use-photo-detail';
import { PhotoPreview } from './features/preview/photo-preview';
import { usePreviewZoom } from './features/preview/use-preview-zoom';
import { ProblemsPanel } from './features/problems/problems-panel';
import { FilterChips } from './features/search/filter-chips';
import { ResultCount } from './features/search/result-count';
import { SearchBox } from './features/search/search-box';
import { SettingsDialog } from './features/settings/settings-dialog';
import { HelpOverlay } from './features/shortcuts/help-overlay';
import { useWindowShortcuts } from './features/shortcuts/use-window-shortcuts';
import { TemplatesDialog } from './features/templates/templates-dialog';
import { useApplyTemplateShortcut } from './features/templates/use-apply-template-shortcut';
import { WatchPanel } from './features/watch/watch-panel';
import { WriteControls } from './features/write/write-controls';
import { useCatalogInfo } from './hooks/use-catalog-info';
import { useDebouncedValue } from './hooks/use-debounced-value';
import { useSlashToFocus } from './hooks/use-global-keys';
import { useContentVersion, useLibraryVersion } from './hooks/use-library-version';

const SEARCH_DEBOUNCE_MS = 120;

type OpenPanel = 'problems' | 'watch' | 'credits' | 'credit-block' | null;

/** The Cutline main window. */
export function App() {
  const [libraryVersion, bumpLibrary] = useLibraryVersion();
  const contentVersion = useContentVersion();
  const info = useCatalogInfo(libraryVersion);
  const undo = useUndo(contentVersion);

  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  // A query changed after a pause (a chip clicked, a query pasted, the first key typed) is
  // searched at once; keys typed after it wait for typing to pause.
  const debouncedQuery = useDebouncedValue(query, SEARCH_DEBOUNCE_MS, true);
  useSlashToFocus(() => searchRef.current?.focus());

  const pages = usePhotoPages(debouncedQuery, libraryVersion, contentVersion);
  const thumbnails = useThumbnails(libraryVersion);

  const selection = useGridSelection(pages, debouncedQuery);
  useCullingKeys(selection, pages);
  const activeId = selection.activeId;

  const { detail, loading } = usePhotoDetail(activeId, libraryVersion, contentVersion);
  const [helpOpen, setHelpOpen] = useState(false);
  const zoom = usePreviewZoom();
  const [batchOpen, setBatchOpen] = useState(false);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [codesOpen, setCodesOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  // Settings open, and on which part ('desk' when opened from the desk indicator).
  const [settingsOpen, setSettingsOpen] = useState<false | 'all' | 'desk'>(false);
  const [loupeOpen, setLoupeOpen] = useState(false);
  const { columns, setColumns } = useGridColumns();
  const [detailsOpen, toggleDetails] = useDetailsOpen();
  const photoCount = pages.total ?? 0;
  const openLoupeAt = useCallback(() => setLoupeOpen(true), []);
  const openLoupe = useCallback(() => {
    if (selection.activeId !== null) setLoupeOpen(true);
  }, [selection.activeId]);
  const stepPhoto = (by: number) => {
    const to = Math.min(photoCount - 1, Math.max(0, selection.selection.active + by));
    if (to >= 0 && to !== selection.selection.active) selection.setSelection(selectOne(to));
  };
  const applyTemplate = useApplyTemplateShortcut(selection.selectedIds);
  const makeCopiesAgree = useMakeCopiesAgree();
  const agreeSelection = () => void selection.selectedIds().then((ids) => makeCopiesAgree(ids));
  useWindowShortcuts({
    selection,
    photoCount,
    record: detail?.record ?? null,
    searchRef,
    undo: undo.undo,
    redo: undo.redo,
    showHelp: () => setHelpOpen(true),
    zoomPreview: () => zoom.toggle(),
    batchEdit: () => setBatchOpen(true),
    makeCopiesAgree: agreeSelection,
    applyTemplate,
    openSettings: () => setSettingsOpen('all'),
    toggleLoupe: () => (loupeOpen ? setLoupeOpen(false) : openLoupe()),
    largerThumbnails: () => setColumns(columns - 1),
    smallerThumbnails: () => setColumns(columns + 1),
    toggleDetails,
  });
  // The selected photo's thumbnail stands in while its preview loads.
  const activeThumbnail = detail?.hasThumbnail ? thumbnails.url(detail.id) : undefined;

  const importer = useImportProgress(bumpLibrary);
  const { start: startImport } = importer;
  const onImport = useCallback((paths: string[]) => void startImport(paths), [startImport]);
  const folderBrowser = useFolderBrowser();
  const dragging = useDropImport(onImport, folderBrowser.show);
  const unfinished = useUnfinishedRun(libraryVersion, importer.running);

  const [openPanel, setOpenPanel] = useState<OpenPanel>(null);
  const togglePanel = (panel: Exclude<OpenPanel, null>) =>
    setOpenPanel((current) => (current === panel ? null : panel));

  const problemCount = info?.problemCount ?? 0;
  const emptyMessage =
    debouncedQuery.trim() !== ''
      ? 'No photos match this search.'
      : importer.running
        ? 'Importing: the photos appear here as they are read.'
        : 'The catalog is empty. Import a folder, or drop one onto the window.';

  return (
    <div className="app">
      <header className="toolbar">
        <div className="toolbar__row">
          <span className="brand" aria-hidden="true">
            Cutline
          </span>
          <ImportButton
            canPickFolders={info?.canPickFolders ?? false}
            busy={importer.running}
            onImport={onImport}
            onBrowse={() => folderBrowser.show()}
          />
          <SearchBox value={query} onChange={setQuery} inputRef={searchRef} />
          <UndoButtons state={undo.state} onUndo={undo.undo} onRedo={undo.redo} />
          <span className="spacer" />
          <DeskIndicator onOpen={() => setSettingsOpen('desk')} />
          <button
            type="button"
            className={`button button--quiet${openPanel === 'problems' ? ' is-active' : ''}`}
            aria-expanded={openPanel === 'problems'}
            onClick={() => togglePanel('problems')}
          >
            Import problems
            <span className={`count-badge${problemCount > 0 ? ' count-badge--warn' : ''}`}>
              {problemCount}
            </span>
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setExportOpen(true)}
          >
            Export…
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setSettingsOpen('all')}
          >
            Settings…
          </button>
          <OverflowMenu
            label="More"
            items={[
              {
                label: 'Watch folders',
                active: openPanel === 'watch',
                onSelect: () => togglePanel('watch'),
              },
              { label: 'Code replacements', onSelect: () => setCodesOpen(true) },
              {
                label: 'Credit directory',
                active: openPanel === 'credits',
                onSelect: () => togglePanel('credits'),
              },
              {
                label: 'Credit block',
                active: openPanel === 'credit-block',
                onSelect: () => togglePanel('credit-block'),
              },
            ]}
          />
          <ThumbnailSlider />
          <button
            type="button"
            className={`button button--quiet${detailsOpen ? ' is-active' : ''}`}
            aria-pressed={detailsOpen}
            title="Show or hide the details panel (Ctrl+Alt+I)"
            onClick={toggleDetails}
          >
            Details
          </button>
        </div>
        <div className="toolbar__row toolbar__row--filters">
          {/* The chips take the room left of the selection bar; what does not fit goes in a menu. */}
          <FilterChips query={query} onChange={setQuery} />
          <SelectionBar
            size={selection.size}
            onBatchEdit={() => setBatchOpen(true)}
            onTemplates={() => setTemplatesOpen(true)}
            onMakeCopiesAgree={agreeSelection}
          />
          <WriteControls selectionSize={selection.size} selectedIds={selection.selectedIds} />
          <ResultCount
            total={pages.total}
            catalogCount={info?.photoCount ?? null}
            filtered={pages.query.trim() !== ''}
            queryNote={pages.queryNote}
          />
        </div>
      </header>

      <NoticeBar />
      {importer.progress && (
        <ImportProgressBar progress={importer.progress} onCancel={() => void importer.cancel()} />
      )}
      {unfinished && !importer.outcome && (
        <ResumeBar run={unfinished} onResume={() => void importer.resume(unfinished.runId)} />
      )}
      {importer.outcome && (
        <ImportSummaryBar
          outcome={importer.outcome}
          onShowProblems={() => setOpenPanel('problems')}
          onDismiss={importer.dismissOutcome}
        />
      )}

      <main className="workspace">
        <section className="library" aria-label="Library">
          <LibraryGrid
            columns={columns}
            onOpen={openLoupeAt}
            pages={pages}
            thumbnails={thumbnails}
            selection={selection.selection}
            onSelectionChange={selection.setSelection}
            emptyMessage={emptyMessage}
            resetKey={debouncedQuery}
          />
          {openPanel === 'problems' && (
            <ProblemsPanel libraryVersion={libraryVersion} onClose={() => setOpenPanel(null)} />
          )}
          {openPanel === 'watch' && <WatchPanel onClose={() => setOpenPanel(null)} />}
          {openPanel === 'credits' && (
            <CreditDirectoryPanel
              libraryVersion={libraryVersion}
              contentVersion={contentVersion}
              onClose={() => setOpenPanel(null)}
            />
          )}
          {openPanel === 'credit-block' && (
            <CreditBlockPanel
              query={debouncedQuery}
              libraryVersion={libraryVersion}
              contentVersion={contentVersion}
              onClose={() => setOpenPanel(null)}
            />
          )}
          {loupeOpen && (
            <PhotoPreview
              detail={detail}
              loading={loading}
              placeholder={activeThumbnail}
              zoom={zoom}
              onClose={() => setLoupeOpen(false)}
              onStep={stepPhoto}
            />
          )}
        </section>
        <DetailsDock>
          <DetailsPanel
            contentVersion={contentVersion}
            detail={detail}
            loading={loading}
            thumbnail={activeThumbnail}
          />
        </DetailsDock>
      </main>

      {dragging && <DropOverlay />}
      {folderBrowser.open && (
        <FolderBrowserDialog
          hint={folderBrowser.hint}
          onImport={onImport}
          onClose={folderBrowser.close}
        />
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      {codesOpen && <CodesDialog onClose={() => setCodesOpen(false)} />}
      {settingsOpen && (
        <SettingsDialog
          showDesk={settingsOpen === 'desk'}
          onClose={() => setSettingsOpen(false)}
          onOpenCodes={() => {
            setSettingsOpen(false);
            setCodesOpen(true);
          }}
        />
      )}
      {exportOpen && (
        <ExportDialog
          query={debouncedQuery}
          selectionSize={selection.size}
          canChooseFile={info?.canPickFolders ?? false}
          selectedIds={selection.selectedIds}
          onClose={() => setExportOpen(false)}
        />
      )}
      {templatesOpen && (
        <TemplatesDialog
          selectedIds={selection.selectedIds}
          record={detail?.record ?? null}
          onClose={() => setTemplatesOpen(false)}
        />
      )}
      {batchOpen && (
        <BatchDialog selectedIds={selection.selectedIds} onClose={() => setBatchOpen(false)} />
      )}
      <ErrorBanner />
    </div>
  );
}
