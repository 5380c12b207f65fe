/**
 * Key builders of the coordination table: every key the service reads or writes is made here.
 *
 * Lists and their indexes (nothing scans):
 * - issues by scope and status: entry items `ISSUES#<scope>#<status>`, where a scope is a street, a
 *   district, or either with `#<department>` (then the status is that department's own); sorted by
 *   the deadline that runs (`<dueBy>#<id>`), so "overdue" is a sort-key bound, or by resolution time;
 *   an entry holds the issue's id only (a list reads the issues by key), as does a company's `ISSUE#…`;
 * - issues whose deadline runs: gsi1 `ISSUES-DUE`, sorted `<dueBy>#<id>`, set only while the issue is
 *   unresolved and not escalated (a sparse index the deadline check queries);
 * - escalated issues waiting for a meeting: `AGENDA-PENDING#<district>`; a district's meetings: gsi1
 *   `MEETINGS#<district>` sorted by start, so "the next meeting" is one Query;
 * - a meeting's escalated issues `MEETING#<id>` / `AGENDA#…` (the partition holds the meeting's state and
 *   history too: read it by the prefix), its decisions gsi1 `DECISIONS#<meeting>`;
 * - work items that reached a community: `WORKITEMS#<community>` (the only items a community reads);
 *   the same, by the department that pushed them: `WORKITEMS-BY#<district>#<department>`;
 *   blocked attempts live under `BLOCKED#…` keys, which no community-facing route reads;
 * - the scorecard of a street and its registers: the partition `SCORECARD#<street>`;
 * - a street's property companies: entry items `COMPANIES#<street>` (the company's id; read through).
 * - the monthly rankings: a partition per district, month and kind `RANKINGS#<district>#<month>#<kind>`
 *   holding one counts item per department or street (a ranking is one Query), the month's own figures
 *   `RANKINGS-MONTH#<district>#<month>`, and `RANKINGS-CLOSED#<month>` once the month is closed.
 */
export const keys = {
  // Issues ("whistles").
  issue: (id: string) => ({ pk: `ISSUE#${id}`, sk: 'STATE' }),
  issuesOf: (scope: string, status: string) => `ISSUES#${scope}#${status}`,
  issueEntry: (scope: string, status: string, sortAt: string, id: string) => ({ pk: `ISSUES#${scope}#${status}`, sk: `${sortAt}#${id}` }),
  /** A scope of the issue lists: a jurisdiction, optionally narrowed to one department. */
  scope: (jurisdiction: string, department?: string) => (department ? `${jurisdiction}#${department}` : jurisdiction),
  issuesDue: 'ISSUES-DUE',
  dueOrder: (dueBy: string, id: string) => `${dueBy}#${id}`,

  // Joint meetings, their agenda and decisions.
  meeting: (id: string) => ({ pk: `MEETING#${id}`, sk: 'STATE' }),
  meetingsOfDistrict: (district: string) => `MEETINGS#${district}`,
  agendaIssue: (meetingId: string, issueId: string) => ({ pk: `MEETING#${meetingId}`, sk: `AGENDA#${issueId}` }),
  agendaOfMeeting: (meetingId: string) => ({ partition: `MEETING#${meetingId}`, prefix: 'AGENDA#' }),
  pendingAgenda: (district: string) => `AGENDA-PENDING#${district}`,
  pendingAgendaEntry: (district: string, escalatedAt: string, issueId: string) => ({
    pk: `AGENDA-PENDING#${district}`,
    sk: `${escalatedAt}#${issueId}`,
  }),
  decision: (id: string) => ({ pk: `DECISION#${id}`, sk: 'STATE' }),
  decisionsOfMeeting: (meetingId: string) => `DECISIONS#${meetingId}`,

  // The access list and work items.
  accessList: (district: string) => `ACCESS#${district}`,
  accessItem: (district: string, code: string) => ({ pk: `ACCESS#${district}`, sk: `ITEM#${code}` }),
  workItem: (id: string) => ({ pk: `WORKITEM#${id}`, sk: 'STATE' }),
  workItemsOfCommunity: (community: string) => `WORKITEMS#${community}`,
  communityWorkItem: (community: string, at: string, id: string) => ({ pk: `WORKITEMS#${community}`, sk: `${at}#${id}` }),
  workItemsOfDepartment: (district: string, department: string) => `WORKITEMS-BY#${district}#${department}`,
  departmentWorkItem: (district: string, department: string, at: string, id: string) => ({
    pk: `WORKITEMS-BY#${district}#${department}`,
    sk: `${at}#${id}`,
  }),
  blockedAttempt: (id: string) => ({ pk: `BLOCKED#${id}`, sk: 'STATE' }),
  blockedOfDepartment: (district: string, department: string) => `BLOCKED-BY#${district}#${department}`,
  blockedEntry: (district: string, department: string, at: string, id: string) => ({
    pk: `BLOCKED-BY#${district}#${department}`,
    sk: `${at}#${id}`,
  }),

  // Property-management companies.
  company: (id: string) => ({ pk: `COMPANY#${id}`, sk: 'STATE' }),
  issuesOfCompany: (id: string) => ({ partition: `COMPANY#${id}`, prefix: 'ISSUE#' }),
  companyIssue: (id: string, raisedAt: string, issueId: string) => ({ pk: `COMPANY#${id}`, sk: `ISSUE#${raisedAt}#${issueId}` }),
  /** A street's companies, in the order registered: one entry per company holding its id, written with it. */
  companiesOf: (street: string) => `COMPANIES#${street}`,
  companyEntry: (street: string, registeredAt: string, id: string) => ({ pk: `COMPANIES#${street}`, sk: `${registeredAt}#${id}` }),

  // A department's running counts in a district.
  performance: (district: string, department: string) => ({ pk: `PERFORMANCE#${district}#${department}`, sk: 'STATE' }),

  // The five-haves scorecard: the figures, the registers behind the replaceable ones, applied parts.
  scorecard: (street: string) => ({ pk: `SCORECARD#${street}`, sk: 'STATE' }),
  register: (street: string, kind: string, key: string) => ({ pk: `SCORECARD#${street}`, sk: `REGISTER#${kind}#${key}` }),
  appliedPart: (street: string, eventId: string) => ({ pk: `SCORECARD#${street}`, sk: `APPLIED#${eventId}` }),

  // The monthly rankings of departments and streets.
  rankings: (district: string, month: string, of: string) => `RANKINGS#${district}#${month}#${of}`,
  rankingRow: (district: string, month: string, of: string, subject: string) => ({ pk: `RANKINGS#${district}#${month}#${of}`, sk: subject }),
  rankingMonth: (district: string, month: string) => ({ pk: `RANKINGS-MONTH#${district}#${month}`, sk: 'STATE' }),
  rankingClosed: (month: string) => ({ pk: `RANKINGS-CLOSED#${month}`, sk: 'STATE' }),
};
