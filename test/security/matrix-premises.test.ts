import { premises } from '../../services/premises/service.ts';
import { premisesFixtures } from './fixtures/premises.ts';
import { matrixTest } from './fixtures/matrix.ts';

/** Issue 8: the authorization matrix of premises, derived from its route table (see fixtures/matrix.ts). */
matrixTest(premises, premisesFixtures);
