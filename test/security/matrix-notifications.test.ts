import { notifications } from '../../services/notifications/service.ts';
import { notificationsFixtures } from './fixtures/notifications.ts';
import { matrixTest } from './fixtures/matrix.ts';

/** Issue 21: the authorization matrix of notifications, derived from its route table (see fixtures/matrix.ts). */
matrixTest(notifications, notificationsFixtures);
