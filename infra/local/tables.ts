import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { SERVICES, tableDefinition, tableName, type ServiceName } from '../../kernel/table.ts';
import { waitFor } from './wait.ts';

const { timeToLiveAttribute } = tableDefinition;

/** The CreateTable request of a service table, derived from the one shared `tableDefinition`. */
export function serviceTableInput(name: string): CreateTableCommandInput {
  const { partitionKey, sortKey, indexes, stream } = tableDefinition;
  const keyNames = [partitionKey, sortKey, ...indexes.flatMap((index) => [index.partitionKey, index.sortKey])];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...new Set(keyNames)].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: stream },
  };
}

/**
 * Creates the services' tables in a stage (`five-haves-<stage>-<service>`) as the stack does, and
 * waits until each and its indexes are ACTIVE. A table that already exists is kept (a restart, a
 * second test file on the same stage), but only if it has the shape the code relies on.
 * Returns service → table name.
 */
export async function createServiceTables(
  client: DynamoDBClient,
  stage: string,
  services: readonly ServiceName[] = SERVICES,
): Promise<Record<ServiceName, string>> {
  const created = await Promise.all(
    services.map(async (service) => {
      const name = tableName(stage, service);
      await createServiceTable(client, name);
      return [service, name] as const;
    }),
  );
  return Object.fromEntries(created) as Record<ServiceName, string>;
}

async function createServiceTable(client: DynamoDBClient, name: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(serviceTableInput(name)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const table = await waitFor(
    `table ${name} to become ACTIVE`,
    async () => {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
      return Table?.TableStatus === 'ACTIVE' && indexesActive ? Table : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 50 },
  );
  const mismatch = shapeMismatch(table);
  if (mismatch) {
    throw new Error(`Table ${name} exists but ${mismatch}. Delete it (or use another stage) so it can be recreated.`);
  }
  await enableTimeToLive(client, name);
}

/** What an existing table lacks that the services rely on, if anything. */
function shapeMismatch(table: TableDescription): string | undefined {
  const key = (table.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  if (key !== `${tableDefinition.partitionKey}:HASH,${tableDefinition.sortKey}:RANGE`) return `has the key ${key}`;
  for (const index of tableDefinition.indexes) {
    if (!(table.GlobalSecondaryIndexes ?? []).some((existing) => existing.IndexName === index.name)) {
      return `has no index ${index.name}`;
    }
  }
  const stream = table.StreamSpecification;
  if (!stream?.StreamEnabled || stream.StreamViewType !== tableDefinition.stream) {
    return `has no ${tableDefinition.stream} stream`;
  }
  return undefined;
}

async function enableTimeToLive(client: DynamoDBClient, name: string): Promise<void> {
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const status = TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true },
    }),
  );
}
