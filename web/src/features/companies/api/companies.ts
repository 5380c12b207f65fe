import { api, call } from '../../../lib/api.ts';

/** A property company's public page: the company, and a page of the issues naming it. */
export async function companyPage(id: string, cursor?: string) {
  const [company, issues] = await Promise.all([
    call(api().GET('/coordination/property-companies/{id}', { params: { path: { id } } })),
    call(api().GET('/coordination/property-companies/{id}/issues', { params: { path: { id }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } })),
  ]);
  return { ...company, issues };
}
