import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

type ListQuery = NonNullable<paths['/premises/compliance']['get']['parameters']['query']>;
export type CompliancePage = paths['/premises/compliance']['get']['responses'][200]['content']['application/json'];
export type Compliance = CompliancePage['items'][number];
export type RuleResult = Compliance['rules'][number];
export type ComplianceStatus = NonNullable<ListQuery['status']>;
export type RemediationPage = paths['/premises/communities/{community}/remediation']['get']['responses'][200]['content']['application/json'];
export type Remediation = RemediationPage['items'][number];
export type RemediationRequest = paths['/premises/communities/{community}/remediation']['post']['requestBody']['content']['application/json'];

/** The street's communities whose stored result is `status`, by community. */
export async function complianceOf(street: string, status: ComplianceStatus, cursor?: string): Promise<CompliancePage> {
  return call(api().GET('/premises/compliance', { params: { query: { street, status, limit: 10, ...(cursor ? { cursor } : {}) } } }));
}

/** A community's remediation plans, newest first, each with funding's answer. */
export async function remediations(community: string, cursor?: string): Promise<RemediationPage> {
  return call(api().GET('/premises/communities/{community}/remediation', { params: { path: { community: inPath(community) }, query: { limit: 5, ...(cursor ? { cursor } : {}) } } }));
}

export async function planRemediation(community: string, body: RemediationRequest, idempotencyKey: string): Promise<Remediation> {
  return call(
    api().POST('/premises/communities/{community}/remediation', {
      params: { path: { community: inPath(community) }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}
