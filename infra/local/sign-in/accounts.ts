import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ulid } from 'ulid';
import type { Role } from '../../../kernel/roles.ts';

/** An account of the local sign-in provider, with the claims Cognito would put in its ID token. */
export interface LocalAccount {
  sub: string;
  name: string;
  email: string;
  roles: Role[];
  jurisdiction: string;
  department?: string;
  /** A self-registered resident's `custom:community`, from which the pool's trigger makes their claims. */
  community?: string;
  /** Seeded with the runtime, or registered by a resident. */
  origin: 'seeded' | 'registered';
}

const seeded = (
  sub: string,
  name: string,
  roles: Role[],
  jurisdiction: string,
  department?: string,
): LocalAccount => ({
  sub,
  name,
  email: `${sub}@five-haves.local`,
  roles,
  jurisdiction,
  ...(department ? { department } : {}),
  origin: 'seeded',
});

/**
 * One account per role and place, as an administrator would have created them in the user pool
 * (the README lists them). Residents live in communities; officials in their street or district.
 */
export const SEEDED_ACCOUNTS: readonly LocalAccount[] = [
  seeded('resident-wang-fang', '王芳 Wang Fang', ['resident'], 'D01/S03/C07'),
  seeded('resident-li-qiang', '李强 Li Qiang', ['resident'], 'D01/S01/C02'),
  seeded('resident-zhao-min', '赵敏 Zhao Min', ['resident'], 'D01/S03/C02'),
  seeded('community-worker-d01-s03-c07', '陈静 Chen Jing', ['community-worker'], 'D01/S03/C07'),
  seeded('street-official-d01-s03', '刘洋 Liu Yang', ['street-official'], 'D01/S03'),
  seeded('street-official-d01-s01', '周杰 Zhou Jie', ['street-official'], 'D01/S01'),
  seeded('street-committee-d01-s03', '孙丽 Sun Li', ['street-committee'], 'D01/S03'),
  seeded('department-market-supervision', '吴刚 Wu Gang', ['department'], 'D01', 'market-supervision'),
  seeded('department-sanitation', '郑华 Zheng Hua', ['department'], 'D01', 'sanitation'),
  seeded('organization-dept-d01', '冯敏 Feng Min', ['organization-dept'], 'D01'),
  seeded('finance-d01', '何平 He Ping', ['finance'], 'D01'),
  seeded('district-admin-d01', '高远 Gao Yuan', ['district-admin'], 'D01'),
  seeded('operator', '运维 Operator', ['operator'], 'D01'),
];

/**
 * A resident who signed up and has not typed the code back yet: Cognito's UNCONFIRMED user. No
 * password is kept (the local sign-in page has none); the code only as its hash.
 */
export interface UnconfirmedResident {
  sub: string;
  email: string;
  name: string;
  community: string;
  codeHash: string;
  /** Epoch ms. */
  codeExpiresAt: number;
  /** Wrong codes typed for this code. */
  failures: number;
}

/**
 * The seeded accounts and the residents who registered. Registered residents are kept in the data
 * folder (in memory for `--in-memory`), so a restart keeps them as the user pool would; so are
 * those who signed up and have not confirmed yet.
 */
export class LocalAccounts {
  private registered: LocalAccount[] | undefined;
  private pending: UnconfirmedResident[] | undefined;
  private readonly file: string | undefined;
  private readonly pendingFile: string | undefined;

  constructor(options: { dataDir?: string }) {
    this.file = options.dataDir ? join(options.dataDir, 'sign-in', 'residents.json') : undefined;
    this.pendingFile = options.dataDir ? join(options.dataDir, 'sign-in', 'unconfirmed.json') : undefined;
  }

  async findUnconfirmed(email: string): Promise<UnconfirmedResident | undefined> {
    const wanted = email.toLowerCase();
    return (await this.unconfirmed()).find((resident) => resident.email.toLowerCase() === wanted);
  }

  /** Adds or replaces (by e-mail address) a resident awaiting confirmation. */
  async putUnconfirmed(resident: UnconfirmedResident): Promise<void> {
    const wanted = resident.email.toLowerCase();
    this.pending = [...(await this.unconfirmed()).filter((r) => r.email.toLowerCase() !== wanted), resident];
    await save(this.pendingFile, this.pending);
  }

  /** The code was typed back: the resident's account exists (the `resident` role in their community), the sign-up is gone. */
  async confirm(resident: UnconfirmedResident): Promise<LocalAccount> {
    const wanted = resident.email.toLowerCase();
    const account = await this.registerResident(resident);
    this.pending = (await this.unconfirmed()).filter((r) => r.email.toLowerCase() !== wanted);
    await save(this.pendingFile, this.pending);
    return account;
  }

  async all(): Promise<LocalAccount[]> {
    return [...SEEDED_ACCOUNTS, ...(await this.residents())];
  }

  async find(sub: string): Promise<LocalAccount | undefined> {
    return (await this.all()).find((account) => account.sub === sub);
  }

  async findByEmail(email: string): Promise<LocalAccount | undefined> {
    const wanted = email.toLowerCase();
    return (await this.all()).find((account) => account.email.toLowerCase() === wanted);
  }

  /** A resident's own registration: the `resident` role in the community they chose, nothing else. */
  async registerResident(request: { sub?: string; email: string; name: string; community: string }): Promise<LocalAccount> {
    const account: LocalAccount = {
      sub: request.sub ?? `resident-${ulid().toLowerCase()}`,
      name: request.name,
      email: request.email,
      roles: ['resident'],
      jurisdiction: request.community,
      community: request.community,
      origin: 'registered',
    };
    const residents = [...(await this.residents()), account];
    this.registered = residents;
    await save(this.file, residents);
    return account;
  }

  private async unconfirmed(): Promise<UnconfirmedResident[]> {
    this.pending ??= await load<UnconfirmedResident>(this.pendingFile);
    return this.pending;
  }

  private async residents(): Promise<LocalAccount[]> {
    this.registered ??= await load<LocalAccount>(this.file);
    return this.registered;
  }
}

async function load<T>(file: string | undefined): Promise<T[]> {
  if (!file) return [];
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return [];
  }
}

/** Written whole and renamed into place, readable by this user only. */
async function save(file: string | undefined, items: readonly unknown[]): Promise<void> {
  if (!file) return;
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(items, null, 2), { mode: 0o600 });
  await rename(temporary, file);
}
