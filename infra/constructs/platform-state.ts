import { Construct } from 'constructs';
import type { ServiceName } from '../../kernel/table.ts';
import { PlatformBus } from './event-bus.ts';
import { Identity } from './identity.ts';
import { ServiceTable } from './service-table.ts';

export interface PlatformStateProps {
  stage: string;
  services: readonly ServiceName[];
  subscriberAccounts: readonly string[];
  retain: boolean;
}

/**
 * Everything that holds data or identity and must survive a redeploy of the code: the tables, the
 * bus with its archive, the user pool. Kept apart from the functions, API and wiring, which can be
 * replaced at will.
 */
export class PlatformState extends Construct {
  readonly tables = new Map<ServiceName, ServiceTable>();
  readonly events: PlatformBus;
  readonly identity: Identity;

  constructor(scope: Construct, id: string, props: PlatformStateProps) {
    super(scope, id);
    for (const service of props.services) {
      this.tables.set(service, new ServiceTable(this, `Table-${service}`, { ...props, service }));
    }
    this.events = new PlatformBus(this, 'Events', props);
    this.identity = new Identity(this, 'Identity', props);
  }

  table(service: ServiceName): ServiceTable {
    const table = this.tables.get(service);
    if (!table) throw new Error(`no table for ${service}`);
    return table;
  }
}
