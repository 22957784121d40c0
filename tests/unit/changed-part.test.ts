import { describe, expect, it } from 'vitest';
import { changedPart } from '../../src/shared/changed-part';

describe('changedPart', () => {
  it('shows a change deep in a long caption, with context on each side', () => {
    const lead = 'Delegates arrive for the summit in Seoul, South Korea. '.repeat(6);
    const before = `${lead}Photo by Jon Smith for the desk. ${lead}`;
    const after = `${lead}Photo by Jane Smith for the desk. ${lead}`;
    const part = changedPart(before, after, 10);
    expect(part.before).toBe('…Photo by Jon Smith for…');
    expect(part.after).toBe('…Photo by Jane Smith for…');
  });

  it('keeps short texts whole', () => {
    expect(changedPart('Seoul', 'Busan')).toEqual({ before: 'Seoul', after: 'Busan' });
    expect(changedPart('', 'New caption')).toEqual({ before: '', after: 'New caption' });
  });
});
