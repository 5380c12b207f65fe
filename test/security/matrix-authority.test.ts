import { authority } from '../../services/authority/service.ts';
import { authorityFixtures } from './fixtures/authority.ts';
import { matrixTest } from './fixtures/matrix.ts';

/** Issue 8: the authorization matrix of authority, derived from its route table (see fixtures/matrix.ts). */
matrixTest(authority, authorityFixtures);
