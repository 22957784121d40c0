import type { AppNotice } from '../../shared/notices';
import type { EventBus } from './event-bus';

/**
 * The notices of this run, kept for windows that open later and pushed to those open now.
 * Bounded: a loop of errors must not fill memory or the screen.
 */
export class NoticeBoard {
  private readonly notices: AppNotice[] = [];
  private nextId = 1;

  constructor(
    private readonly events: EventBus,
    private readonly limit = 50,
  ) {}

  post(level: AppNotice['level'], message: string, detail?: string): AppNotice {
    const notice: AppNotice = {
      id: this.nextId++,
      level,
      message,
      ...(detail ? { detail } : {}),
      at: new Date().toISOString(),
    };
    this.notices.push(notice);
    if (this.notices.length > this.limit) this.notices.shift();
    this.events.emit('app:notice', notice);
    return notice;
  }

  list(): AppNotice[] {
    return [...this.notices];
  }

  dismiss(id: number): boolean {
    const index = this.notices.findIndex((notice) => notice.id === id);
    if (index < 0) return false;
    this.notices.splice(index, 1);
    return true;
  }
}
