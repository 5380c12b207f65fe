import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RoleSchema, type Role } from '../../kernel/roles.ts';
import { JurisdictionSchema } from '../../kernel/jurisdiction.ts';
import { loadIssuer } from './issuer.ts';
import { REPO_ROOT } from '../paths.ts';

const usage = `npm run token -- --role <role>[,<role>…] --jurisdiction <D01|D01/S03|D01/S03/C07> [--department <slug>] [--sub <id>] [--email <address>] [--name <name>] [--ttl <seconds>] [--data-dir <dir>]
roles: ${RoleSchema.options.join(', ')}
--data-dir: the data folder of the npm start the token is for (default .data). The token is signed with
  the issuer key kept there; when npm start runs with --data-dir DIR, pass the same --data-dir DIR here,
  or the gateway refuses the token (401).`;

function fail(message: string): never {
  console.error(`${message}\nusage: ${usage}`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      options: {
        role: { type: 'string', multiple: true },
        jurisdiction: { type: 'string' },
        department: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        sub: { type: 'string' },
        ttl: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}
const values = parse();

if (values.help) {
  console.log(usage);
  process.exit(0);
}
const roles = (values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
if (roles.length === 0) fail('--role is required.');
for (const role of roles) if (!RoleSchema.safeParse(role).success) fail(`unknown role "${role}".`);
if (!values.jurisdiction || !JurisdictionSchema.safeParse(values.jurisdiction).success) {
  fail('--jurisdiction must look like D01, D01/S03 or D01/S03/C07.');
}
const ttl = values.ttl ? Number(values.ttl) : undefined;
if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) fail('--ttl is a whole number of seconds.');

const dataDir = values['data-dir'] ?? join(REPO_ROOT, '.data');
const keyFile = join(dataDir, 'issuer', 'signing-key.json');
if (!existsSync(keyFile)) {
  // Not an error (npm start will use this key if it starts on this folder), but the usual mistake.
  console.error(
    `note: ${keyFile} did not exist, so a new issuer key was made. Only an npm start on ${dataDir} accepts this token; ` +
      'if npm start runs with --data-dir, pass the same --data-dir here.',
  );
}
const issuer = await loadIssuer(dataDir);
console.log(
  await issuer.sign({
    roles: roles as Role[],
    jurisdiction: values.jurisdiction,
    ...(values.department ? { department: values.department } : {}),
    ...(values.email ? { email: values.email } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...(values.sub ? { sub: values.sub } : {}),
    ...(ttl ? { ttlSeconds: ttl } : {}),
  }),
);
