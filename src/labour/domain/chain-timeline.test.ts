import { describe, expect, it } from 'vitest';
import {
  chainAccess,
  markedEvent,
  mergeTimeline,
  pageOf,
  putWords,
  type ChainAccessFacts,
  type ChainEvent,
} from './chain-timeline.ts';

const noFlows = { assistance_to_labour: false, labour_to_assistance: false };
const facts = (over: Partial<ChainAccessFacts>): ChainAccessFacts => ({
  assistanceUser: false,
  labourUser: false,
  separateAuthority: true,
  flows: noFlows,
  ...over,
});

const event = (over: Partial<ChainEvent> & Pick<ChainEvent, 'part' | 'kind' | 'date'>): ChainEvent => ({
  id: `${over.kind}-${over.date}`,
  caseId: null,
  referralId: null,
  month: null,
  code: null,
  status: null,
  review: null,
  name: null,
  text: null,
  amountOre: null,
  hours: null,
  version: null,
  attended: null,
  from: null,
  to: null,
  ...over,
});

describe('who sees which part of the chain', () => {
  it('shows a caseworker the assistance part, and the unit’s part only while the labour_to_assistance flow stands', () => {
    const caseworker = facts({ assistanceUser: true });
    expect(chainAccess(caseworker)).toEqual({
      assistance: { shown: true, because: 'own_unit', withheld: null },
      labour: { shown: false, because: null, withheld: 'no_flow' },
    });
    // The other direction's consent does not help.
    expect(
      chainAccess({ ...caseworker, flows: { ...noFlows, assistance_to_labour: true } }).labour.shown,
    ).toBe(false);
    expect(chainAccess({ ...caseworker, flows: { ...noFlows, labour_to_assistance: true } }).labour).toEqual({
      shown: true,
      because: 'flow',
      withheld: null,
    });
  });

  it('shows a consultant the unit’s part, and assistance only while the assistance_to_labour flow stands', () => {
    const consultant = facts({ labourUser: true });
    expect(chainAccess(consultant).assistance).toEqual({ shown: false, because: null, withheld: 'no_flow' });
    expect(chainAccess(consultant).labour.because).toBe('own_unit');
    expect(
      chainAccess({ ...consultant, flows: { ...noFlows, assistance_to_labour: true } }).assistance.because,
    ).toBe('flow');
  });

  it('needs no consent where the two units are one authority', () => {
    const access = chainAccess(facts({ labourUser: true, separateAuthority: false }));
    expect(access.assistance).toEqual({ shown: true, because: 'same_authority', withheld: null });
  });

  it('shows nothing through a flow to someone who works in neither unit', () => {
    const access = chainAccess(
      facts({ flows: { assistance_to_labour: true, labour_to_assistance: true }, separateAuthority: false }),
    );
    expect(access.assistance.withheld).toBe('no_access');
    expect(access.labour.withheld).toBe('no_access');
  });

  it('shows both parts from their own units to someone who works in both', () => {
    const access = chainAccess(facts({ assistanceUser: true, labourUser: true }));
    expect(access.assistance.because).toBe('own_unit');
    expect(access.labour.because).toBe('own_unit');
  });
});

describe('the merged timeline', () => {
  const assistance = [
    event({ part: 'assistance', kind: 'case_opened', date: '2024-01-05' }),
    event({ part: 'assistance', kind: 'application', date: '2024-01-05' }),
    event({ part: 'assistance', kind: 'decision', date: '2024-01-20', amountOre: 1_234_500 }),
    event({ part: 'assistance', kind: 'case_closed', date: '2026-11-30', code: 'work' }),
  ];
  const labour = [
    event({ part: 'labour', kind: 'referral', date: '2024-01-20' }),
    event({ part: 'labour', kind: 'employment', date: '2025-03-01' }),
    event({ part: 'labour', kind: 'exit', date: '2026-11-30', code: 'work' }),
  ];

  it('is newest first, and on one day the later step first', () => {
    const merged = mergeTimeline(chainAccess(facts({ assistanceUser: true, labourUser: true })), {
      assistance,
      labour,
    });
    expect(merged.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2026-11-30 case_closed',
      '2026-11-30 exit',
      '2025-03-01 employment',
      '2024-01-20 decision',
      '2024-01-20 referral',
      '2024-01-05 application',
      '2024-01-05 case_opened',
    ]);
  });

  it('leaves out a withheld part even when its events are passed in', () => {
    const merged = mergeTimeline(chainAccess(facts({ assistanceUser: true })), { assistance, labour });
    expect(merged.every((e) => e.part === 'assistance')).toBe(true);
    expect(merged).toHaveLength(4);
  });

  it('keeps an event only in the part it belongs to', () => {
    const merged = mergeTimeline(chainAccess(facts({ labourUser: true })), {
      labour: [...labour, assistance[0]!],
    });
    expect(merged.map((e) => e.part)).toEqual(['labour', 'labour', 'labour']);
  });

  it('is empty when both parts are withheld', () => {
    expect(mergeTimeline(chainAccess(facts({})), { assistance, labour })).toEqual([]);
  });
});

describe('a page of the timeline', () => {
  const days = ['2026-05-01', '2026-04-01', '2026-04-01', '2026-04-01', '2026-03-01', '2026-02-01'];
  const events = days.map((date, i) =>
    event({ part: i % 2 ? 'labour' : 'assistance', kind: 'placement', date, id: String(i) }),
  );

  it('takes the newest, and never splits a day between pages', () => {
    const page = pageOf(events, 2, false);
    expect(page.events.map((e) => e.date)).toEqual(['2026-05-01', '2026-04-01', '2026-04-01', '2026-04-01']);
    expect(page.nextBefore).toBe('2026-04-01');
  });

  it('says there is nothing older when all are shown', () => {
    expect(pageOf(events, 10, false)).toEqual({ events, nextBefore: null });
    expect(pageOf([], 10, false)).toEqual({ events: [], nextBefore: null });
  });

  it('points to the next page when the parts hold more than they sent', () => {
    expect(pageOf(events.slice(4), 5, true).nextBefore).toBe('2026-02-01');
    expect(pageOf(events.slice(4), 5, false).nextBefore).toBeNull();
  });
});

describe('events as sent, with the words of their codes put in', () => {
  const words = (kind: string, code: string, month: string | null) =>
    `"codeLabel":${JSON.stringify(`${kind}/${code}/${month ?? '-'}`)},`;
  const sent = (events: ChainEvent[]) =>
    JSON.parse(`[${putWords(events.map(markedEvent).join(','), words)}]`) as Record<string, unknown>[];

  it('sends the fields an event uses and puts the words of its code in front', () => {
    const reason = event({
      part: 'assistance',
      kind: 'reason_code',
      date: '2026-03-01',
      code: 'AL1',
      month: '2026-03',
    });
    const decision = event({ part: 'assistance', kind: 'decision', date: '2026-03-05', amountOre: 512300 });
    expect(sent([reason, decision])).toEqual([
      {
        codeLabel: 'reason_code/AL1/2026-03',
        part: 'assistance',
        kind: 'reason_code',
        date: '2026-03-01',
        id: 'reason_code-2026-03-01',
        code: 'AL1',
        month: '2026-03',
      },
      {
        part: 'assistance',
        kind: 'decision',
        date: '2026-03-05',
        id: 'decision-2026-03-05',
        amountOre: 512300,
      },
    ]);
  });

  it('puts nothing where a code has no words, and no month where the event has none', () => {
    const exit = event({ part: 'labour', kind: 'exit', date: '2026-04-01', code: 'work' });
    expect(JSON.parse(putWords(markedEvent(exit), () => ''))).toEqual({
      part: 'labour',
      kind: 'exit',
      date: '2026-04-01',
      id: 'exit-2026-04-01',
      code: 'work',
    });
    expect(sent([exit])[0]!.codeLabel).toBe('exit/work/-');
  });

  it('never takes data for a mark: control characters in a name stay escaped text', () => {
    const name = 'Praktik \u0001exit\u0001work\u0001\u0002';
    const placement = event({ part: 'labour', kind: 'placement', date: '2026-04-01', code: 'course', name });
    expect(sent([placement])[0]).toMatchObject({ codeLabel: 'placement/course/-', name });
  });
});
