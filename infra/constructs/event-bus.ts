import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { EventBus, Match } from 'aws-cdk-lib/aws-events';
import { AccountPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { busName } from './names.ts';

/**
 * What a subscriber account may do on the bus: manage rules (and their targets) that it created
 * itself, nothing else. The pattern of EventBridge's documentation for a shared bus: the
 * `events:creatorAccount` condition pins each account to its own rules, so one agency can neither see
 * nor remove another's subscriptions, and no account may publish onto the platform's bus.
 */
const SUBSCRIBER_ACTIONS = [
  'events:PutRule',
  'events:PutTargets',
  'events:DeleteRule',
  'events:RemoveTargets',
  'events:DisableRule',
  'events:EnableRule',
  'events:DescribeRule',
  'events:ListTargetsByRule',
  'events:TagResource',
  'events:UntagResource',
  'events:ListTagsForResource',
];

export interface PlatformBusProps {
  stage: string;
  /** AWS account ids of agencies allowed to subscribe with rules of their own. */
  subscriberAccounts: readonly string[];
  /** Prod: the archive outlives the stack. */
  retain: boolean;
}

/** The `five-haves-<stage>` bus, its archive (for replay) and the subscribers' resource policy. */
export class PlatformBus extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: PlatformBusProps) {
    super(scope, id);
    const name = busName(props.stage);
    this.bus = new EventBus(this, 'Bus', { eventBusName: name, description: 'Five Haves domain events' });

    const archive = this.bus.archive('Archive', {
      archiveName: `${name}-archive`,
      description: 'Every platform event, for replay after a consumer bug',
      eventPattern: { source: Match.prefix('five-haves.') },
      retention: Duration.days(365),
    });
    archive.applyRemovalPolicy(props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);

    const ownRules = Stack.of(this).formatArn({ service: 'events', resource: 'rule', resourceName: `${name}/*` });
    for (const account of props.subscriberAccounts) {
      if (!/^\d{12}$/.test(account)) throw new Error(`subscriberAccounts: "${account}" is not a 12-digit AWS account id`);
      this.bus.addToResourcePolicy(
        new PolicyStatement({
          sid: `Subscriber${account}ManagesOwnRules`,
          principals: [new AccountPrincipal(account)],
          actions: SUBSCRIBER_ACTIONS,
          resources: [ownRules],
          conditions: { StringEqualsIfExists: { 'events:creatorAccount': account } },
        }),
      );
    }
  }
}
