import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { companyHandlers } from '../companies/handlers.ts';
import { issueHandlers } from '../issues/handlers.ts';
import { deadlinePolicyFrom } from '../issues/deadlines.ts';
import { meetingHandlers } from '../meetings/handlers.ts';
import { performanceHandlers } from '../performance/handlers.ts';
import { routes } from '../routes.ts';
import { scorecardHandlers } from '../scorecard/handlers.ts';
import { coordinationTable } from '../table.ts';
import { workItemHandlers } from '../work-items/handlers.ts';

/** Deadlines from COORDINATION_RESPONSE_MINUTES and COORDINATION_RESOLUTION_MINUTES, read once at start. */
const policy = deadlinePolicyFrom(process.env);

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
    health: () => health('coordination', coordinationTable),
  },
});
