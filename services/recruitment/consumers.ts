import { AssessmentRecorded, ConsentCaseOpened, ConsentRecorded } from '../../contracts/authority.ts';
import { defineConsumers } from '../../kernel/service.ts';

/**
 * What recruitment consumes, by queue: authority's consent case on an appointment and its decision,
 * and the street's assessments of staff. The reactions: handlers/events.ts.
 */
export const consumers = defineConsumers({
  'recruitment-consent-cases': [ConsentCaseOpened],
  'recruitment-consents': [ConsentRecorded],
  'recruitment-assessments': [AssessmentRecorded],
});
