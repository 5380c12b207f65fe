import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { OPEN_DATA_PREFIX } from '../../kernel/open-data-settings.ts';

export interface OpenDataProps {
  retain: boolean;
}

/**
 * The open-data bucket: private (block all public access), encrypted, SSL only, its access logged;
 * the services' `open-data` jobs write their datasets under `open-data/<service>/` and the index, and
 * the web distribution serves `open-data/*` to the public through origin access control (WebSite).
 */
export class OpenData extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: OpenDataProps) {
    super(scope, id);
    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the bucket the open-data bucket writes its access logs to; logging its own access would log the logging.',
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'open-data-bucket/',
      // The files are regenerated every day from the tables; outside prod a deleted stack takes them along.
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
  }

  /**
   * What a service's export job may do: write its own folder and the index, read the manifests (to
   * build the index) and list the open-data folder. Nothing else of the bucket.
   */
  grantExport(grantee: LambdaFunction, service: string): void {
    const arn = this.bucket.bucketArn;
    const own = `${arn}/${OPEN_DATA_PREFIX}/${service}/*`;
    const index = `${arn}/${OPEN_DATA_PREFIX}/index.*`;
    const manifests = `${arn}/${OPEN_DATA_PREFIX}/*/manifest.json`;
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:PutObject'], resources: [own, index] }));
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject'], resources: [manifests] }));
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:ListBucket'], resources: [arn], conditions: { StringLike: { 's3:prefix': [`${OPEN_DATA_PREFIX}/*`] } } }),
    );
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    // On the role, whose default policy holds the statements.
    Validations.of(grantee.role!).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${OPEN_DATA_PREFIX}/${service}/*]`,
        reason: `${service}'s open-data job writes the files of its own datasets, whose names it makes each day, under ${OPEN_DATA_PREFIX}/${service}/ only.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${OPEN_DATA_PREFIX}/index.*]`,
        reason: 'The index of all the datasets, index.json and index.csv at the top of the open-data folder, which each service’s export rewrites after its own files.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${OPEN_DATA_PREFIX}/*/manifest.json]`,
        reason: 'The manifest of every service’s datasets (one file per service folder), read and never written by another service, to build the index from.',
      },
    );
  }
}
