import type { TokenClaims } from './issuer.ts';
import { waitFor } from './wait.ts';

/**
 * A believable district to look at: Qingshan District (D01, kernel/places.ts) with a few weeks of
 * work behind it, made **through the API** with real signed tokens of the local issuer, so every
 * rule of the services holds (a position publishes within the plan, an application is screened at
 * once, a hire comes from a ranked close, money never overdraws a pool, …).
 *
 * Time: the runtime's gateway clock (the time it stamps on each request, the handlers' "now") starts
 * `DEMO_SPAN_DAYS` in the past and the fill moves it forward, never back, to the present as the
 * weeks of work happen: windows open and close, deadlines pass, and nothing sleeps. Deterministic
 * from `seed` (names, scores, households and which application fails which rule); ids are the
 * services' own.
 */
export const DEMO_SPAN_DAYS = 40;
const DAY = 86_400_000;
const MINUTE = 60_000;

/** A clock that starts behind the machine's and is only ever moved forward, up to the machine's. */
export class DemoClock {
  private offsetMs: number;
  constructor(startOffsetMs = -DEMO_SPAN_DAYS * DAY) {
    this.offsetMs = startOffsetMs;
  }
  readonly now = (): number => Date.now() + this.offsetMs;
  /** Moves the clock forward to `daysAgo` days before the machine's time (0: the machine's). */
  moveTo(daysAgo: number): void {
    const offset = -daysAgo * DAY;
    if (offset < this.offsetMs) throw new Error('the demo clock only moves forward');
    this.offsetMs = offset;
  }
  /** The clock as the machine's from now on (a refused fill leaves the platform on real time). */
  release(): void {
    this.offsetMs = Math.max(this.offsetMs, 0);
  }
}

export interface DemoTarget {
  /** The runtime's base URL, e.g. http://localhost:3000. */
  base: string;
  sign(claims: TokenClaims): Promise<string>;
  clock: DemoClock;
  /** Runs a declared schedule as of a time (the runtime's `runSchedule`): the deadline check escalates overdue issues. */
  runSchedule(name: string, options: { time: Date }): Promise<unknown>;
  log?: (line: string) => void;
}

export interface DemoSummary {
  year: number;
  positions: Record<string, number>;
  applications: Record<string, number>;
  staff: number;
  secondments: Record<string, number>;
  budgets: number;
  pools: number;
  allocations: number;
  projects: Record<string, number>;
  sites: number;
  communities: Record<string, number>;
  rooms: number;
  bookings: number;
  powers: number;
  delegations: Record<string, number>;
  consents: Record<string, number>;
  evaluations: number;
  assessments: Record<string, number>;
  issues: Record<string, number>;
  escalated: number;
  meetings: number;
  decisions: number;
  fundingRequests: Record<string, number>;
  accessItems: number;
  workItems: number;
}

/** The platform's answer to one call. */
interface Answer {
  status: number;
  body: any;
}

export class DemoRefused extends Error {}

/** Deterministic choices from a seed (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['敏', '伟', '芳', '娜', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '桂英', '文博', '思远', '雨桐', '子涵', '浩然'];

const CHINA_OFFSET = 8 * 3_600_000;
/** A calendar day in China time. */
const chinaDay = (epoch: number) => new Date(epoch + CHINA_OFFSET).toISOString().slice(0, 10);
/** The next quarter hour at or after `epoch` + `days` days, at `hour`:00 China time that day. */
const chinaAt = (epoch: number, days: number, hour: number, minute = 0) => {
  const day = chinaDay(epoch + days * DAY);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
};

/**
 * Fills the district. Refuses (DemoRefused) when the data already holds a plan for the district's
 * year: the demo is for a fresh data folder, and a second fill would double every list.
 */
export async function fillDemoDistrict(target: DemoTarget, options: { seed?: number } = {}): Promise<DemoSummary> {
  const rng = random(options.seed ?? 20);
  const log = target.log ?? (() => undefined);
  const { clock } = target;
  const tokens = new Map<string, Promise<string>>();
  const token = (claims: TokenClaims) => {
    const key = JSON.stringify(claims);
    if (!tokens.has(key)) tokens.set(key, target.sign({ ...claims }));
    return tokens.get(key)!;
  };
  // The seeded accounts' subjects (infra/local/sign-in/accounts.ts), so what they did is theirs.
  const org: TokenClaims = { sub: 'organization-dept-d01', roles: ['organization-dept'], jurisdiction: 'D01' };
  const finance: TokenClaims = { sub: 'finance-d01', roles: ['finance'], jurisdiction: 'D01' };
  const admin: TokenClaims = { sub: 'district-admin-d01', roles: ['district-admin'], jurisdiction: 'D01' };
  const official = (street: string): TokenClaims => ({
    sub: street === 'D01/S03' ? 'street-official-d01-s03' : street === 'D01/S01' ? 'street-official-d01-s01' : `street-official-${street.replace('/', '-').toLowerCase()}`,
    roles: ['street-official'],
    jurisdiction: street,
  });
  const committee = (street: string): TokenClaims => ({
    sub: street === 'D01/S03' ? 'street-committee-d01-s03' : `street-committee-${street.replace('/', '-').toLowerCase()}`,
    roles: ['street-committee'],
    jurisdiction: street,
  });
  const department = (slug: string): TokenClaims => ({ sub: `department-${slug}`, roles: ['department'], jurisdiction: 'D01', department: slug });
  const worker = (community: string): TokenClaims => ({
    sub: community === 'D01/S03/C07' ? 'community-worker-d01-s03-c07' : `community-worker-${community.replaceAll('/', '-').toLowerCase()}`,
    roles: ['community-worker'],
    jurisdiction: community,
  });
  const resident = (sub: string, community = 'D01/S03/C07'): TokenClaims => ({ sub, roles: ['resident'], jurisdiction: community });

  async function call(method: string, path: string, claims: TokenClaims | undefined, body?: unknown): Promise<Answer> {
    const response = await fetch(target.base + path, {
      method,
      headers: {
        ...(claims ? { authorization: `Bearer ${await token(claims)}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }
  async function must(what: string, method: string, path: string, claims: TokenClaims | undefined, body?: unknown, ...statuses: number[]) {
    const answer = await call(method, path, claims, body);
    const wanted = statuses.length ? statuses : [200, 201, 202];
    if (!wanted.includes(answer.status)) throw new Error(`demo: ${what}: ${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitFor(what, probe, { timeoutMs: 180_000, intervalMs: 50 });
  const iso = (epoch: number) => new Date(epoch).toISOString();
  const name = () => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;

  const year = new Date(clock.now() + CHINA_OFFSET).getUTCFullYear();
  const existing = await call('GET', `/recruitment/plans/D01/${year}`, org);
  if (existing.status === 200) {
    throw new DemoRefused(
      `the data already holds district D01's plan for ${year}: the demo fills a fresh data folder only (start with --in-memory, or --data-dir on an empty folder)`,
    );
  }
  if (existing.status !== 404) throw new Error(`demo: could not read the plan: ${existing.status} ${JSON.stringify(existing.body)}`);

  const S = ['D01/S01', 'D01/S02', 'D01/S03', 'D01/S04'];
  const counts = {
    issues: { open: 0, acknowledged: 0, resolved: 0, rated: 0 } as Record<string, number>,
  };

  // ── Day −40: the year's plan, the power catalog and its delegations, budgets and pools, premises. ──
  log('demo: the plan, powers, budgets, pools and premises (40 days ago)');
  await must('plan', 'POST', '/recruitment/plans', org, {
    year,
    district: 'D01',
    streets: [
      { street: 'D01/S01', posts: 12, reserved: 3 },
      { street: 'D01/S02', posts: 8, reserved: 2 },
      { street: 'D01/S03', posts: 16, reserved: 4 },
      { street: 'D01/S04', posts: 10, reserved: 4 },
    ],
  });

  const POWERS = [
    ['QS-ZF-001', '占道经营行为的行政处罚', 'law-enforcement', '《城市市容和环境卫生管理条例》第三十六条', 'urban-management'],
    ['QS-ZF-002', '违法建设的制止与查处', 'law-enforcement', '《城乡规划法》第六十五条', 'urban-management'],
    ['QS-SC-001', '食品摊贩登记与日常检查', 'market-supervision', '《食品安全法》第三十六条', 'market-supervision'],
    ['QS-SC-002', '小餐饮店备案', 'market-supervision', '《湖北省食品小作坊小餐饮店小摊点管理条例》第十二条', 'market-supervision'],
    ['QS-SH-001', '社区矫正对象的日常管理', 'social-governance', '《社区矫正法》第九条', 'justice'],
    ['QS-SH-002', '居民委员会选举的指导', 'social-governance', '《城市居民委员会组织法》第二条', 'civil-affairs'],
    ['QS-BM-001', '高龄津贴申请的受理', 'convenience-services', '《老年人权益保障法》第三十三条', 'civil-affairs'],
    ['QS-BM-002', '居住证申领的受理', 'convenience-services', '《居住证暂行条例》第十条', 'public-security'],
  ] as const;
  for (const [code, powerName, domain, legalBasis, fromDepartment] of POWERS) {
    await must('power', 'POST', '/authority/powers', admin, { code, name: powerName, domain, legalBasis, fromDepartment });
  }
  const delegate = async (decisionRef: string, effectiveOn: string, codes: string[], streets: string[]) => {
    const accepted = await must('delegation', 'POST', '/authority/delegations', admin, { decisionRef, effectiveOn, codes, streets });
    return accepted.id as string;
  };
  const startDay = chinaDay(clock.now());
  const delegations = [
    await delegate(`青政〔${year}〕17号`, startDay, ['QS-ZF-001', 'QS-SC-001', 'QS-BM-001', 'QS-SH-002'], S),
    await delegate(`青政〔${year}〕21号`, startDay, ['QS-ZF-002', 'QS-SC-002'], ['D01/S03', 'D01/S04']),
    await delegate(`青政〔${year}〕22号`, startDay, ['QS-SH-001'], ['D01/S01']),
  ];
  for (const id of delegations) {
    await until(`delegation ${id} in force`, async () => ((await call('GET', `/authority/delegations/${id}`, admin)).body.status === 'in-force' ? true : undefined));
  }

  const budgetIds: Record<string, string> = {};
  for (const [i, street] of S.entries()) {
    const scale = [9, 6, 12, 7][i]!;
    const budget = await must('budget', 'POST', '/funding/budgets', finance, {
      street,
      year,
      categories: {
        personnel: scale * 1_000_000_00,
        operations: scale * 200_000_00,
        'resident-services': scale * 300_000_00,
        'capital-projects': scale * 1_000_000_00,
      },
    });
    budgetIds[street] = budget.id as string;
  }
  await must('budget adjustment', 'POST', `/funding/budgets/${budgetIds['D01/S03']}/adjustments`, finance, {
    category: 'operations',
    deltaFen: -250_000_00,
    reason: `年中预算调整，区财政局决定 青财〔${year}〕9号`,
  });
  const pools: Record<string, string> = {};
  for (const [street, poolName, lines] of [
    ['D01/S03', '南山街道社区惠民资金池', [['老年助餐', 'civil-affairs', 600_000_00], ['老旧小区加装电梯', 'housing', 800_000_00], ['社区环境整治', 'sanitation', 400_000_00]]],
    ['D01/S01', '东湖街道社区惠民资金池', [['老年助餐', 'civil-affairs', 300_000_00], ['背街小巷整治', 'urban-management', 500_000_00]]],
    ['D01/S04', '北桥镇乡村振兴资金池', [['村湾环境整治', 'agriculture', 700_000_00]]],
  ] as const) {
    const pool = await must('pool', 'POST', '/funding/pools', finance, {
      street,
      year,
      name: poolName,
      lines: lines.map(([program, dept, amountFen]) => ({ program, department: dept, amountFen })),
    });
    pools[street] = pool.id as string;
  }

  // Sites: most communities meet the national standard, some fail it (too small, too little for residents).
  const SITES: Array<{ community: string; households: number; area: number; activity: number; tenure: string; address: string }> = [];
  const streetsWithSites: Record<string, string[]> = {
    'D01/S03': ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07'],
    'D01/S01': ['C01', 'C02', 'C03'],
    'D01/S04': ['C01', 'C02'],
  };
  const failing = new Set(['D01/S03/C02', 'D01/S03/C05', 'D01/S01/C03']);
  const ROADS = ['和平大道', '建设一路', '友谊大道', '工人村路', '冶金大道', '青山路', '红钢城大街'];
  for (const [street, cs] of Object.entries(streetsWithSites)) {
    for (const c of cs) {
      const community = `${street}/${c}`;
      const households = rng.int(12, 30) * 100;
      const required = (households / 100) * 30;
      const fails = failing.has(community);
      const area = fails ? Math.round(required * 0.6) : Math.max(600, Math.round(required * 1.2)) + rng.int(0, 10) * 10;
      const activity = fails ? Math.round(area * 0.45) : Math.round(area * 0.65);
      SITES.push({ community, households, area, activity, tenure: rng.pick(['owned', 'allocated', 'owned']), address: `${rng.pick(ROADS)}${rng.int(1, 999)}号` });
    }
  }
  const siteOf: Record<string, string> = {};
  for (const site of SITES) {
    const street = site.community.split('/').slice(0, 2).join('/');
    await must('households', 'POST', `/premises/communities/${site.community.replaceAll('/', '-')}/households`, official(street), { households: site.households });
    const created = await must('site', 'POST', '/premises/sites', worker(site.community), {
      community: site.community,
      address: site.address,
      areaM2: site.area,
      residentActivityAreaM2: site.activity,
      tenure: site.tenure,
      uses: ['office', 'service', 'resident-activity', 'meeting'],
    });
    siteOf[site.community] = created.site.id as string;
  }
  const rooms: Record<string, string> = {};
  for (const [community, roomName, capacity, bookable] of [
    ['D01/S03/C07', '议事厅', 40, 'public'],
    ['D01/S03/C07', '党群活动室', 20, 'staff'],
    ['D01/S03/C01', '居民议事室', 24, 'public'],
    ['D01/S03/C04', '多功能厅', 80, 'public'],
    ['D01/S01/C02', '樱园议事厅', 30, 'public'],
  ] as const) {
    const room = await must('room', 'POST', `/premises/sites/${siteOf[community]}/rooms`, worker(community), { name: roomName, capacity, bookable });
    rooms[`${community} ${roomName}`] = room.id as string;
  }

  // Positions: one that will be filled, two open now, two drafts; applicants in every state.
  log('demo: positions and applications');
  const eligibility = { sourcePools: ['village-cadre', 'community-worker'], minYearsOfService: 3, maxAge: 35, minEducation: 'vocational-college' };
  const draft = async (title: string, street: string, kind: string, quota: number, opensAt: number, closesAt: number, extra: Record<string, unknown> = {}) => {
    const answer = await must('position', 'POST', '/recruitment/positions', org, {
        title,
        description: '负责社区事务的协调与服务，联系居民、组织议事。\n岗位要求：熟悉基层工作，善于沟通。',
        street,
        kind,
        quota,
        eligibility,
        opensAt: iso(opensAt),
        closesAt: iso(closesAt),
        year,
        ...extra,
      });
    return answer.id as string;
  };
  const now0 = clock.now();
  const filled = await draft('南山街道社区事务专干', 'D01/S03', 'career-establishment', 3, now0, now0 + 20 * DAY);
  const openS03 = await draft('南山街道网格员', 'D01/S03', 'community-worker', 2, now0, Date.now() + 25 * DAY);
  const openS01 = await draft('东湖街道综合执法辅助岗', 'D01/S01', 'civil-servant', 1, now0, Date.now() + 18 * DAY, {
    eligibility: { sourcePools: ['village-cadre', 'community-worker', 'public-institution'], minYearsOfService: 2, maxAge: 40, minEducation: 'bachelor' },
  });
  await draft('北桥镇乡村振兴专干', 'D01/S04', 'career-establishment', 2, Date.now() + 5 * DAY, Date.now() + 35 * DAY);
  // Left as drafts for the organization department to publish: S04's and one of S03's.
  await draft('南山街道退役军人服务站专干', 'D01/S03', 'community-worker', 1, Date.now() + 3 * DAY, Date.now() + 30 * DAY);
  for (const id of [filled, openS03, openS01]) await must('publish', 'POST', `/recruitment/positions/${id}/publish`, org);

  const birthYear = () => year - rng.int(24, 33);
  const fitting = () => ({
    birthDate: `${birthYear()}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    education: rng.pick(['bachelor', 'vocational-college', 'master']),
    currentRole: rng.pick(['village-cadre', 'community-worker']),
    yearsOfService: rng.int(3, 9),
  });
  const unfit = () => ({
    birthDate: `${year - rng.int(36, 45)}-03-15`,
    education: 'senior-secondary',
    currentRole: 'other',
    yearsOfService: rng.int(0, 2),
  });
  let applicant = 0;
  const apply = async (positionId: string, profile: Record<string, unknown>) => {
    applicant += 1;
    const sub = `demo-resident-${String(applicant).padStart(3, '0')}`;
    const community = rng.pick(['D01/S03/C01', 'D01/S03/C07', 'D01/S01/C02', 'D01/S03/C04']);
    const answer = await must('application', 'POST', `/recruitment/positions/${positionId}/applications`, resident(sub, community), { name: name(), profile });
    return answer.id as string;
  };
  const filledApps = {
    eligible: [await apply(filled, fitting()), await apply(filled, fitting()), await apply(filled, fitting()), await apply(filled, fitting()), await apply(filled, fitting())],
    ineligible: [await apply(filled, unfit()), await apply(filled, unfit())],
  };
  const openApps = {
    eligible: [await apply(openS03, fitting()), await apply(openS03, fitting()), await apply(openS03, fitting())],
    ineligible: [await apply(openS03, unfit())],
  };
  await apply(openS01, { ...fitting(), education: 'bachelor' });
  await apply(openS01, unfit());

  // Consent cases: departments nominate heads of their stations (15 working days to decide).
  log('demo: nominations, evaluations');
  const nominate = (dept: string, street: string, agency: string, nominee: string) =>
    must('appointment', 'POST', '/recruitment/appointments', department(dept), {
      street,
      agency,
      nominee: { name: nominee },
      reason: '原负责人到龄退休；被提名人在本站工作多年，熟悉辖区情况。',
    });
  const nominations = [
    await nominate('market-supervision', 'D01/S03', '南山市场监管所', name()),
    await nominate('sanitation', 'D01/S01', '东湖环卫所', name()),
  ];

  // ── Day −25: more nominations; the committee decides one in time. ──
  clock.moveTo(25);
  nominations.push(await nominate('sanitation', 'D01/S03', '南山环卫所', name()));
  const caseOf = (appointmentId: string, street: string) =>
    until(`the consent case of ${appointmentId}`, async () => {
      const a = await call('GET', `/recruitment/appointments/${appointmentId}`, department('market-supervision'));
      if (a.body.consentCaseId) return a.body.consentCaseId as string;
      const list = await call('GET', `/authority/consents?status=pending&street=${street}&limit=100`, committee(street));
      return (list.body.items as any[] | undefined)?.find((c) => c.appointmentId === appointmentId)?.id as string | undefined;
    });
  const grantedCase = await caseOf(nominations[0].id, 'D01/S03');
  await must('consent', 'POST', `/authority/consents/${grantedCase}/decision`, committee('D01/S03'), {
    decision: 'granted',
    writtenOpinion: '街道党工委会议研究，同意该同志任南山市场监管所所长。',
  });
  const evaluation = await must('evaluation', 'POST', '/authority/evaluations', department('market-supervision'), {
    title: `${year}年度派驻市场监管所考核`,
    period: String(year),
    units: [
      { street: 'D01/S03', name: '南山市场监管所' },
      { street: 'D01/S01', name: '东湖市场监管所' },
    ],
  });
  await until('the opinion request of S03', async () => {
    const list = await call('GET', '/authority/opinion-requests?status=waiting', committee('D01/S03'));
    return (list.body.items as any[] | undefined)?.find((r) => r.evaluationId === evaluation.id || r.id === evaluation.id) ? true : undefined;
  });
  await must('opinion', 'POST', `/authority/evaluations/${evaluation.id}/opinions`, committee('D01/S03'), {
    rating: 'good',
    text: '响应居民诉求及时，周末值守力量偏弱。',
  });
  await must('evaluation', 'POST', '/authority/evaluations', department('sanitation'), {
    title: `${year}年上半年环卫所考核`,
    period: `${year}-H2`,
    units: [{ street: 'D01/S03', name: '南山环卫所' }],
  });

  // ── Day −18: the filled position closed (past its window): scored, ranked, hired. ──
  clock.moveTo(18);
  log('demo: scoring and closing, the roster and secondments (18 days ago)');
  for (const id of [...filledApps.eligible]) await must('score', 'POST', `/recruitment/applications/${id}/score`, org, { score: rng.int(62, 95) });
  for (const id of openApps.eligible.slice(0, 2)) await must('score', 'POST', `/recruitment/applications/${id}/score`, org, { score: rng.int(62, 95) });
  await must('close', 'POST', `/recruitment/positions/${filled}/close`, org);
  const roster = await until('the hires on the roster', async () => {
    const list = await call('GET', '/recruitment/staff?street=D01/S03&limit=100', official('D01/S03'));
    const items = (list.body.items ?? []) as any[];
    return items.length >= 3 ? items : undefined;
  });
  const day = (days: number) => chinaDay(clock.now() + days * DAY);
  await must('secondment', 'POST', `/recruitment/staff/${roster[0].id}/secondments`, official('D01/S03'), {
    toUnit: '区民政局（专项督查）',
    startsOn: day(1),
    endsOn: day(90),
    approvalRef: `青组〔${year}〕31号`,
  });
  await must('secondment', 'POST', `/recruitment/staff/${roster[1].id}/secondments`, official('D01/S03'), {
    toUnit: '区城管局（创文迎检）',
    startsOn: day(0),
    endsOn: day(60),
  });
  const recalled = await must('secondment', 'POST', `/recruitment/staff/${roster[2].id}/secondments`, official('D01/S03'), {
    toUnit: '区信访局',
    startsOn: day(0),
    endsOn: day(30),
  });

  // Money at work: allocations and disbursements from the pools; capital projects.
  const allocation = await must('allocation', 'POST', `/funding/pools/${pools['D01/S03']}/allocations`, official('D01/S03'), {
    amountFen: 250_000_00,
    purpose: '和平社区议事厅桌椅与投影设备',
    community: 'D01/S03/C07',
  });
  await must('disbursement', 'POST', `/funding/allocations/${allocation.id}/disbursements`, official('D01/S03'), { amountFen: 90_000_00, voucherRef: `S03-${year}-0001` });
  await must('allocation', 'POST', `/funding/pools/${pools['D01/S03']}/allocations`, official('D01/S03'), {
    amountFen: 180_000_00,
    purpose: '松林社区老年食堂设备',
    community: 'D01/S03/C01',
  });
  await must('allocation', 'POST', `/funding/pools/${pools['D01/S01']}/allocations`, official('D01/S01'), {
    amountFen: 120_000_00,
    purpose: '湖畔社区背街小巷照明',
    community: 'D01/S01/C01',
  });
  const project = async (street: string, category: string, title: string, milestones: Array<[string, number]>) =>
    (
      await must('project', 'POST', '/funding/projects', official(street), {
        street,
        year,
        category,
        title,
        budgetFen: milestones.reduce((sum, [, fen]) => sum + fen, 0),
        milestones: milestones.map(([milestone, amountFen]) => ({ name: milestone, amountFen })),
      })
    ).id as string;
  const drainage = await project('D01/S03', 'living-environment', '南山街道背街小巷排水改造', [['设计', 300_000_00], ['施工', 700_000_00]]);
  await must('approve', 'POST', `/funding/projects/${drainage}/approve`, finance);
  await must('delegate', 'POST', `/funding/projects/${drainage}/delegate`, finance);
  await must('milestone', 'POST', `/funding/projects/${drainage}/milestones/1/complete`, official('D01/S03'), { note: '设计方案通过评审' });
  const village = await project('D01/S04', 'rural-governance', '北桥镇村湾道路硬化', [['一期', 400_000_00], ['二期', 600_000_00]]);
  await must('approve', 'POST', `/funding/projects/${village}/approve`, finance);
  const incubator = await project('D01/S01', 'industrial-construction', '东湖街道小微企业孵化园改造', [['评估', 150_000_00], ['改造', 850_000_00]]);

  // ── Day −10: a secondment recalled; a delegation revoked from a date. ──
  clock.moveTo(10);
  await must('recall', 'POST', `/recruitment/secondments/${recalled.id}/end`, official('D01/S03'));
  await must('revoke', 'POST', `/authority/delegations/${delegations[2]}/revoke`, admin, {
    from: day(1),
    reason: `经区政府常务会议研究（青政〔${year}〕31号），该事项收回区司法局办理`,
  });

  // ── Day −3: whistles; some answered in time, some left to pass their deadlines. ──
  clock.moveTo(3);
  log('demo: whistles, their answers and escalations (3 days ago)');
  const company = await must('company', 'POST', '/coordination/property-companies', official('D01/S03'), {
    name: '青山宜居物业服务有限公司',
    communities: ['D01/S03/C07', 'D01/S03/C02'],
    contact: '027-8688 1234',
  });
  const whistle = async (by: TokenClaims, body: Record<string, unknown>) => (await must('issue', 'POST', '/coordination/issues', by, body)).id as string;
  const s03 = official('D01/S03');
  const resolvedRated = await whistle(s03, {
    category: 'community-construction',
    urgency: 'general',
    departments: ['sanitation'],
    description: '和平社区东门垃圾站满溢，气味大，居民多次反映。',
    location: '和平大道 188 号东门',
    community: 'D01/S03/C07',
  });
  const twoDepartments = await whistle(s03, {
    category: 'production-safety',
    urgency: 'utility',
    departments: ['market-supervision', 'sanitation'],
    description: '菜市场后巷液化气瓶堆放，存在安全隐患。',
    location: '建设一路菜市场后巷',
    community: 'D01/S03/C02',
  });
  const ignored = await whistle(s03, {
    category: 'property-management',
    urgency: 'emergency',
    departments: ['housing'],
    description: '翠竹社区 5 栋电梯困人后停运，物业未及时处置。',
    location: '翠竹社区 5 栋',
    community: 'D01/S03/C02',
    propertyCompanyId: company.id,
  });
  const slow = await whistle(worker('D01/S03/C07'), {
    category: 'community-construction',
    urgency: 'utility',
    departments: ['urban-management'],
    description: '和平社区南侧人行道路灯连续三晚不亮。',
    location: '和平大道南侧人行道',
    community: 'D01/S03/C07',
  });
  await whistle(official('D01/S01'), {
    category: 'other',
    urgency: 'complex',
    departments: ['housing', 'urban-management'],
    description: '樱园社区老旧小区屋面渗漏，需要统筹维修资金。',
    location: '樱园社区 12 栋至 15 栋',
    community: 'D01/S01/C02',
  });
  const dept = (slug: string) => department(slug);
  await must('acknowledge', 'POST', `/coordination/issues/${resolvedRated}/acknowledge`, dept('sanitation'));
  await must('acknowledge', 'POST', `/coordination/issues/${twoDepartments}/acknowledge`, dept('market-supervision'));
  await must('acknowledge', 'POST', `/coordination/issues/${twoDepartments}/acknowledge`, dept('sanitation'));
  await must('acknowledge', 'POST', `/coordination/issues/${slow}/acknowledge`, dept('urban-management'));
  clock.moveTo(2.5);
  await must('resolve', 'POST', `/coordination/issues/${resolvedRated}/resolve`, dept('sanitation'), { note: '已清运并增加每日清运一次。' });
  await must('resolve', 'POST', `/coordination/issues/${twoDepartments}/resolve`, dept('market-supervision'), { note: '已责令商户清理气瓶并签订承诺书。' });
  await must('rating', 'POST', `/coordination/issues/${resolvedRated}/rating`, s03, { department: 'sanitation', score: 5, comment: '处置及时。' });
  await must('rating', 'POST', `/coordination/issues/${twoDepartments}/rating`, s03, { department: 'market-supervision', score: 4 });

  // Work items the departments send down to communities: on the access list (accepted) or not (blocked).
  // ── Day −1: the deadline check escalates what was left; a joint meeting takes them up. ──
  clock.moveTo(1);
  log('demo: escalation, the joint meeting and its decisions (yesterday)');
  log(`demo: deadline check ${JSON.stringify(await target.runSchedule('deadline-check', { time: new Date(clock.now()) }))}`);
  const escalated = await until('the escalated issues', async () => {
    const items = (
      await Promise.all(['open', 'acknowledged'].map((status) => call('GET', `/coordination/issues?street=D01/S03&status=${status}&limit=100`, s03)))
    ).flatMap((list) => (list.body.items ?? []) as any[]);
    const found = items.filter((i) => i.escalation);
    return found.length >= 2 ? found.length : undefined;
  });
  const meetingStart = chinaAt(Date.now(), 2, 9, 30).getTime();
  const meeting = await must('meeting', 'POST', '/coordination/meetings', admin, {
    title: `青山区${year}年第四季度联席会议`,
    startsAt: iso(meetingStart),
    endsAt: iso(meetingStart + 2 * 3_600_000),
    hostStreet: 'D01/S03',
    members: { departments: ['housing', 'sanitation', 'market-supervision', 'urban-management', 'civil-affairs'], streets: ['D01/S03', 'D01/S01'] },
    agenda: ['翠竹社区电梯安全隐患', '背街小巷照明与排水', '老年助餐点布局'],
    attendees: 18,
  });
  const decide = (body: Record<string, unknown>) => must('decision', 'POST', `/coordination/meetings/${meeting.id}/decisions`, admin, body);
  const decisions = [
    await decide({ title: '翠竹社区 5 栋电梯限期更换', ownerDepartment: 'housing', deadline: day(30), street: 'D01/S03', fundingFen: 380_000_00, purpose: '翠竹社区 5 栋电梯更换' }),
    await decide({ title: '和平社区人行道路灯改造', ownerDepartment: 'urban-management', deadline: day(20), street: 'D01/S03', fundingFen: 90_000_00, purpose: '和平社区南侧路灯改造' }),
    await decide({ title: '樱园社区屋面维修资金统筹', ownerDepartment: 'housing', deadline: day(45), street: 'D01/S01', fundingFen: 2_000_000_00, purpose: '樱园社区屋面维修' }),
    await decide({ title: '高龄津贴资格核查纳入社区准入清单', ownerDepartment: 'civil-affairs', deadline: day(60) }),
    await decide({ title: '小餐饮店备案材料进社区代收', ownerDepartment: 'market-supervision', deadline: day(40) }),
  ];
  await must('access item', 'POST', '/coordination/access-list/items', admin, {
    code: `QS-ZR-${year}-01`,
    title: '老年人高龄津贴资格核查',
    description: '每季度核查一次辖区内高龄老人的津贴发放资格。',
    departments: ['civil-affairs'],
    decisionId: decisions[3].id,
  });
  await must('access item', 'POST', '/coordination/access-list/items', admin, {
    code: `QS-ZR-${year}-02`,
    title: '小餐饮店备案材料代收',
    description: '社区代收小餐饮店备案材料，三个工作日内转交市场监管所。',
    departments: ['market-supervision'],
    decisionId: decisions[4].id,
  });
  let workItems = 0;
  for (const [slug, code, community, title] of [
    ['civil-affairs', `QS-ZR-${year}-01`, 'D01/S03/C07', '第四季度高龄津贴资格核查'],
    ['market-supervision', `QS-ZR-${year}-02`, 'D01/S03/C07', '代收小餐饮店备案材料'],
    ['housing', 'HS-TEMP-07', 'D01/S03/C07', '填报辖区房屋安全隐患台账'],
    ['public-security', 'GA-TEMP-12', 'D01/S03/C01', '入户采集流动人口信息'],
    // Market supervision's console: one that reached the community, one not on the list, one on it for another department.
    ['market-supervision', 'SC-TEMP-03', 'D01/S03/C05', '协助清查无照经营户'],
    ['market-supervision', `QS-ZR-${year}-01`, 'D01/S01/C02', '代为核查高龄津贴资格'],
  ] as const) {
    await must('work item', 'POST', '/coordination/work-items', dept(slug), {
      code,
      community,
      title,
      description: `${title}，请按要求完成。`,
      dueOn: day(14),
    }, 201, 422); // not on the access list: blocked, and the community never sees it
    workItems += 1;
  }
  // A remediation plan for a failing community, with the money it asks.
  await must('remediation', 'POST', `/premises/communities/D01-S03-C02/remediation`, s03, {
    plan: '租用翠竹社区 3 栋底层商铺 200 平方米作为居民活动用房，并调整现有用房用途。',
    dueBy: day(120),
    amountFen: 240_000_00,
    purpose: '租用居民活动用房（首年租金）',
  });
  await must('remediation', 'POST', `/premises/communities/D01-S01-C03/remediation`, official('D01/S01'), {
    plan: '与辖区学校协商共享 150 平方米活动用房。',
    dueBy: day(90),
  });

  // The double assessment of staff the departments station in 南山街道, last half-year: the departments
  // have given their side of three (the committee's is due), the committee has given its side of one
  // the department has not, and one is complete with its combined score.
  const half = `${year - (chinaDay(clock.now()).slice(5) < '07' ? 1 : 0)}-H${chinaDay(clock.now()).slice(5) < '07' ? 2 : 1}`;
  const stationed = [
    ['S03-MS-001', 'market-supervision', 'department'],
    ['S03-MS-002', 'market-supervision', 'department'],
    ['S03-SAN-001', 'sanitation', 'department'],
    ['S03-UM-001', 'urban-management', 'street'],
    ['S03-MS-003', 'market-supervision', 'both'],
  ] as const;
  for (const [staffId, slug, sides] of stationed) {
    if (sides !== 'street') {
      await must('department assessment', 'POST', '/authority/department-assessments', department(slug), {
        staffId,
        street: 'D01/S03',
        period: half,
        score: rng.int(70, 95),
        comment: '完成派驻任务，业务考核合格。',
      });
    }
    if (sides !== 'department') {
      await must('street assessment', 'POST', '/authority/assessments', committee('D01/S03'), {
        staffId,
        department: slug,
        period: half,
        score: rng.int(70, 95),
        comment: '参加街道中心工作积极，群众评价好。',
      });
    }
  }

  // ── Today: finance answers some requests; the newest whistles run their clocks; rooms are booked. ──
  clock.moveTo(0);
  log('demo: today: funding decisions, new whistles, bookings');
  const requests = await until('the funding requests', async () => {
    const list = await call('GET', '/funding/requests?status=open&limit=100', finance);
    const items = (list.body.items ?? []) as any[];
    return items.length >= 4 ? items : undefined;
  });
  const requestFor = (ref: string) => requests.find((r) => r.ref === ref);
  const lights = requestFor(decisions[1].id);
  if (lights) await must('approve request', 'POST', `/funding/requests/${lights.id}/decision`, finance, { decision: 'approve', poolId: pools['D01/S03'] });
  const roofs = requestFor(decisions[2].id);
  if (roofs) {
    await must('decline request', 'POST', `/funding/requests/${roofs.id}/decision`, finance, {
      decision: 'decline',
      reason: '金额超出东湖街道资金池余额，请申请区级老旧小区改造专项资金。',
    });
  }
  await whistle(s03, {
    category: 'property-management',
    urgency: 'emergency',
    departments: ['housing'],
    description: '松林社区 2 栋地下室进水，业主反映物业排水泵故障。',
    location: '松林社区 2 栋地下室',
    community: 'D01/S03/C01',
  });
  const acknowledgedNow = await whistle(s03, {
    category: 'production-safety',
    urgency: 'utility',
    departments: ['market-supervision'],
    description: '学校周边流动摊贩售卖"三无"食品。',
    location: '书院社区小学门口',
    community: 'D01/S03/C06',
  });
  await must('acknowledge', 'POST', `/coordination/issues/${acknowledgedNow}/acknowledge`, dept('market-supervision'));
  await whistle(worker('D01/S03/C07'), {
    category: 'community-construction',
    urgency: 'general',
    departments: ['sanitation', 'urban-management'],
    description: '和平社区小广场健身器材损坏，存在伤人风险。',
    location: '和平社区小广场',
    community: 'D01/S03/C07',
  });
  let bookings = 0;
  for (const [key, days, hour, purpose, attendees] of [
    ['D01/S03/C07 议事厅', 1, 14, '居民议事会：加装电梯意见征集', 30],
    ['D01/S03/C07 议事厅', 3, 9, '社区党支部主题党日', 25],
    ['D01/S03/C01 居民议事室', 2, 19, '业主委员会例会', 12],
    ['D01/S03/C04 多功能厅', 4, 15, '老年大学书法课', 40],
    ['D01/S01/C02 樱园议事厅', 1, 10, '屋面维修居民协商会', 20],
  ] as const) {
    const startsAt = chinaAt(Date.now(), days, hour);
    const booker = resident(`demo-resident-${String(bookings + 1).padStart(3, '0')}`, key.startsWith('D01/S01') ? 'D01/S01/C02' : 'D01/S03/C07');
    await must('booking', 'POST', `/premises/rooms/${rooms[key]}/bookings`, booker, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * MINUTE).toISOString(),
      purpose,
      attendees,
    });
    bookings += 1;
  }
  await until('the meeting venue', async () => ((await call('GET', `/coordination/meetings/${meeting.id}`, admin)).body.venue?.status !== 'requested' ? true : undefined));

  // The summary, read back from the API.
  return summarize();

  async function listAll(path: string, claims: TokenClaims): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await must('list', 'GET', `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, claims);
      items.push(...(page.items as any[]));
      cursor = page.cursor ?? page.nextCursor;
    } while (cursor);
    return items;
  }
  function tally(items: any[], key: (item: any) => string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
    return out;
  }
  async function summarize(): Promise<DemoSummary> {
    const positions = (
      await Promise.all(S.flatMap((street) => ['published', 'closed', 'filled'].map((status) => listAll(`/recruitment/positions?street=${street}&status=${status}`, org))))
    ).flat();
    // A draft is on no public list: the office's list of each street's drafts.
    const drafts = (await Promise.all(S.map((street) => listAll(`/recruitment/streets/${street.replace('/', '-')}/draft-positions`, org)))).flat();
    const allPositions = [...new Map([...positions, ...drafts].map((p) => [p.id, p])).values()];
    const applications = (await Promise.all([filled, openS03, openS01].map((id) => listAll(`/recruitment/positions/${id}/applications`, org)))).flat();
    const staff = await listAll('/recruitment/staff?street=D01/S03', official('D01/S03'));
    const secondments = (await Promise.all(['active', 'flagged', 'ended'].map((status) => listAll(`/recruitment/secondments?status=${status}&street=D01/S03`, org)))).flat();
    const issues = (
      await Promise.all(S.flatMap((street) => ['open', 'acknowledged', 'resolved'].map((status) => listAll(`/coordination/issues?street=${street}&status=${status}`, admin))))
    ).flat();
    const consents = (await Promise.all(['D01/S03', 'D01/S01'].map((street) => Promise.all(['pending', 'granted', 'refused'].map((status) => listAll(`/authority/consents?street=${street}&status=${status}`, admin)))))).flat(2);
    const allDelegations = await listAll('/authority/delegations', admin);
    const compliance = (await Promise.all(['failing', 'compliant', 'unassessed'].map((status) => listAll(`/premises/compliance?status=${status}`, admin)))).flat();
    const requestsNow = (await Promise.all(['open', 'approved', 'declined'].map((status) => listAll(`/funding/requests?status=${status}`, finance)))).flat();
    const accessList = await listAll('/coordination/access-list?district=D01', admin);
    const projects = await Promise.all(
      [drainage, village, incubator].map(async (id) => must('project', 'GET', `/funding/projects/${id}`, id === village ? official('D01/S04') : official(id === drainage ? 'D01/S03' : 'D01/S01'))),
    );
    const allocations = (await Promise.all(Object.values(pools).map((id) => listAll(`/funding/pools/${id}/allocations`, finance)))).flat();
    const assessments = (
      await Promise.all(['awaiting-street', 'awaiting-department', 'complete'].map((status) => listAll(`/authority/streets/D01-S03/assessments?status=${status}`, committee('D01/S03'))))
    ).flat();
    return {
      year,
      positions: tally(allPositions, (p) => p.status),
      applications: tally(applications, (a) => a.status),
      staff: staff.length,
      secondments: tally(secondments, (s) => s.status),
      budgets: Object.keys(budgetIds).length,
      pools: Object.keys(pools).length,
      allocations: allocations.length,
      projects: tally(projects, (p) => p.status),
      sites: SITES.length,
      communities: tally(compliance, (c) => c.status),
      rooms: Object.keys(rooms).length,
      bookings,
      powers: POWERS.length,
      delegations: tally(allDelegations, (d) => d.status),
      consents: tally(consents, (c) => (c.status === 'pending' && c.overdue ? 'pending-overdue' : c.status)),
      evaluations: 2,
      assessments: tally(assessments, (a) => (a.byStreet && a.byDepartment ? 'complete' : a.byStreet ? 'awaiting-department' : 'awaiting-street')),
      issues: tally(issues, (i) => (i.status !== 'resolved' && i.overdue ? `${i.status}-overdue` : i.status)),
      escalated,
      meetings: 1,
      decisions: decisions.length,
      fundingRequests: tally(requestsNow, (r) => r.status),
      accessItems: accessList.length,
      workItems,
    };
  }
}
