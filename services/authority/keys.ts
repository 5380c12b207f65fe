/**
 * Key builders of the authority table: every key the service reads or writes is made here.
 *
 * Delegations are laid out so that what a street holds is read from the street's own partition:
 * `STREET#<street>` holds one grant item per delegation that names the street (split into parts of
 * at most GRANT_PART_CODES codes), sorted by effective date, so `streets/{street}/powers?on=` is a
 * Query on that partition up to `on`, plus key lookups of the delegations' terms and of the catalog
 * entries on the page. Nothing scans.
 */
export const keys = {
  // Consent cases (appointments of agency heads need the street's written consent).
  consentCase: (id: string) => ({ pk: `CONSENT#${id}`, sk: 'STATE' }),
  consentsOfStreet: (street: string, status: string) => `CONSENTS#${street}#${status}`,

  // The power catalog: one partition holding only entries, sorted by code; gsi1 by domain. A power's
  // history lives in its own partition, so that listing the catalog reads entries and nothing else.
  catalog: 'CATALOG',
  power: (code: string) => ({ pk: 'CATALOG', sk: `POWER#${code}` }),
  powerHistory: (code: string) => `POWER#${code}`,
  powersOfDomain: (domain: string) => `CATALOG#${domain}`,

  // Delegations: the full record, its small term (what the street query joins), the decision guard.
  delegation: (id: string) => ({ pk: `DELEGATION#${id}`, sk: 'STATE' }),
  delegationTerm: (id: string) => ({ pk: `DELEGATION#${id}`, sk: 'TERM' }),
  /** One delegation per decision document: the guard that makes a resubmission resume, not repeat. */
  decision: (decisionRef: string) => ({ pk: `DECISION#${decisionRef}`, sk: 'DECISION' }),
  delegationsOfDistrict: (district: string) => `DELEGATIONS#${district}`,
  streetGrants: (street: string) => `STREET#${street}`,
  grant: (street: string, effectiveOn: string, delegationId: string, part: number) => ({
    pk: `STREET#${street}`,
    sk: `GRANT#${effectiveOn}#${delegationId}#${String(part).padStart(3, '0')}`,
  }),
  /** Every grant effective on or before `date` sorts at or below this. */
  grantsUpTo: (date: string) => `GRANT#${date}#~`,
  /** A position in a street's computed list of powers (the cursor of that list). */
  heldPower: (street: string, code: string) => ({ pk: `STREET#${street}`, sk: `POWER#${code}` }),

  // Evaluations and the written opinions they ask of each street.
  evaluation: (id: string) => ({ pk: `EVALUATION#${id}`, sk: 'STATE' }),
  opinionRequest: (evaluationId: string, street: string) => ({ pk: `EVALUATION#${evaluationId}`, sk: `OPINION#${street}` }),
  opinionRequestsOfEvaluation: (evaluationId: string) => ({ partition: `EVALUATION#${evaluationId}`, prefix: 'OPINION#' }),
  opinionRequestsOfStreet: (street: string, status: string) => `OPINION-REQUESTS#${street}#${status}`,
  /** A department's evaluations in its district, newest first: one entry per evaluation holding its id, written with it. */
  evaluationsOfDepartment: (district: string, department: string) => `EVALUATIONS-OF#${district}#${department}`,
  evaluationEntry: (district: string, department: string, requestedAt: string, id: string) => ({
    pk: `EVALUATIONS-OF#${district}#${department}`,
    sk: `${requestedAt}#${id}`,
  }),

  // The double assessment of stationed staff: one item per member and period, both sides in it,
  // listed per member on gsi1 (newest period first).
  staffAssessment: (staffId: string, period: string) => ({ pk: `ASSESSMENT#${staffId}#${period}`, sk: 'STATE' }),
  assessmentsOfStaff: (staffId: string) => `ASSESSMENTS#${staffId}`,
  /** A street's assessments by state (whose side is missing), one entry each, newest period first. */
  assessmentsOfStreet: (street: string, state: string) => `STREET-ASSESSMENTS#${street}#${state}`,
  streetAssessmentEntry: (street: string, state: string, period: string, staffId: string) => ({
    pk: `STREET-ASSESSMENTS#${street}#${state}`,
    sk: `${period}#${staffId}`,
  }),
};
