/**
 * Notices across the top of the window: what the user must know that no call of theirs
 * answered (the catalog was damaged and moved aside; something failed in the background and
 * where its details were logged). They stay until dismissed.
 */
import './notices.css';
import { useNotices } from './use-notices';

export function NoticeBar() {
  const { notices, dismiss } = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="notice-bar" role="alert" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.level}`}>
          <span className="notice__message">
            {notice.message}
            {notice.detail && <span className="notice__detail"> {notice.detail}</span>}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notice"
            onClick={() => dismiss(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
