import { settingsFrom } from '../../../kernel/config.ts';
import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { companyHandlers } from '../companies/handlers.ts';
import { issueHandlers } from '../issues/handlers.ts';
import { deadlinePolicyOf, deadlineSettings } from '../issues/deadlines.ts';
import { meetingHandlers } from '../meetings/handlers.ts';
import { performanceHandlers } from '../performance/handlers.ts';
import { rankingHandlers } from '../rankings/handlers.ts';
import { routes } from '../routes.ts';
import { scorecardHandlers } from '../scorecard/handlers.ts';
import { coordinationTable } from '../table.ts';
import { workItemHandlers } from '../work-items/handlers.ts';

/** Deadlines from the declared settings (COORDINATION_RESPONSE_MINUTES, …_RESOLUTION_MINUTES), read once at init. */
const policy = deadlinePolicyOf(settingsFrom(deadlineSettings));

export const handler = httpHandler({
  routes,
  store: coordinationTable,
  handlers: {
    ...issueHandlers(coordinationTable, policy),
    ...meetingHandlers(coordinationTable),
    ...companyHandlers(coordinationTable),
    ...workItemHandlers(coordinationTable),
    ...performanceHandlers(coordinationTable),
    ...scorecardHandlers(coordinationTable),
    ...rankingHandlers(coordinationTable),
    health: () => health('coordination', coordinationTable),
  },
});
