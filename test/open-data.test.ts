import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busEventOf } from '../infra/local/bus.ts';
import { checkedRows, isPersonalField, type Dataset } from '../kernel/open-data.ts';
import { newEvent, type BusEvent, type EventDefinition } from '../kernel/events.ts';
import { Store } from '../kernel/store.ts';
import { IssueRaised, IssueRated, IssueAcknowledged } from '../contracts/coordination.ts';
import { handler } from '../services/coordination/handlers/events.ts';
import { WorkItemStore } from '../services/coordination/work-items/store.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { deliver } from './support/coordination.ts';
import { communityPath, premisesTokens, registeredSite, siteBody } from './support/premises.ts';

/**
 * Open data end to end: the services' daily export jobs (kernel/open-data.ts) write their datasets
 * with the real S3 client to the local S3-compatible server, and the gateway serves them at
 * `/open-data/`. The data is arranged to hold personal fields (names, subs, addresses, notes,
 * descriptions, comments); no dataset may carry one: every field is in its dictionary, none is on the
 * deny-list, and no value holds any of the planted personal strings.
 */
let t: TestCloud;
const PERSONAL = ['Zhang Wei', 'sub-secret-7', 'Private words of the street', 'Secret description of the item', 'Harmony Road 1', 'Blocked fire exit near flat 402'];

beforeAll(async () => {
  t = await startTestCloud({ scheduleTimers: false });
  // Premises: a site whose address is a person's home, and the households that assess the community.
  const as = await premisesTokens(t);
  await registeredSite(t, as.officialS03, siteBody('D01/S03/C07', { address: 'Zhang Wei, Harmony Road 1, flat 402' }));
  expect((await t.api('POST', `/premises/communities/${communityPath('D01/S03/C07')}/households`, { token: as.officialS03, body: { households: 1200 } })).status).toBe(200);
  // Coordination: issues with descriptions, a rating with a comment, an access-list item with a description and its approver.
  const at = new Date().toISOString();
  const ev = (d: EventDefinition, data: Record<string, unknown>): BusEvent =>
    busEventOf(newEvent(d, 'TEST', data, { correlationId: 'od', now: at, actor: { sub: 'sub-secret-7', roles: ['street-official'], jurisdiction: 'D01/S03' } }));
  const issue = { issueId: 'od-1', street: 'D01/S03', category: 'other', urgency: 'general' };
  await deliver(handler, [
    ev(IssueRaised, { ...issue, departments: ['housing'], description: 'Blocked fire exit near flat 402', location: 'Zhang Wei, Harmony Road 1', raisedAt: at, responseDueBy: at, resolutionDueBy: at }),
    ev(IssueAcknowledged, { ...issue, department: 'housing', late: false, acknowledgedAt: at }),
    ev(IssueRated, { ...issue, department: 'housing', score: 4, comment: 'Private words of the street', ratedAt: at }),
  ]);
  const table = new Store(t.cloud.tables.coordination!);
  await table.commit(
    new WorkItemStore(table).approvalCommit({
      item: { district: 'D01', code: 'OD-01', title: 'Survey of elderly residents', description: 'Secret description of the item', departments: ['housing'], decisionId: 'dec-od', approvedAt: at, approvedBy: 'sub-secret-7' },
      events: [],
    }),
  );
}, 120_000);
afterAll(() => t?.stop());

const get = async (path: string) => {
  const response = await fetch(`${t.cloud.url}/open-data/${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('open data', () => {
  it('each service exports its datasets by its schedule, and the index lists them with their dates', { timeout: 240_000 }, async () => {
    expect(await t.cloud.runSchedule('coordination/deadline-check')).toMatchObject({ datasets: 4 });
    // Once a day: a second run of the same day publishes nothing.
    expect(await t.cloud.runSchedule('coordination/deadline-check')).toMatchObject({ openData: 'published today already' });
    expect(await t.cloud.runSchedule('premises/open-data')).toMatchObject({ datasets: 1 });
    expect(await t.cloud.runSchedule('funding/open-data')).toMatchObject({ datasets: 2 });
    expect(await t.cloud.runSchedule('recruitment/secondment-check')).toMatchObject({ datasets: 1 });
    const index = await get('index.json');
    expect(index.status).toBe(200);
    expect(index.type).toBe('application/json');
    const { datasets } = JSON.parse(index.text) as { datasets: Array<Record<string, any>> };
    expect(datasets.map((d) => `${d.service}/${d.name}`).sort()).toEqual([
      'coordination/access-list',
      'coordination/rankings-departments',
      'coordination/rankings-streets',
      'coordination/street-holdings',
      'funding/street-budgets',
      'funding/street-pools',
      'premises/compliance-by-community',
      'recruitment/positions',
    ]);
    for (const d of datasets) expect(Date.parse(d.generatedAt)).not.toBeNaN();
    expect((await get('index.csv')).text.split('\n')[0]).toBe('service,name,title,rows,generatedAt,csv,json,dictionaryCsv,dictionaryJson');
    expect((await get('no-such-file.json')).status).toBe(404);
  });

  it('holds the arranged data: the community assessed, the access-list item, the issue in the rankings', async () => {
    const rows = async (file: string) => (JSON.parse((await get(file)).text) as { rows: Array<Record<string, any>> }).rows;
    expect(await rows('premises/compliance-by-community.json')).toEqual([expect.objectContaining({ community: 'D01/S03/C07', households: 1200, sites: 1 })]);
    expect(await rows('coordination/access-list.json')).toEqual([expect.objectContaining({ code: 'OD-01', title: 'Survey of elderly residents', departments: 'housing' })]);
    expect(await rows('coordination/rankings-departments.json')).toEqual(
      expect.arrayContaining([expect.objectContaining({ district: 'D01', subject: 'housing', received: 1, responses: 1, ratings: 1, satisfactionRate: 1 })]),
    );
    const holdings = await rows('coordination/street-holdings.json');
    expect(holdings.find((r) => r.street === 'D01/S03')).toMatchObject({ issuesRaised: 1, communitiesAssessed: 1 });
  });

  it('carries no personal field: every field is in its dictionary, none is personal, no planted personal value appears', async () => {
    const { datasets } = JSON.parse((await get('index.json')).text) as { datasets: Array<{ files: Record<string, string> }> };
    for (const { files } of datasets) {
      const dictionary = JSON.parse((await get(files.dictionaryJson!)).text) as { fields: Array<{ field: string; type: string; meaning: string }> };
      const names = dictionary.fields.map((f) => f.field);
      for (const f of dictionary.fields) {
        expect(isPersonalField(f.field), `${files.json}: ${f.field}`).toBe(false);
        expect(f.meaning.length).toBeGreaterThan(0);
      }
      const json = JSON.parse((await get(files.json!)).text) as { fields: string[]; rows: Array<Record<string, unknown>> };
      expect(json.fields).toEqual(names);
      for (const row of json.rows) expect(Object.keys(row)).toEqual(names);
      const csv = await get(files.csv!);
      expect(csv.type).toBe('text/csv; charset=utf-8');
      expect(csv.text.split('\n')[0]).toBe(names.join(','));
      expect((await get(files.dictionaryCsv!)).text.split('\n')[0]).toBe('field,type,nullable,meaning');
      for (const text of [csv.text, JSON.stringify(json.rows)]) for (const secret of PERSONAL) expect(text, `${files.json} holds "${secret}"`).not.toContain(secret);
    }
  });

  it('refuses to publish a row with a field its dictionary does not name, or a dataset that declares a personal field', () => {
    const dataset: Dataset = { name: 'x', title: 'x', description: 'x', fields: [{ name: 'street', type: 'string', meaning: 'x' }], rows: async () => [] };
    expect(() => checkedRows(dataset, [{ street: 'D01/S03', note: 'private' }])).toThrow(/not in its dictionary: note/);
    expect(() => checkedRows(dataset, [{ street: 3 }])).toThrow(/street = 3 is not string/);
    for (const name of ['name', 'applicantName', 'sub', 'decidedBy', 'note', 'description', 'comment', 'address', 'writtenOpinion']) {
      expect(() => checkedRows({ ...dataset, fields: [{ name, type: 'string', meaning: 'x' }] }, []), name).toThrow(/personal/);
    }
    expect(isPersonalField('subject')).toBe(false);
    expect(isPersonalField('households')).toBe(false);
  });
});
