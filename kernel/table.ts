/**
 * The shape every service table has: one definition that both the CDK stack and the local
 * runtime create tables from, so the two cannot drift.
 */
export const SERVICES = ['recruitment', 'funding', 'premises', 'authority', 'coordination', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** One generic index for lists by owner and status (`gsi1pk`, `gsi1sk`), projected in full. */
  indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  stream: 'NEW_IMAGE',
  /** Items that may expire (idempotency records) carry their expiry, in epoch seconds, here. */
  timeToLiveAttribute: 'expiresAt',
} as const;

/** Physical table name for a service in a stage: `five-haves-prod-recruitment`, `five-haves-local-authority`. */
export function tableName(stage: string, service: ServiceName): string {
  return `five-haves-${stage}-${service}`;
}

/**
 * The variable a service's functions read their table name from. One variable per service (not a
 * generic TABLE_NAME) so that the local runtime can host all five services in one process with the
 * very same handler modules the stack deploys one per function.
 */
export function tableEnvVar(service: ServiceName): string {
  return `${service.toUpperCase()}_TABLE`;
}

export function tableNameFromEnv(service: ServiceName): string {
  const name = process.env[tableEnvVar(service)];
  if (!name) throw new Error(`${tableEnvVar(service)} is not set: the function does not know its table.`);
  return name;
}
