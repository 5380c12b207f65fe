import { funding } from '../../services/funding/service.ts';
import { fundingFixtures } from './fixtures/funding.ts';
import { matrixTest } from './fixtures/matrix.ts';

/** Issue 8: the authorization matrix of funding, derived from its route table (see fixtures/matrix.ts). */
matrixTest(funding, fundingFixtures);
