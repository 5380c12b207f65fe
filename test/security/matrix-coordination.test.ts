import { coordination } from '../../services/coordination/service.ts';
import { coordinationFixtures } from './fixtures/coordination.ts';
import { matrixTest } from './fixtures/matrix.ts';

/** Issue 8: the authorization matrix of coordination, derived from its route table (see fixtures/matrix.ts). */
matrixTest(coordination, coordinationFixtures);
