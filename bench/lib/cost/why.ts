import type { OperationCost } from './summary.ts';

/**
 * Why an operation is above the goal of one read round trip and one TransactWriteItems: read from
 * its code, kept beside the figures that show it. By operation (`route <service> <route key>`,
 * `consumer <service> <event>`); the shapes many share are told once, by pattern.
 */
const BY_OPERATION: Record<string, string> = {
  'route recruitment POST /recruitment/positions/{id}/close':
    'Closing hires in one transaction (the position, its board entries, the hires and their staff records) and then marks every not-selected application in transactions of up to 100 (`commitInChunks`): a position may have more applicants than one transaction holds. The eligible applications are one Query.',
  'route premises PATCH /premises/sites/{id}':
    "A site is found through its pointer (site id → community); the community's premises and the district's standard are then read inside the retry around the versioned commit (a community's premises are one item, so two edits of it collide and the loser reads again).",
  'route premises GET /premises/sites/{id}': "The pointer (site id → community), then the community's premises and the district's standard the compliance beside the site is judged by.",
  'route coordination GET /coordination/departments/{dept}/performance':
    "The department's counts (one GetItem) and how many of its open and acknowledged issues are overdue now: two counting Queries, since overdue depends on the moment asked.",
  'route coordination GET /coordination/meetings/{id}': 'The meeting (whose district it is, for the access check), then its agenda and its decisions: two Queries, side by side.',
};

/** The shapes many operations share. */
function byPattern(o: OperationCost): string | undefined {
  const c = o.figures.calls;
  const has = (op: string) => (c[op] ?? 0) > 0;
  if (o.kind === 'consumer' && o.service === 'notifications') {
    return (
      'A fan-out: the recipients are found by a Query of the audience (department, street, applicants), and each note, reminder and mail record is its own conditional write keyed by event and recipient ' +
      '(so a copy racing the first writes nothing twice, services/notifications/reactions.ts), not one transaction: a whistle to a department of many officials would exceed the 100 items a transaction holds.'
    );
  }
  if (o.kind === 'route' && o.name.startsWith('GET ') && has('Query') && has('BatchGetItem')) {
    return 'A page of a list: the Query reads the list\'s entries, which hold only ids, and one BatchGetItem reads the items, so that an item is written in one place however many lists it is in.';
  }
  if (o.kind === 'route' && o.name.startsWith('GET ') && has('Query') && has('GetItem')) {
    return 'The object the list belongs to (for the access check: whose street it is, or the caller\'s own record), then the page of the list: the second read needs the first.';
  }
  if (o.kind === 'route' && has('BatchGetItem') && has('GetItem')) {
    return 'The object by key, then what it names (its site, its powers) by key in one batch: the second read needs the first.';
  }
  if (o.kind === 'route' && (c.GetItem ?? 0) >= 2) {
    return 'Reads by key: the object and what it names (its position, its budget, its community, the standard it is judged by), or a pointer and then the object; where the second needs the first they cannot share a round trip.';
  }
  return undefined;
}

export function whyOverGoal(o: OperationCost): string | undefined {
  return BY_OPERATION[`${o.kind} ${o.service} ${o.name}`] ?? byPattern(o);
}
