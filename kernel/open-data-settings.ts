import * as z from 'zod/mini';
import type { Settings } from './config.ts';

/**
 * The open-data settings and the bucket's prefix, apart from the publishing code (kernel/open-data.ts,
 * which needs the S3 client): the service definitions declare these settings, and the declarations
 * load without the AWS SDK (test/declarations.test.ts).
 */
export const OPEN_DATA_PREFIX = 'open-data';

export const openDataSettings = {
  openDataBucket: {
    env: 'OPEN_DATA_BUCKET',
    schema: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, 'an S3 bucket name')),
    default: 'five-haves-open-data',
    description: 'the S3 bucket the open-data datasets are written to (the stack sets its bucket)',
  },
  openDataPathStyle: {
    env: 'OPEN_DATA_S3_PATH_STYLE',
    schema: z.pipe(z.enum(['true', 'false']), z.transform((v) => v === 'true')),
    default: 'false',
    description: '`true` to address the bucket path-style (an S3-compatible server on localhost), else `false` (virtual-hosted, as S3 wants)',
  },
} satisfies Settings;
