import type { Subscription } from '../../kernel/service.ts';
import { AssessmentRecorded, ConsentRecorded } from '../authority/events.ts';

export const subscriptions: Subscription[] = [
  { name: 'recruitment-consents', source: ConsentRecorded.source, detailTypes: [ConsentRecorded.detailType] },
  { name: 'recruitment-assessments', source: AssessmentRecorded.source, detailTypes: [AssessmentRecorded.detailType] },
];
