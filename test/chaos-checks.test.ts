import { describe, expect, it } from 'vitest';
import type { Acknowledged } from '../chaos/api.ts';
import { check, type Item, type Tables } from '../chaos/checks.ts';
import { busEventOf } from '../infra/local/bus.ts';
import type { BusEvent } from '../kernel/events.ts';

/**
 * The chaos run's checks (chaos/checks.ts) can fail: on a small, consistent world they find nothing,
 * and each kind of loss or double planted in it is reported. (Whether the platform passes them is
 * test/chaos.test.ts's question.)
 */
const T = (minute: number) => `2026-05-01T08:${String(minute).padStart(2, '0')}:00.000Z`;

function history(eventId: string, detailType: string, occurredAt: string, correlationId: string, actorSub: string, causationId?: string, data: object = {}): Item {
  return {
    pk: `AGG#${eventId}`,
    sk: `HISTORY#${occurredAt}#${eventId}`,
    itemType: 'history',
    eventId,
    detailType,
    occurredAt,
    correlationId,
    actorSub,
    detail: JSON.stringify({ metadata: { eventId, occurredAt, correlationId, ...(causationId ? { causationId } : {}) }, data }),
  };
}

const inbox = (eventId: string): Item => ({ pk: `INBOX#${eventId}`, sk: 'INBOX', itemType: 'inbox' });

function onBus(item: Item, source: string): BusEvent {
  return busEventOf(
    { source, detailType: item.detailType as string, detail: JSON.parse(item.detail as string) },
    { id: `bus-${item.eventId}`, time: item.occurredAt as string },
  );
}

/** A nomination (acknowledged), its consent case opened by authority's consumer (and noted by recruitment's), an issue on the scorecard. */
function world() {
  const requested = history('E1', 'AppointmentRequested', T(1), 'C1', 'dept-1', undefined, { street: 'D01/S03' });
  const opened = history('E2', 'ConsentCaseOpened', T(2), 'C1', 'five-haves.authority', 'E1');
  const raised = history('E3', 'IssueRaised', T(3), 'C2', 'official-s03', undefined, { street: 'D01/S03' });
  const tables: Tables = {
    recruitment: [requested, inbox('E2')],
    authority: [inbox('E1'), opened],
    funding: [],
    premises: [],
    notifications: [inbox('E2'), inbox('E3')],
    coordination: [raised, inbox('E3'), { pk: 'SCORECARD#D01/S03', sk: 'SCORECARD', itemType: 'scorecard', street: 'D01/S03', eventsApplied: 1, issuesRaised: 1 }],
  };
  const published = [onBus(requested, 'five-haves.recruitment'), onBus(opened, 'five-haves.authority'), onBus(raised, 'five-haves.coordination')];
  const acknowledged: Acknowledged[] = [
    { route: 'POST /recruitment/appointments', service: 'recruitment', correlationId: 'C1', sub: 'dept-1', status: 202, sentAt: T(0), answeredAt: T(1) },
  ];
  return { tables, published, acknowledged };
}

describe('the chaos checks', () => {
  it('find nothing wrong in a consistent world', () => {
    const { tables, published, acknowledged } = world();
    expect(check(tables, published, acknowledged)).toEqual({ eventsChecked: 3, acknowledged: 1, lost: [], doubled: [] });
  });

  it('report an event that never reached the bus', () => {
    const w = world();
    expect(check(w.tables, w.published.slice(1), w.acknowledged).lost).toContainEqual(expect.stringMatching(/AppointmentRequested E1 of recruitment never reached the bus/));
  });

  it('report an event a subscriber never applied', () => {
    const w = world();
    w.tables.authority = w.tables.authority.filter((item) => item.itemType !== 'inbox');
    expect(check(w.tables, w.published, w.acknowledged).lost).toEqual(['authority never applied AppointmentRequested E1']);
  });

  it('report an acknowledged write that is not in its table', () => {
    const w = world();
    w.acknowledged.push({ route: 'POST /funding/pools', service: 'funding', correlationId: 'C9', sub: 'finance', status: 201, sentAt: T(5), answeredAt: T(6) });
    expect(check(w.tables, w.published, w.acknowledged).lost).toContainEqual(expect.stringMatching(/POST \/funding\/pools \(C9\) was answered 201 but funding holds no change of it/));
  });

  it('report a write committed twice', () => {
    const w = world();
    const again = history('E4', 'AppointmentRequested', T(4), 'C1', 'dept-1', undefined, { street: 'D01/S03' });
    w.tables.recruitment.push(again);
    w.published.push(onBus(again, 'five-haves.recruitment'));
    w.tables.authority.push(inbox('E4'));
    expect(check(w.tables, w.published, w.acknowledged).doubled).toContainEqual(expect.stringMatching(/\(C1\) was committed 2 times/));
  });

  it('report a reaction committed twice', () => {
    const w = world();
    const twice = history('E5', 'ConsentCaseOpened', T(5), 'C1', 'five-haves.authority', 'E1');
    w.tables.authority.push(twice);
    w.published.push(onBus(twice, 'five-haves.authority'));
    expect(check(w.tables, w.published, w.acknowledged).doubled).toEqual(['authority emitted ConsentCaseOpened for E1 in 2 commits']);
  });

  it('report a scorecard that counted an event twice, or missed one', () => {
    const w = world();
    const card = w.tables.coordination.find((item) => item.itemType === 'scorecard')!;
    Object.assign(card, { eventsApplied: 2, issuesRaised: 2 });
    expect(check(w.tables, w.published, w.acknowledged).doubled).toEqual([
      'the scorecard of D01/S03 differs from its recomputation: eventsApplied 2 ≠ 1, issuesRaised 2 ≠ 1',
    ]);
    Object.assign(card, { eventsApplied: 0, issuesRaised: 0 });
    expect(check(w.tables, w.published, w.acknowledged).lost).toHaveLength(1);
  });

  it("report a department user never told of a whistle, an unread count above its notes, and an e-mail sent twice", () => {
    const w = world();
    const profile = { pk: 'USER#market-a', sk: 'PROFILE', itemType: 'profile', sub: 'market-a', roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' };
    const note = { pk: 'USER#market-a', sk: 'NOTE#n1', itemType: 'note', id: 'n1', sub: 'market-a', kind: 'whistle-raised', source: 'E3', mail: 'sent' };
    const raised = w.published.find((e) => e['detail-type'] === 'IssueRaised')!;
    (raised.detail as { data: Record<string, unknown> }).data = { street: 'D01/S03', departments: ['market-supervision'] };
    const mail = (id: number) => ({ id, to: 'a@example.org', subject: 's', text: 't', sentAt: T(9), from: 'f', attachments: [], headers: { 'x-five-haves-notification': 'n1' } });
    w.tables.notifications.push(profile);
    expect(check(w.tables, w.published, w.acknowledged).lost).toEqual(['market-a was never told of IssueRaised E3']);
    w.tables.notifications.push(note, { pk: 'USER#market-a', sk: 'UNREAD', itemType: 'unread', count: 2 });
    const findings = check(w.tables, w.published, w.acknowledged, [mail(1), mail(2)]);
    expect(findings.lost).toEqual([]);
    expect(findings.doubled).toEqual(["market-a's unread count is 2, but 1 notes are unread", 'the e-mail of note n1 (whistle-raised) to market-a was sent 2 times']);
    expect(check(w.tables, w.published, w.acknowledged, []).lost).toEqual(['note n1 (whistle-raised) says sent, but the SMTP server never got it']);
  });
});
