import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../infra/local/lambda-context.ts';
import { waitFor as waitForCondition } from '../infra/local/wait.ts';
import type { CapturedMail } from '../infra/local/mail.ts';
import { TestClock } from './support/clock.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { whistle } from './support/coordination.ts';
import { addedRoom, registeredSite, siteBody, slotFromNow } from './support/premises.ts';
import { consentCaseFor, drained, nomination } from './support/saga.ts';

/**
 * The notifications service end to end on the local runtime: events from the other services' real
 * routes, every event put twice in every queue (deliveryCopies), e-mail sent through the SES v2 API
 * (the runtime's local endpoint) and read back from the local SMTP server it relays to, reminders
 * from the declared schedule run as of chosen times.
 */
// Each test crosses several services; on a busy machine that takes minutes, not seconds.
vi.setConfig({ testTimeout: 240_000 });

let t: TestCloud;
const clock = new TestClock();
beforeAll(async () => {
  // 02:00 UTC is 10:00 in the offices: a working morning, whatever the day the test runs.
  clock.advanceToUtcHour(2);
  t = await startTestCloud({ deliveryCopies: 2, clock: clock.now, scheduleTimers: false });
});
afterAll(() => t?.stop());

const person = async (sub: string, claims: { roles: any[]; jurisdiction: string; department?: string }, language: 'en' | 'zh-CN' = 'en') => {
  const token = await t.token({ sub, email: `${sub}@example.org`, name: `Person ${sub}`, ...claims });
  const registered = await t.api('PUT', '/notifications/me', { token, body: { language } });
  expect(registered.status).toBe(200);
  return token;
};

/** Waits for a condition: long enough for a machine running several suites at once (the flow crosses the relay, the bus and SMTP). */
const waitFor = <T>(what: string, probe: () => Promise<T | undefined>) => waitForCondition(what, probe, { timeoutMs: 150_000, intervalMs: 100 });

const mailsTo = async (address: string): Promise<CapturedMail[]> => (await t.cloud.mailer.sent()).filter((m) => m.to === address);

describe('a whistle', () => {
  let official: string;
  let marketA: string;
  let marketB: string;
  let sanitation: string;
  let otherDistrict: string;
  let issueId: string;
  let raisedAt: string;

  beforeAll(async () => {
    official = await t.token({ sub: 'official-s03', roles: ['street-official'], jurisdiction: 'D01/S03' });
    marketA = await person('market-a', { roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
    marketB = await person('market-b', { roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' }, 'zh-CN');
    sanitation = await person('sanitation-a', { roles: ['department'], jurisdiction: 'D01', department: 'sanitation' });
    otherDistrict = await person('market-d02', { roles: ['department'], jurisdiction: 'D02', department: 'market-supervision' });
    const raised = await t.api('POST', '/coordination/issues', { token: official, body: whistle({ departments: ['market-supervision'] }) });
    expect(raised.status).toBe(201);
    issueId = raised.body.id;
    raisedAt = raised.body.raisedAt;
  });

  it("reaches the named department's people at once, by e-mail (read back from the SMTP server) and in the inbox, once though delivered twice", async () => {
    // The handlers' SES client finds the runtime's SES endpoint as it would find SES: by the SDK's variable.
    expect(process.env.AWS_ENDPOINT_URL_SESV2).toBe(t.cloud.sesEndpoint);
    const [a] = await waitFor('the e-mail to market-a', async () => ((await mailsTo('market-a@example.org')).length > 0 ? mailsTo('market-a@example.org') : undefined));
    expect(a!.subject).toBe('Whistle: D01/S03 calls market-supervision to report in');
    expect(a!.text).toContain('Gas cylinders stored in the basement of a restaurant.');
    expect(a!.text).toContain('/inbox');
    expect(a!.headers['x-five-haves-notification']).toMatch(/^[0-9a-z]{9}/);
    const [b] = await waitFor('the e-mail to market-b', async () => ((await mailsTo('market-b@example.org')).length > 0 ? mailsTo('market-b@example.org') : undefined));
    expect(b!.subject).toBe('吹哨：D01/S03 需要 market-supervision 报到');
    await drained(t);
    // Each copy of the event was delivered; each person has one e-mail and one inbox item.
    expect(await mailsTo('market-a@example.org')).toHaveLength(1);
    expect(await mailsTo('market-b@example.org')).toHaveLength(1);
    expect(await mailsTo('sanitation-a@example.org')).toHaveLength(0);
    expect(await mailsTo('market-d02@example.org')).toHaveLength(0);
    const inbox = await t.api('GET', '/notifications/me', { token: marketA });
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'whistle-raised', mail: 'sent' });
    expect((await t.api('GET', '/notifications/me', { token: sanitation })).body).toEqual({ items: [], unread: 0 });
    expect((await t.api('GET', '/notifications/me', { token: otherDistrict })).body.items).toHaveLength(0);
    expect((await t.api('GET', '/notifications/me', { token: marketB })).body.unread).toBe(1);
  });

  it('is marked read once: the unread count falls by one, and again changes nothing', async () => {
    const [item] = (await t.api('GET', '/notifications/me', { token: marketA })).body.items;
    const read = await t.api('POST', `/notifications/me/items/${item.id}/read`, { token: marketA });
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBeDefined();
    const again = await t.api('POST', `/notifications/me/items/${item.id}/read`, { token: marketA });
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await t.api('GET', '/notifications/me', { token: marketA })).body.unread).toBe(0);
    // Someone else's notification does not exist for the caller.
    expect((await t.api('POST', `/notifications/me/items/${item.id}/read`, { token: marketB })).status).toBe(404);
    expect((await t.api('POST', '/notifications/me/items/not-an-id/read', { token: marketA })).status).toBe(400);
  });

  it("reminds before the report-in deadline once, under a controlled clock, however many ticks; then the resolution reminder", async () => {
    const minute = 60_000;
    const at = (minutes: number) => new Date(Date.parse(raisedAt) + minutes * minute);
    // 30 minutes to report in: the reminder is due 10 minutes before, at +20.
    expect((await t.cloud.runSchedule('reminders', { time: at(19) })).told).toBe(0);
    expect((await mailsTo('market-a@example.org')).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(0);
    const ticks = await Promise.all([t.cloud.runSchedule('reminders', { time: at(21) }), t.cloud.runSchedule('reminders', { time: at(21) })]);
    await t.cloud.runSchedule('reminders', { time: at(25) });
    expect(ticks.reduce((sum, tick) => sum + Number(tick.told), 0)).toBeLessThanOrEqual(1);
    const reminders = (await mailsTo('market-a@example.org')).filter((m) => m.subject.startsWith('Reminder'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain("report-in deadline");
    const kinds = (await t.api('GET', '/notifications/me', { token: marketA })).body.items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(['whistle-reminder', 'whistle-raised']);

    // The department reports in: its resolution reminder (at +80) still comes, but no second report-in one.
    const market = await t.token({ sub: 'market-a', roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
    expect((await t.api('POST', `/coordination/issues/${issueId}/acknowledge`, { token: market, body: {} })).status).toBeLessThan(300);
    await drained(t);
    await t.cloud.runSchedule('reminders', { time: at(81) });
    const after = (await mailsTo('market-a@example.org')).filter((m) => m.subject.startsWith('Reminder'));
    expect(after.map((m) => m.subject)).toEqual([expect.stringContaining('resolution deadline'), expect.stringContaining('report-in deadline')]);
  });
});

describe('preferences', () => {
  it('are respected: e-mail off for a kind sends none (the inbox still has it); a digest sends one e-mail a day', async () => {
    const off = await person('finance-off', { roles: ['finance'], jurisdiction: 'D01' });
    const digest = await person('finance-digest', { roles: ['finance'], jurisdiction: 'D01/S03' });
    const on = await person('finance-on', { roles: ['finance'], jurisdiction: 'D01' });
    expect((await t.api('GET', '/notifications/me/preferences', { token: on })).body).toMatchObject({ delivery: 'immediate', email: { 'funding-request-opened': true } });
    const turnedOff = await t.api('PUT', '/notifications/me/preferences', { token: off, body: { email: { 'funding-request-opened': false } } });
    expect(turnedOff.status).toBe(200);
    expect(turnedOff.body.email).toMatchObject({ 'funding-request-opened': false, 'whistle-raised': true });
    expect((await t.api('PUT', '/notifications/me/preferences', { token: digest, body: { delivery: 'digest' } })).body.delivery).toBe('digest');
    // Bad input: an unknown kind, a delivery that is not one; nothing changes.
    expect((await t.api('PUT', '/notifications/me/preferences', { token: off, body: { email: { 'no-such-kind': false } } })).status).toBe(400);
    expect((await t.api('PUT', '/notifications/me/preferences', { token: off, body: { delivery: 'hourly' } })).status).toBe(400);
    expect((await t.api('GET', '/notifications/me/preferences', { token: off })).body.delivery).toBe('immediate');

    // A joint meeting's decision that needs money opens a funding request for finance.
    const admin = await t.token({ sub: 'd01-joint-office', roles: ['district-admin'], jurisdiction: 'D01' });
    const start = new Date(clock.now() + 3 * 86_400_000).toISOString();
    const meeting = await t.api('POST', '/coordination/meetings', {
      token: admin,
      body: { title: 'Quarterly joint meeting', startsAt: start, endsAt: new Date(Date.parse(start) + 2 * 3_600_000).toISOString(), hostStreet: 'D01/S03', members: { departments: ['market-supervision'], streets: ['D01/S03'] }, agenda: ['Gas safety'] },
    });
    expect(meeting.status).toBe(201);
    const decision = await t.api('POST', `/coordination/meetings/${meeting.body.id}/decisions`, {
      token: admin,
      body: { title: 'Replace the gas pipes', ownerDepartment: 'market-supervision', deadline: new Date(clock.now() + 30 * 86_400_000).toISOString().slice(0, 10), street: 'D01/S03', fundingFen: 1_250_000 },
    });
    expect(decision.status).toBe(201);
    await waitFor('the request e-mail to finance-on', async () => ((await mailsTo('finance-on@example.org')).length > 0 ? true : undefined));
    await drained(t);
    expect((await mailsTo('finance-on@example.org'))[0]!.subject).toBe('To decide: D01/S03 asks for ¥12500.00');
    expect(await mailsTo('finance-off@example.org')).toHaveLength(0);
    expect(await mailsTo('finance-digest@example.org')).toHaveLength(0);
    const offInbox = (await t.api('GET', '/notifications/me', { token: off })).body.items;
    expect(offInbox.map((n: { kind: string; mail: string }) => [n.kind, n.mail])).toEqual([['funding-request-opened', 'off']]);

    // The digest: not before 08:00 China time, then once that day however many runs.
    const today = new Date(clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const early = new Date(Date.parse(`${today}T07:30:00+08:00`) + 86_400_000);
    expect((await t.cloud.runSchedule('daily-digest', { time: early })).people).toBe(0);
    const morning = new Date(Date.parse(`${today}T08:05:00+08:00`) + 86_400_000);
    await Promise.all([t.cloud.runSchedule('daily-digest', { time: morning }), t.cloud.runSchedule('daily-digest', { time: morning })]);
    await t.cloud.runSchedule('daily-digest', { time: new Date(morning.getTime() + 3_600_000) });
    const digests = await mailsTo('finance-digest@example.org');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toMatch(/^Five Haves: 1 notification of /);
    expect(digests[0]!.text).toContain('To decide: D01/S03 asks for ¥12500.00');
    expect((await t.api('GET', '/notifications/me', { token: digest })).body.items[0].mail).toBe('digested');
  });
});

describe('calendars', () => {
  it("a booking's e-mail carries its .ics; the feed lists it; a revoked feed URL is 404", async () => {
    const resident = await person('resident-cal', { roles: ['resident'], jurisdiction: 'D01/S03/C07' });
    const official = await t.token({ sub: 'official-s03', roles: ['street-official'], jurisdiction: 'D01/S03' });
    const siteId = await registeredSite(t, official, siteBody('D01/S03/C07'));
    const roomId = await addedRoom(t, official, siteId);
    const booked = await t.api('POST', `/premises/rooms/${roomId}/bookings`, {
      token: resident,
      body: { startsAt: slotFromNow(3, 40).toISOString(), endsAt: slotFromNow(3, 48).toISOString(), purpose: 'Residents’ council', attendees: 12 },
    });
    expect(booked.status).toBe(201);
    const [mail] = await waitFor('the booking e-mail', async () => ((await mailsTo('resident-cal@example.org')).length > 0 ? mailsTo('resident-cal@example.org') : undefined));
    const invitation = mail!.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename.endsWith('.ics'));
    expect(invitation?.content).toContain(`UID:booking-${booked.body.id}@five-haves`);
    expect(invitation?.content).toContain('METHOD:REQUEST');

    const download = await fetch(`${t.cloud.url}/notifications/me/calendar/booking-${booked.body.id}@five-haves.ics`, { headers: { authorization: `Bearer ${resident}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await download.text()).toContain('DTSTART:');

    const feed = await t.api('POST', '/notifications/me/calendar-feed', { token: resident });
    expect(feed.status).toBe(201);
    const path = new URL(feed.body.url).pathname;
    const listed = await fetch(`${t.cloud.url}${path}`);
    expect(listed.status).toBe(200);
    expect(await listed.text()).toContain(`booking-${booked.body.id}@five-haves`);

    // Replacing the URL retires the old one; revoking retires the new one.
    const replaced = await t.api('POST', '/notifications/me/calendar-feed', { token: resident });
    expect((await fetch(`${t.cloud.url}${path}`)).status).toBe(404);
    const newPath = new URL(replaced.body.url).pathname;
    expect((await fetch(`${t.cloud.url}${newPath}`)).status).toBe(200);
    expect((await t.api('DELETE', '/notifications/me/calendar-feed', { token: resident })).status).toBe(204);
    const revoked = await fetch(`${t.cloud.url}${newPath}`);
    expect(revoked.status).toBe(404);
    expect(revoked.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await fetch(`${t.cloud.url}/notifications/calendar/not-a-secret.ics`)).status).toBe(400);
  });
});

describe('the directory', () => {
  it("records the token's claims, never the body's (except language)", async () => {
    const token = await t.token({ sub: 'claims-person', roles: ['street-committee'], jurisdiction: 'D01/S03', email: 'claims@example.org', name: 'Li Wei' });
    const sneaky = await t.api('PUT', '/notifications/me', { token, body: { language: 'en', email: 'attacker@example.org' } });
    expect(sneaky.status).toBe(400);
    const ok = await t.api('PUT', '/notifications/me', { token, body: { language: 'en' } });
    expect(ok.body).toMatchObject({ sub: 'claims-person', email: 'claims@example.org', name: 'Li Wei', roles: ['street-committee'], jurisdiction: 'D01/S03', language: 'en' });
    expect((await t.api('PUT', '/notifications/me', { token, body: { language: 'fr' } })).status).toBe(400);
    expect((await t.api('PUT', '/notifications/me', { body: { language: 'en' } })).status).toBe(401);
  });
});

describe('bounces and complaints', () => {
  it('put the address on the suppression list, which the sender honours: the inbox still gets the notification', async () => {
    const token = await person('bounced-finance', { roles: ['finance'], jurisdiction: 'D01/S04' });
    const { handler } = await import('../services/notifications/handlers/bounces.ts');
    const sesEvent = (eventType: string, detail: object) => ({
      version: '0', id: `ses-${eventType}`, 'detail-type': eventType === 'Bounce' ? 'Email Bounced' : 'Email Complained', source: 'aws.ses', account: '000000000000',
      time: new Date().toISOString(), region: 'us-east-1', resources: [], detail: { eventType, mail: { tags: { 'ses:configuration-set': ['x'] } }, ...detail },
    });
    const records = [
      sesEvent('Bounce', { bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'Bounced-Finance@example.org' }] } }),
      sesEvent('Bounce', { bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'finance-on@example.org' }] } }),
    ].map((body, i) => ({ messageId: `m-${i}`, body: JSON.stringify(body) }));
    const sqs = { Records: records } as unknown as SQSEvent;
    // Delivered twice: the second changes nothing.
    for (let i = 0; i < 2; i++) expect((await handler(sqs, lambdaContext('five-haves-notifications-bounces', 30_000) as Context)).batchItemFailures).toEqual([]);

    const admin = await t.token({ sub: 'd01-joint-office', roles: ['district-admin'], jurisdiction: 'D01' });
    const start = new Date(clock.now() + 4 * 86_400_000).toISOString();
    const meeting = await t.api('POST', '/coordination/meetings', {
      token: admin,
      body: { title: 'S04 meeting', startsAt: start, endsAt: new Date(Date.parse(start) + 3_600_000).toISOString(), hostStreet: 'D01/S04', members: { streets: ['D01/S04'] } },
    });
    await t.api('POST', `/coordination/meetings/${meeting.body.id}/decisions`, {
      token: admin,
      body: { title: 'Repair the roof', ownerDepartment: 'housing', deadline: new Date(clock.now() + 40 * 86_400_000).toISOString().slice(0, 10), street: 'D01/S04', fundingFen: 50_000 },
    });
    const items = await waitFor('the request in the inbox', async () => {
      const inbox = (await t.api('GET', '/notifications/me', { token })).body.items;
      return inbox.length > 0 ? inbox : undefined;
    });
    expect(items[0]).toMatchObject({ kind: 'funding-request-opened', mail: 'suppressed' });
    await drained(t);
    expect(await mailsTo('bounced-finance@example.org')).toHaveLength(0);
    // A transient bounce suppresses nothing: finance-on of D01 covers D01/S04 and is mailed.
    expect((await mailsTo('finance-on@example.org')).length).toBe(2);
  });
});

describe('meetings and consents', () => {
  it("a joint meeting's members get one invitation with the venue and an .ics, once both the meeting and its room are known", async () => {
    const official = await person('official-s05', { roles: ['street-official'], jurisdiction: 'D01/S05' });
    const siteId = await registeredSite(t, official, siteBody('D01/S05/C01'));
    await addedRoom(t, official, siteId, { name: 'S05 deliberation room', capacity: 40 });
    const housing = await person('housing-a', { roles: ['department'], jurisdiction: 'D01', department: 'housing' }, 'zh-CN');
    const admin = await t.token({ sub: 'd01-joint-office', roles: ['district-admin'], jurisdiction: 'D01' });
    const start = slotFromNow(5, 36).toISOString();
    const meeting = await t.api('POST', '/coordination/meetings', {
      token: admin,
      body: { title: 'Lifts of the old town', startsAt: start, endsAt: slotFromNow(5, 44).toISOString(), hostStreet: 'D01/S05', members: { departments: ['housing'], streets: ['D01/S05'] }, agenda: ['Lifts'] },
    });
    expect(meeting.status).toBe(201);
    const [invitation] = await waitFor('the invitation to official-s05', async () => {
      const mails = (await mailsTo('official-s05@example.org')).filter((m) => m.subject.startsWith('Joint meeting'));
      return mails.length > 0 ? mails : undefined;
    });
    expect(invitation!.text).toContain('S05 deliberation room');
    const ics = invitation!.attachments.find((a) => a.content.includes('BEGIN:VCALENDAR'));
    expect(ics?.content).toContain(`UID:meeting-${meeting.body.id}@five-haves`);
    expect(ics?.content).toContain('METHOD:REQUEST');
    expect(ics?.content).toContain('LOCATION:S05 deliberation room');
    await waitFor('the invitation to housing-a', async () => ((await mailsTo('housing-a@example.org')).some((m) => m.subject.startsWith('联席会议')) ? true : undefined));
    await drained(t);
    expect((await mailsTo('official-s05@example.org')).filter((m) => m.subject.startsWith('Joint meeting'))).toHaveLength(1);
    const inbox = (await t.api('GET', '/notifications/me', { token: housing })).body.items;
    expect(inbox.filter((n: { kind: string }) => n.kind === 'meeting-convened')).toHaveLength(1);
  });

  it('the street committee is told when a consent case opens, and reminded once 3 working days before its deadline', async () => {
    await person('committee-s03', { roles: ['street-committee'], jurisdiction: 'D01/S03' });
    const committee = await t.token({ sub: 'committee-s03', roles: ['street-committee'], jurisdiction: 'D01/S03' });
    const department = await t.token({ sub: 'nominating-dept', roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
    const nominated = await t.api('POST', '/recruitment/appointments', { token: department, body: nomination });
    expect(nominated.status).toBe(202);
    const consentCase = await consentCaseFor(t, committee, nominated.body.id);
    await waitFor('the consent e-mail', async () => ((await mailsTo('committee-s03@example.org')).some((m) => m.subject.startsWith('To decide')) ? true : undefined));
    await drained(t);
    // 3 working days before the deadline, at 09:00 China time.
    const dueBy = new Date(consentCase.dueBy);
    const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCDay();
    let reminderDay = new Date(Date.parse(`${new Date(dueBy.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T09:00:00+08:00`));
    for (let left = 3; left > 0; ) {
      reminderDay = new Date(reminderDay.getTime() - 86_400_000);
      if (day(reminderDay) !== 0 && day(reminderDay) !== 6) left -= 1;
    }
    const reminders = () => mailsTo('committee-s03@example.org').then((m) => m.filter((x) => x.subject.startsWith('Reminder: a consent case')));
    await t.cloud.runSchedule('reminders', { time: new Date(reminderDay.getTime() - 60_000) });
    expect(await reminders()).toHaveLength(0);
    await t.cloud.runSchedule('reminders', { time: new Date(reminderDay.getTime() + 60_000) });
    await t.cloud.runSchedule('reminders', { time: new Date(reminderDay.getTime() + 5 * 60_000) });
    expect(await reminders()).toHaveLength(1);
  });
});
