import { describe, expect, it } from 'vitest';
import { completionOverdue, refuseSave, refuseSign } from './journal-rules.ts';

const draft = { status: 'draft' as const, authorId: 'anna', body: 'Besök på kontoret.' };
const signed = { ...draft, status: 'signed' as const };

describe('journal notes', () => {
  it('lets only the author save and sign a draft, and nobody change a signed note', () => {
    expect(refuseSave(draft, 'anna')).toBeNull();
    expect(refuseSave(draft, 'sven')).toBe('not_author');
    expect(refuseSave(signed, 'anna')).toBe('signed');
    expect(refuseSign(signed, 'sven')).toBe('signed');
    expect(refuseSign({ ...draft, body: ' \n' }, 'anna')).toBe('empty');
  });

  it('flags an unanswered request after its deadline, never on the deadline day', () => {
    expect(completionOverdue({ deadline: '2026-11-20', answeredOn: null }, '2026-11-20')).toBe(false);
    expect(completionOverdue({ deadline: '2026-11-19', answeredOn: null }, '2026-11-20')).toBe(true);
    expect(completionOverdue({ deadline: '2026-11-19', answeredOn: '2026-11-20' }, '2026-11-21')).toBe(false);
  });
});
