import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
} from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { tableDefinition, tableName, type ServiceName } from '../../kernel/table.ts';

/**
 * What a service's functions may do to their own table: exactly what the kernel's Store sends (Get,
 * Query, and TransactWriteItems, which IAM checks per item as Put/Update/Delete/ConditionCheck).
 * No Scan: no endpoint scans a table.
 */
const ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

export interface ServiceTableProps {
  stage: string;
  service: ServiceName;
  /** Prod: deletion protection, and the table outlives the stack. */
  retain: boolean;
}

/** A service's one table, from the kernel's `tableDefinition` (the local runtime builds the same). */
export class ServiceTable extends Table {
  readonly service: ServiceName;

  constructor(scope: Construct, id: string, props: ServiceTableProps) {
    super(scope, id, {
      tableName: tableName(props.stage, props.service),
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType[tableDefinition.stream],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.service = props.service;
    for (const index of tableDefinition.indexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /** The table and its named indexes (no `index/*` wildcard), for the item actions the Store uses. */
  grantItemAccess(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ITEM_ACTIONS,
        resources: [this.tableArn, ...tableDefinition.indexes.map((index) => `${this.tableArn}/index/${index.name}`)],
      }),
    );
  }
}
