import type { Subscription } from '../../kernel/service.ts';
import { AssessmentRecorded, ConsentCaseOpened, ConsentRecorded } from '../../contracts/authority.ts';

export const subscriptions: Subscription[] = [
  { name: 'recruitment-consent-cases', source: ConsentCaseOpened.source, detailTypes: [ConsentCaseOpened.detailType] },
  { name: 'recruitment-consents', source: ConsentRecorded.source, detailTypes: [ConsentRecorded.detailType] },
  { name: 'recruitment-assessments', source: AssessmentRecorded.source, detailTypes: [AssessmentRecorded.detailType] },
];
