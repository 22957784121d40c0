/** The non-blocking banner that shows call errors in plain words. */
import { useShownErrors } from './error-context';

/** Shows the current errors in the bottom corner; each can be dismissed. */
export function ErrorBanner() {
  const { errors, dismiss } = useShownErrors();
  return (
    <div className="error-stack" role="alert" aria-live="assertive">
      {errors.map((error) => (
        <div key={error.key} className="error-toast">
          <span className="error-toast__icon" aria-hidden="true">
            !
          </span>
          <span className="error-toast__message">{error.message}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss error"
            onClick={() => dismiss(error.key)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
