import type { ServiceDefinition } from '../kernel/service.ts';
import { authority } from './authority/service.ts';
import { coordination } from './coordination/service.ts';
import { funding } from './funding/service.ts';
import { notifications } from './notifications/service.ts';
import { premises } from './premises/service.ts';
import { recruitment } from './recruitment/service.ts';

/** The services, as data. The stack, the local runtime and the docs all start here. */
export const services: ServiceDefinition[] = [recruitment, funding, premises, authority, coordination, notifications];
