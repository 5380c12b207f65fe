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
 * The seeded accounts and the residents who registered. Registered residents are kept in the data
 * folder (in memory for `--in-memory`), so a restart keeps them as the user pool would.
 */
export class LocalAccounts {
  private registered: LocalAccount[] | undefined;
  private readonly file: string | undefined;

  constructor(options: { dataDir?: string }) {
    this.file = options.dataDir ? join(options.dataDir, 'sign-in', 'residents.json') : undefined;
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
  async registerResident(request: { email: string; name: string; community: string }): Promise<LocalAccount> {
    const account: LocalAccount = {
      sub: `resident-${ulid().toLowerCase()}`,
      name: request.name,
      email: request.email,
      roles: ['resident'],
      jurisdiction: request.community,
      origin: 'registered',
    };
    const residents = [...(await this.residents()), account];
    this.registered = residents;
    if (this.file) {
      await mkdir(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(residents, null, 2), { mode: 0o600 });
      await rename(temporary, this.file);
    }
    return account;
  }

  private async residents(): Promise<LocalAccount[]> {
    if (this.registered) return this.registered;
    if (!this.file) return (this.registered = []);
    try {
      this.registered = JSON.parse(await readFile(this.file, 'utf8')) as LocalAccount[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.registered = [];
    }
    return this.registered;
  }
}
