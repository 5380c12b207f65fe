import type { Subscription } from '../../kernel/service.ts';
import { ConsentRecorded } from '../authority/events.ts';

export const subscriptions: Subscription[] = [
  { name: 'recruitment-consents', source: ConsentRecorded.source, detailTypes: [ConsentRecorded.detailType] },
];
