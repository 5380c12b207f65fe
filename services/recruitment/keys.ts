/**
 * Key builders of the recruitment table: every key the service reads or writes is made here.
 *
 * Lists and their indexes (nothing scans):
 * - the public job board: one small entry item per board partition a position belongs to
 *   (`BOARD#<status>`, and by street, by kind, by both), so each filter is one Query;
 * - a street's draft positions: entry items `DRAFTS#<street>`, sorted `<draftedAt>#<id>`, holding the
 *   draft (a draft does not change); written with it, deleted when it is published;
 * - applications of a position by status: gsi1 `APPLICATIONS#<position>`, sorted
 *   `<status>#<submittedAt>#<id>`, so the status filter is a sort-key prefix (submission order within);
 * - applications of a position in submission order: one entry per application in the position's
 *   partition, `APPLICATION#<submittedAt>#<id>`, written once with the application (its order never changes);
 * - an applicant's applications: the partition `APPLICANT#<sub>`, whose `POSITION#<id>` item is also
 *   the one-application-per-position guard;
 * - a department's nominations: entry items `APPOINTMENTS-OF#<district>#<department>`, sorted
 *   `<requestedAt>#<id>`, holding only the appointment's id (written once with it; read through);
 * - a street's roster: gsi1 `ROSTER#<street>`;
 * - open secondments by end date: gsi1 `SECONDMENTS-OPEN`, sorted `<endsOn>#<id>`, set only while a
 *   secondment is active and unflagged (a sparse index the schedule queries for due ones);
 * - secondments by street or district and status: entry items `SECONDMENTS#<scope>#<status>`.
 */
export const keys = {
  // Appointments of agency heads.
  appointment: (id: string) => ({ pk: `APPOINTMENT#${id}`, sk: 'STATE' }),
  /** The head-of-agency post a department keeps in a street: who holds it, what is pending. */
  agencyPost: (street: string, department: string) => ({ pk: `AGENCYPOST#${street}#${department}`, sk: 'STATE' }),
  appointmentsOfStreet: (street: string) => `APPOINTMENTS#${street}`,
  /** A department's nominations in its district, newest first: one entry per appointment, written with it. */
  appointmentsOfDepartment: (district: string, department: string) => `APPOINTMENTS-OF#${district}#${department}`,
  appointmentEntry: (district: string, department: string, requestedAt: string, id: string) => ({
    pk: `APPOINTMENTS-OF#${district}#${department}`,
    sk: `${requestedAt}#${id}`,
  }),

  // Annual plans: the plan, and one allotment per street that publishing draws on.
  plan: (district: string, year: number) => ({ pk: `PLAN#${district}#${year}`, sk: 'STATE' }),
  allotment: (district: string, year: number, street: string) => ({ pk: `PLAN#${district}#${year}`, sk: `STREET#${street}` }),
  allotmentsOfPlan: (district: string, year: number) => ({ partition: `PLAN#${district}#${year}`, prefix: 'STREET#' }),

  // Positions and the public board.
  position: (id: string) => ({ pk: `POSITION#${id}`, sk: 'STATE' }),
  board: (status: string, filter: { street?: string; kind?: string } = {}) =>
    ['BOARD', status, ...(filter.street ? ['STREET', filter.street] : []), ...(filter.kind ? ['KIND', filter.kind] : [])].join('#'),
  boardEntry: (partition: string, sortAt: string, positionId: string) => ({ pk: partition, sk: `${sortAt}#${positionId}` }),
  draftsOf: (street: string) => `DRAFTS#${street}`,
  draftEntry: (street: string, draftedAt: string, positionId: string) => ({ pk: `DRAFTS#${street}`, sk: `${draftedAt}#${positionId}` }),

  // Applications.
  application: (id: string) => ({ pk: `APPLICATION#${id}`, sk: 'STATE' }),
  applicationsOfPosition: (positionId: string) => `APPLICATIONS#${positionId}`,
  applicationOrder: (status: string, submittedAt: string, id: string) => `${status}#${submittedAt}#${id}`,
  submissionEntry: (positionId: string, submittedAt: string, id: string) => ({
    pk: `POSITION#${positionId}`,
    sk: `APPLICATION#${submittedAt}#${id}`,
  }),
  submissionsOfPosition: (positionId: string) => ({ partition: `POSITION#${positionId}`, prefix: 'APPLICATION#' }),
  applicantPartition: (sub: string) => `APPLICANT#${sub}`,
  /** The applicant's entry for a position: created with attribute_not_exists, so one per position. */
  applicantEntry: (sub: string, positionId: string) => ({ pk: `APPLICANT#${sub}`, sk: `POSITION#${positionId}` }),

  // Staff, their assessments, the street's staffing counters.
  staff: (id: string) => ({ pk: `STAFF#${id}`, sk: 'STATE' }),
  rosterOfStreet: (street: string) => `ROSTER#${street}`,
  assessment: (staffId: string, period: string, assessmentId: string) => ({
    pk: `STAFF#${staffId}`,
    sk: `ASSESSMENT#${period}#${assessmentId}`,
  }),
  assessmentsOfStaff: (staffId: string) => ({ partition: `STAFF#${staffId}`, prefix: 'ASSESSMENT#' }),
  staffing: (street: string) => ({ pk: `STAFFING#${street}`, sk: 'STATE' }),

  // Secondments.
  secondment: (id: string) => ({ pk: `SECONDMENT#${id}`, sk: 'STATE' }),
  openSecondmentsByEnd: 'SECONDMENTS-OPEN',
  secondmentsOf: (scope: string, status: string) => `SECONDMENTS#${scope}#${status}`,
  secondmentEntry: (scope: string, status: string, startsOn: string, id: string) => ({
    pk: `SECONDMENTS#${scope}#${status}`,
    sk: `${startsOn}#${id}`,
  }),
};
