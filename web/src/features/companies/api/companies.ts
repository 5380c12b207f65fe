import { api, call, undeclaredAnswer } from '../../../lib/api.ts';

/**
 * A property company's public page (services/coordination/companies/domain.ts companyView and
 * publicIssueView). Typed here until the route's response schema is in openapi.json.
 */
export interface CompanyIssue {
  id: string;
  street: string;
  community?: string;
  category: 'community-construction' | 'production-safety' | 'property-management' | 'other';
  urgency: 'emergency' | 'utility' | 'general' | 'complex';
  status: 'open' | 'acknowledged' | 'resolved';
  raisedAt: string;
  ratings: Record<string, number>;
}
export interface Company {
  id: string;
  name: string;
  street: string;
  communities: string[];
  contact?: string;
  ratings: number;
  averageRating: number | null;
  issues: { items: CompanyIssue[]; cursor?: string };
}

export async function company(id: string, cursor?: string): Promise<Company> {
  return undeclaredAnswer<Company>(
    await call(
    api().GET('/coordination/property-companies/{id}', { params: { path: { id }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
}
