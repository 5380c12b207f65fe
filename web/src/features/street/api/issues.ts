import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type Issue = paths['/coordination/issues/{id}']['get']['responses'][200]['content']['application/json'];
export type IssuePage = paths['/coordination/issues']['get']['responses'][200]['content']['application/json'];
export type IssueQuery = NonNullable<paths['/coordination/issues']['get']['parameters']['query']>;
export type IssueStatus = Issue['status'];
export type RaiseRequest = paths['/coordination/issues']['post']['requestBody']['content']['application/json'];
export type Category = RaiseRequest['category'];
export type Urgency = RaiseRequest['urgency'];
export type DepartmentPart = Issue['responses'][string];

/** Issues of a street or of a department, by status: unresolved ones nearest deadline first (the API's order). */
export async function listIssues(query: { status: IssueStatus; street?: string; department?: string; overdue?: boolean; cursor?: string }): Promise<IssuePage> {
  return call(
    api().GET('/coordination/issues', {
      params: {
        query: {
          status: query.status,
          limit: 20,
          ...(query.street ? { street: query.street } : {}),
          ...(query.department ? { department: query.department } : {}),
          ...(query.overdue ? { overdue: 'true' as const } : {}),
          ...(query.cursor ? { cursor: query.cursor } : {}),
        },
      },
    }),
  );
}

export async function raiseIssue(body: RaiseRequest, idempotencyKey: string): Promise<Issue> {
  return call(api().POST('/coordination/issues', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
}

export async function rateIssue(id: string, body: { department: string; score: number; comment?: string }): Promise<Issue> {
  return call(api().POST('/coordination/issues/{id}/rating', { params: { path: { id } }, body }));
}

/**
 * The deadline that runs for a department's part (report in while open, resolve once reported in),
 * or for the whole issue when no department is named; none once resolved.
 */
export function runningDeadline(issue: Issue, department?: string): { kind: 'response' | 'resolution'; dueBy: string } | undefined {
  const status = department ? issue.responses[department]?.status : issue.status;
  if (status === 'open') return { kind: 'response', dueBy: issue.responseDueBy };
  if (status === 'acknowledged') return { kind: 'resolution', dueBy: issue.resolutionDueBy };
  return undefined;
}

export type CompanyPage = paths['/coordination/property-companies']['get']['responses'][200]['content']['application/json'];

/** The street's property companies (public), the choices for an issue's company. */
export async function streetCompanies(street: string): Promise<CompanyPage['items']> {
  return (await call(api().GET('/coordination/property-companies', { params: { query: { street, limit: 100 } } }))).items;
}
