import { recruitment } from '../../services/recruitment/service.ts';
import { recruitmentFixtures } from './fixtures/recruitment.ts';
import { matrixTest } from './fixtures/matrix.ts';

/** Issue 8: the authorization matrix of recruitment, derived from its route table (see fixtures/matrix.ts). */
matrixTest(recruitment, recruitmentFixtures);
