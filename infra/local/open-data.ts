import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { OPEN_DATA_PREFIX } from '../../kernel/open-data-settings.ts';

// s3rver checks signatures against its own dummy account's keys; the runtime's SDK clients sign as `local` (localAwsEnv).
const { DUMMY_ACCOUNT } = createRequire(import.meta.url)('s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };

/**
 * The local stand-in for the open-data bucket: an S3-compatible server (s3rver) keeping its objects in
 * the data folder, which the services' export jobs write to with the real S3 client (the SDK finds it
 * by `AWS_ENDPOINT_URL_S3`, as it finds DynamoDB Local), and the gateway serving the bucket's
 * `open-data/` folder at `/open-data/`, as the web distribution does in the stack.
 */
export interface LocalOpenData {
  endpoint: string;
  bucket: string;
  /** The variables the handlers read: the S3 endpoint, the bucket, path-style addressing. */
  env: Record<string, string>;
  /** The gateway's handler of `/open-data/…` (GET and HEAD). */
  serve(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  stop(): Promise<void>;
}

/** The bucket's name for a stage, as the stack names it (lower-case, dashes). */
export const openDataBucketName = (stage: string) => `five-haves-${stage.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-open-data`.slice(0, 63).replace(/-+$/, '');

let keyRegistered = false;

export async function startLocalOpenData(options: { dir: string; bucket: string; port?: number }): Promise<LocalOpenData> {
  await mkdir(options.dir, { recursive: true });
  if (!keyRegistered) {
    DUMMY_ACCOUNT.createKeyPair('local', 'local');
    keyRegistered = true;
  }
  const server = new S3rver({ port: options.port ?? 0, address: '127.0.0.1', directory: options.dir, silent: true, configureBuckets: [{ name: options.bucket, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  const s3 = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    endpoint,
    bucket: options.bucket,
    env: { AWS_ENDPOINT_URL_S3: endpoint, OPEN_DATA_BUCKET: options.bucket, OPEN_DATA_S3_PATH_STYLE: 'true' },
    async serve(request, response) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith(`/${OPEN_DATA_PREFIX}/`)) return false;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
        return true;
      }
      const key = decodeURIComponent(path.slice(1)) + (path.endsWith('/') ? 'index.json' : '');
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: options.bucket, Key: key }));
        const body = Buffer.from(await object.Body!.transformToByteArray());
        response.writeHead(200, {
          'content-type': object.ContentType ?? 'application/octet-stream',
          'content-length': String(body.length),
          'cache-control': object.CacheControl ?? 'public, max-age=3600',
          'x-content-type-options': 'nosniff',
          'access-control-allow-origin': '*',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch (error) {
        if ((error as { name?: string }).name !== 'NoSuchKey') throw error;
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such open-data file');
      }
      return true;
    },
    stop: () => server.close(),
  };
}
