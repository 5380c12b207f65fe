import { loadIssuer } from '../../../infra/local/issuer.ts';
import { E2E_BASE, E2E_DATA_DIR } from './env.ts';

/** Residents' applications to a position, made through the API as part 1's resident journey makes them in the browser. */
const issuer = loadIssuer(E2E_DATA_DIR);

export async function application(positionId: string, name: string, fits: boolean): Promise<string> {
  const sub = `e2e-applicant-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const token = await (await issuer).sign({ sub, roles: ['resident'], jurisdiction: 'D01/S03/C07' });
  const year = new Date().getUTCFullYear();
  const profile = fits
    ? { birthDate: `${year - 28}-05-01`, education: 'bachelor', currentRole: 'village-cadre', yearsOfService: 5 }
    : { birthDate: `${year - 50}-05-01`, education: 'senior-secondary', currentRole: 'other', yearsOfService: 1 };
  const response = await fetch(`${E2E_BASE}/recruitment/positions/${positionId}/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, profile }),
  });
  const body = (await response.json()) as { id: string };
  if (response.status !== 201) throw new Error(`application: ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}
