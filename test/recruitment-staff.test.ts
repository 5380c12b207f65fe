import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '../kernel/events.ts';
import { Store } from '../kernel/store.ts';
import { waitFor } from '../infra/local/wait.ts';
import { AssessmentRecorded } from '../contracts/authority.ts';
import { chinaDate } from '../kernel/calendar.ts';
import type { StaffMember } from '../services/recruitment/staff/domain.ts';
import { TestClock } from './support/clock.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { RecruitmentFlow, recruitmentTokens, type RecruitmentTokens } from './support/recruitment.ts';
import { drained, published } from './support/saga.ts';

/**
 * The roster, secondments, staffing, the past-due schedule and assessments from authority, through
 * the local gateway, bus and scheduler. The staff were hired through the service's own flow with a
 * clock a month back, so no test waits for a window to close.
 */
let t: TestCloud;
let as: RecruitmentTokens;
let s03: StaffMember[];
let s04: StaffMember[];
// Noon in the district: "today" as the test reads it is the service's today for the whole file.
const clock = new TestClock();
clock.advanceToUtcHour(4);

beforeAll(async () => {
  t = await startTestCloud({ clock: clock.now });
  as = await recruitmentTokens(t);
  const flow = new RecruitmentFlow(new Store(t.cloud.tables.recruitment!));
  s03 = await flow.hire('D01/S03', ['Chen Jing', 'Liu Yang', 'Sun Li', 'Zhao Wei']);
  s04 = await flow.hire('D01/S04', ['He Ping']);
});
afterAll(() => t?.stop());

const today = () => chinaDate(clock.iso());
const inDays = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const second = (token: string, staffId: string, body: object) => t.api('POST', `/recruitment/staff/${staffId}/secondments`, { token, body });
const approved = () => ({ toUnit: 'District petition office', startsOn: today(), endsOn: inDays(30), approvalRef: 'D01-ORG-2030-12' });

describe('the roster', () => {
  it('a street official reads their own street’s roster, newest hire first, in pages', async () => {
    const first = await t.api('GET', '/recruitment/staff?limit=3', { token: as.officialS03 });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    const rest = await t.api('GET', `/recruitment/staff?limit=3&cursor=${first.body.cursor}`, { token: as.officialS03 });
    expect([...first.body.items, ...rest.body.items].map((m: { name: string }) => m.name).sort()).toEqual(['Chen Jing', 'Liu Yang', 'Sun Li', 'Zhao Wei']);
    expect(rest.body.cursor).toBeUndefined();
  });

  it('the organization department names the street it reads', async () => {
    const s04Roster = await t.api('GET', '/recruitment/staff?street=D01/S04', { token: as.org });
    expect(s04Roster.body.items.map((m: { name: string }) => m.name)).toEqual(['He Ping']);
    const unnamed = await t.api('GET', '/recruitment/staff', { token: as.org });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0].field).toBe('query.street');
  });

  it('a street official of D01/S03 cannot read D01/S04’s roster or its members (403)', async () => {
    expect((await t.api('GET', '/recruitment/staff?street=D01/S04', { token: as.officialS03 })).status).toBe(403);
    expect((await t.api('GET', `/recruitment/staff/${s04[0]!.id}`, { token: as.officialS03 })).status).toBe(403);
    expect((await t.api('GET', '/recruitment/staff?street=D01/S03', { token: as.orgElsewhere })).status).toBe(403);
    expect((await t.api('GET', '/recruitment/staff', { token: await as.resident('resident-nosy') })).status).toBe(403);
  });

  it('an unknown member is 404', async () => {
    expect((await t.api('GET', '/recruitment/staff/01JAAAAAAAAAAAAAAAAAAAAAAA', { token: as.officialS03 })).status).toBe(404);
  });
});

describe('secondments', () => {
  it('with an approval reference: active, the member is seconded, and staffing counts it', async () => {
    const started = await second(as.officialS03, s03[0]!.id, approved());
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'active', staffName: 'Chen Jing', pastDue: false });
    const record = await t.api('GET', `/recruitment/staff/${s03[0]!.id}`, { token: as.officialS03 });
    expect(record.body).toMatchObject({ status: 'seconded', secondment: { id: started.body.id, status: 'active' } });

    const again = await second(as.officialS03, s03[0]!.id, approved());
    expect(again.status).toBe(409);
  });

  it('without an approval reference it is flagged at once, with SecondmentFlagged', async () => {
    const { approvalRef: _none, ...unapproved } = approved();
    const started = await second(as.officialS03, s03[1]!.id, unapproved);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'flagged', flagReasons: ['no-approval'] });
    const event = await published(t, 'SecondmentFlagged', started.body.id);
    expect(event.detail).toMatchObject({ data: { secondmentId: started.body.id, reasons: ['no-approval'] } });

    const flagged = await t.api('GET', '/recruitment/secondments?status=flagged', { token: as.officialS03 });
    expect(flagged.body.items.map((s: { id: string }) => s.id)).toEqual([started.body.id]);
    // The organization department sees the whole district's flagged secondments.
    const district = await t.api('GET', '/recruitment/secondments?status=flagged', { token: as.org });
    expect(district.body.items.map((s: { id: string }) => s.id)).toContain(started.body.id);
  });

  it('a street official of D01/S03 cannot second, recall or list D01/S04’s staff (403), and writes nothing', async () => {
    const theirs = await second(as.officialS04, s04[0]!.id, approved());
    expect(theirs.status).toBe(201);
    const before = await t.count('recruitment');
    expect((await second(as.officialS03, s04[0]!.id, approved())).status).toBe(403);
    expect((await t.api('POST', `/recruitment/secondments/${theirs.body.id}/end`, { token: as.officialS03 })).status).toBe(403);
    expect((await t.api('GET', '/recruitment/secondments?street=D01/S04&status=active', { token: as.officialS03 })).status).toBe(403);
    expect(await t.count('recruitment')).toBe(before);
    const own = await t.api('GET', '/recruitment/secondments?street=D01/S04&status=active', { token: as.officialS04 });
    expect(own.body.items.map((s: { id: string }) => s.id)).toEqual([theirs.body.id]);
  });

  it('recall ends it and puts the member back in post, with SecondmentEnded; recalling twice is 409', async () => {
    const started = await second(as.officialS03, s03[2]!.id, { toUnit: 'Town office', startsOn: today(), endsOn: inDays(5) });
    const ended = await t.api('POST', `/recruitment/secondments/${started.body.id}/end`, { token: as.officialS03 });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedOn: today() });
    expect((await t.api('GET', `/recruitment/staff/${s03[2]!.id}`, { token: as.officialS03 })).body.status).toBe('in-post');
    await published(t, 'SecondmentEnded', started.body.id);

    const again = await t.api('POST', `/recruitment/secondments/${started.body.id}/end`, { token: as.officialS03 });
    expect(again.status).toBe(409);
    const endedList = await t.api('GET', '/recruitment/secondments?status=ended', { token: as.officialS03 });
    expect(endedList.body.items.map((s: { id: string }) => s.id)).toEqual([started.body.id]);
    const flaggedList = await t.api('GET', '/recruitment/secondments?status=flagged', { token: as.officialS03 });
    expect(flaggedList.body.items.map((s: { id: string }) => s.id)).not.toContain(started.body.id);
  });
});

describe('staffing', () => {
  it('published quota, filled, vacancy rate, on secondment and secondment rate of a street', async () => {
    const staffing = await t.api('GET', '/recruitment/streets/D01-S03/staffing', { token: as.officialS03 });
    expect(staffing.status).toBe(200);
    // Four hired into a published quota of four; Chen Jing (approved) and Liu Yang (flagged) are away.
    expect(staffing.body).toEqual({
      street: 'D01/S03',
      publishedQuota: 4,
      filled: 4,
      vacancies: 0,
      vacancyRate: 0,
      onSecondment: 2,
      secondmentRate: 0.5,
      flaggedSecondments: 1,
    });
  });

  it('the street is D01-S03 in the path; its slash encoded is refused (API Gateway would decode it before matching)', async () => {
    const encoded = await t.api('GET', '/recruitment/streets/D01%2FS03/staffing', { token: as.org });

    expect(encoded.status).toBeGreaterThanOrEqual(400);
    expect(encoded.status).toBeLessThan(500);
  });

  it('another street’s official is 403', async () => {
    expect((await t.api('GET', '/recruitment/streets/D01-S03/staffing', { token: as.officialS04 })).status).toBe(403);
  });
});

describe('the past-due check on its schedule', () => {
  it('flags an approved secondment only once it has run past its end, and only once', async () => {
    const started = await second(as.officialS03, s03[3]!.id, { ...approved(), endsOn: inDays(10) });
    expect(started.body.status).toBe('active');

    expect(await t.cloud.runSchedule('secondment-check', { time: new Date(clock.now()) })).toMatchObject({ flagged: 0 });

    // The Scheduled Event of a tick twelve days from now: the handler decides as of its time.
    const later = new Date(clock.now() + 12 * 86_400_000);
    const runs = await Promise.all([t.cloud.runSchedule('secondment-check', { time: later }), t.cloud.runSchedule('secondment-check', { time: later })]);
    expect(runs.reduce((sum, run) => sum + Number(run.flagged), 0)).toBe(1);
    expect(await t.cloud.runSchedule('secondment-check', { time: later })).toMatchObject({ due: 0, flagged: 0 });

    const record = await t.api('GET', `/recruitment/staff/${s03[3]!.id}`, { token: as.officialS03 });
    expect(record.body.secondment).toMatchObject({ status: 'flagged', flagReasons: ['past-due'] });
    await published(t, 'SecondmentFlagged', started.body.id);
    await drained(t);
    const flaggedEvents = t.published.filter((e) => e['detail-type'] === 'SecondmentFlagged' && (e.detail as any).data.secondmentId === started.body.id);
    expect(flaggedEvents).toHaveLength(1);
  });

  it('an unknown schedule is refused by name', async () => {
    await expect(t.cloud.runSchedule('no-such-check')).rejects.toThrow(/no schedule no-such-check; declared: secondment-check/);
  });
});

describe('assessments from authority', () => {
  const assessment = (staffId: string, period: string) =>
    newEvent(
      AssessmentRecorded,
      `ASSESSMENT#${staffId}#${period}`,
      {
        assessmentId: ulid(),
        staffId,
        street: 'D01/S03',
        department: 'market-supervision',
        period,
        score: 92,
        comment: 'Reliable in the flood season.',
        assessedBy: 'committee-s03',
        assessedAt: new Date().toISOString(),
      },
      { correlationId: 'assess-1', now: new Date().toISOString(), actor: { sub: 'committee-s03', roles: ['street-committee'] } },
    );

  it('AssessmentRecorded joins the member’s record; delivered twice, it is there once', async () => {
    const event = assessment(s03[0]!.id, '2030-H1');
    const entry = { source: event.source, detailType: event.detailType, detail: event.detail };
    await t.cloud.bus.putEvents([entry, entry]);

    const record = await waitFor('the assessment on the record', async () => {
      const found = await t.api('GET', `/recruitment/staff/${s03[0]!.id}`, { token: as.officialS03 });
      return found.body.assessments.length > 0 ? found.body : undefined;
    });
    await drained(t);
    const after = await t.api('GET', `/recruitment/staff/${s03[0]!.id}`, { token: as.officialS03 });
    expect(after.body.assessments).toEqual([
      expect.objectContaining({ assessmentId: event.detail.data.assessmentId, period: '2030-H1', score: 92, comment: 'Reliable in the flood season.' }),
    ]);
    expect(record.assessments).toHaveLength(1);
  });

  it('an assessment of someone not on the roster is absorbed, not retried into the dead-letter queue', async () => {
    const event = assessment('01JAAAAAAAAAAAAAAAAAAAAAAA', '2030-H1');
    await t.cloud.bus.putEvents([{ source: event.source, detailType: event.detailType, detail: event.detail }]);
    await drained(t);
    expect(await t.cloud.bus.deadLetters()).toEqual([]);
  });
});

describe('recording a flagged secondment’s approval', () => {
  let members: StaffMember[];
  beforeAll(async () => {
    members = await new RecruitmentFlow(new Store(t.cloud.tables.recruitment!)).hire('D01/S03', ['Wu Fang', 'Qian Lei', 'Zheng Hao', 'Lin Tao']);
  });
  const unapproved = (staffId: string, endsOn = inDays(20)) => second(as.officialS03, staffId, { toUnit: 'District petition office', startsOn: inDays(-30), endsOn });
  const approve = (token: string, id: string, body: object) => t.api('POST', `/recruitment/secondments/${id}/approval`, { token, body });
  const flaggedCount = async () => (await t.api('GET', '/recruitment/streets/D01-S03/staffing', { token: as.officialS03 })).body.flaggedSecondments as number;

  it('the approval lifts the only flag: active again, SecondmentApproved says so, the counts follow; a second approval is 409', async () => {
    const started = await unapproved(members[0]!.id);
    expect(started.body).toMatchObject({ status: 'flagged', flagReasons: ['no-approval'] });
    const before = await flaggedCount();

    const done = await approve(as.officialS03, started.body.id, { approvalRef: '  D01-ORG-2030-31 ' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: started.body.id, status: 'active', approvalRef: 'D01-ORG-2030-31', approvedBy: 'official-s03' });
    expect(done.body.flagReasons).toBeUndefined();
    expect(done.body.flaggedAt).toBeUndefined();
    expect(Date.parse(done.body.approvedAt)).toBeGreaterThanOrEqual(Date.parse(started.body.recordedAt));
    const event = await published(t, 'SecondmentApproved', started.body.id);
    expect(event.detail).toMatchObject({ data: { secondmentId: started.body.id, approvalRef: 'D01-ORG-2030-31', unflagged: true } });

    const flagged = await t.api('GET', '/recruitment/secondments?status=flagged', { token: as.officialS03 });
    expect(flagged.body.items.map((s: { id: string }) => s.id)).not.toContain(started.body.id);
    const active = await t.api('GET', '/recruitment/secondments?status=active', { token: as.officialS03 });
    expect(active.body.items.map((s: { id: string }) => s.id)).toContain(started.body.id);
    expect(await flaggedCount()).toBe(before - 1);

    const again = await approve(as.officialS03, started.body.id, { approvalRef: 'D01-ORG-2030-32' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already approved under D01-ORG-2030-31/);
    // Approved and active, the schedule watches its end again: past it, it is flagged for that alone.
    const later = new Date(clock.now() + 25 * 86_400_000);
    expect(await t.cloud.runSchedule('secondment-check', { time: later })).toMatchObject({ flagged: 1 });
    const record = await t.api('GET', `/recruitment/staff/${members[0]!.id}`, { token: as.officialS03 });
    expect(record.body.secondment).toMatchObject({ status: 'flagged', flagReasons: ['past-due'], approvalRef: 'D01-ORG-2030-31' });
  });

  it('one also past its end stays flagged for that; an ended one is 409', async () => {
    const started = await unapproved(members[1]!.id, inDays(-1));
    expect(started.body).toMatchObject({ status: 'flagged', flagReasons: ['no-approval', 'past-due'] });
    const before = await flaggedCount();
    const done = await approve(as.officialS03, started.body.id, { approvalRef: 'D01-ORG-2030-33' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'flagged', flagReasons: ['past-due'], flaggedAt: started.body.flaggedAt, approvalRef: 'D01-ORG-2030-33', pastDue: true });
    const event = await published(t, 'SecondmentApproved', started.body.id);
    expect(event.detail).toMatchObject({ data: { unflagged: false } });
    expect(await flaggedCount()).toBe(before);

    const other = await unapproved(members[2]!.id);
    expect((await t.api('POST', `/recruitment/secondments/${other.body.id}/end`, { token: as.officialS03 })).status).toBe(200);
    const late = await approve(as.officialS03, other.body.id, { approvalRef: 'D01-ORG-2030-34' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/ended on/);
  });

  it('another street’s official and the organization department are refused (403); bad input is 400 and writes nothing; an unknown one is 404', async () => {
    const started = await unapproved(members[3]!.id);
    const id = started.body.id as string;
    expect((await approve(as.officialS04, id, { approvalRef: 'X-1' })).status).toBe(403);
    expect((await approve(as.org, id, { approvalRef: 'X-1' })).status).toBe(403);
    for (const body of [{}, { approvalRef: '   ' }, { approvalRef: 'x'.repeat(101) }, { approvalRef: 'X-1', status: 'active' }, { approvalRef: 7 }]) {
      const refused = await approve(as.officialS03, id, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    const blank = await approve(as.officialS03, id, { approvalRef: '   ' });
    expect(blank.body.errors[0].field).toBe('body.approvalRef');
    const unchanged = await t.api('GET', '/recruitment/secondments?status=flagged', { token: as.officialS03 });
    expect(unchanged.body.items.find((s: { id: string }) => s.id === id)).toMatchObject({ status: 'flagged', flagReasons: ['no-approval'] });
    expect(unchanged.body.items.find((s: { id: string }) => s.id === id).approvalRef).toBeUndefined();
    expect((await approve(as.officialS03, ulid(), { approvalRef: 'X-1' })).status).toBe(404);
  });
});
