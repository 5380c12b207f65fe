import { parseArgs } from 'node:util';
import { startLocalCloud } from './runtime.ts';
import { buildWebApp } from './site.ts';

// The SDK warns that its 2027 releases need Node 22 (what Lambda runs); on a laptop's Node 20 it is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm start [-- options]`. Beyond the defaults (port 3000, DynamoDB Local on 8000 kept in .data/):
 * `--port 0` takes a free port (the banner's API line names it); `--data-dir DIR` keeps tables, stream
 * positions and the issuer's key there; `--dynamodb-endpoint URL` uses a DynamoDB Local that is already
 * running instead of starting one; `--stage NAME` names the tables `five-haves-NAME-*`. The restart
 * test (test/kill-restart.test.ts) runs it so, against the test run's DynamoDB Local, and SIGKILLs it.
 */
const { values } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'dynamodb-port': { type: 'string', default: process.env.DYNAMODB_PORT ?? '8000' },
    'dynamodb-endpoint': { type: 'string' },
    stage: { type: 'string', default: 'local' },
    'data-dir': { type: 'string' },
    // The API alone, without the web app, its build and the local sign-in provider.
    'no-web': { type: 'boolean', default: false },
  },
});

try {
  // The app builds (when its sources changed) while DynamoDB Local starts: the two overlap.
  const webBuild = values['no-web'] ? undefined : buildWebApp();
  // Its failure is reported where it is awaited (the banner), not as an unhandled rejection first.
  webBuild?.catch(() => undefined);
  const cloud = await startLocalCloud({
    ...(webBuild ? { web: { ready: webBuild } } : {}),
    inMemory: values['in-memory'],
    port: Number(values.port),
    dynamoPort: Number(values['dynamodb-port']),
    stage: values.stage,
    ...(values['dynamodb-endpoint'] ? { dynamoEndpoint: values['dynamodb-endpoint'] } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    log: (line) => console.log(line),
  });
  cloud.bus.onPublish((event) => {
    const data = (event.detail as { data?: Record<string, unknown> }).data ?? {};
    const id = data.appointmentId ?? data.caseId ?? '';
    console.log(`[bus] ${event['detail-type']} from ${event.source} ${id}`);
  });
  const build = await webBuild;
  // The CLIs find this runtime by PORT (3000 unless told): name it when this one runs elsewhere.
  const port = new URL(cloud.url).port;
  const portPrefix = port === '3000' ? '' : `PORT=${port} `;
  console.log(`
Five Haves is running ${values['in-memory'] ? '(in memory: nothing is kept)' : `(data kept in ${values['data-dir'] ?? '.data/'} across restarts)`}
${
  build
    ? `  web app      ${cloud.url}/   (${build.built ? `built in ${(build.ms / 1000).toFixed(1)} s` : 'unchanged since its last build'}; sign in with a seeded account)
  sign-in      ${cloud.url}/oidc   (the local OpenID provider)   mailbox ${cloud.url}/_local/mail
  register     ${cloud.url}/register   (Cognito's SignUp and ConfirmSignUp answered at ${cloud.url}/_local/cognito/)
`
    : ''
}  API          ${cloud.url}          e.g. curl ${cloud.url}/recruitment/appointments/...
  reference    ${cloud.url}/docs   (the OpenAPI document: ${cloud.url}/openapi.json)
  JWKS         ${cloud.url}/.well-known/jwks.json
  DynamoDB     ${cloud.dynamoEndpoint}   tables five-haves-${cloud.stage}-*
  a token      npm run token -- --role department --jurisdiction D01 --department market-supervision${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}
  the saga     ${portPrefix}npm run demo${values['data-dir'] ? ` -- --data-dir ${values['data-dir']}` : ''}
  dead letters ${portPrefix}npm run dlq   (${portPrefix}npm run dlq -- --redrive)
  schedules    ${cloud.scheduler.names.join(', ') || 'none'} (timers, as the stack's EventBridge schedule rules)
Ctrl-C stops everything.`);

  let stoppingSince = 0;
  const shutdown = async (signal: string) => {
    if (stoppingSince) {
      // npm forwards the terminal's Ctrl-C to us as well: only a later, second Ctrl-C means "now".
      if (Date.now() - stoppingSince < 1000) return;
      console.log('stopping at once');
      process.exit(1);
    }
    stoppingSince = Date.now();
    console.log(`\n${signal}: stopping the gateway, the relay, the bus and DynamoDB Local…`);
    await cloud.stop();
    console.log('stopped.');
    process.exit(0);
  };
  // Ctrl-C, `kill`/`timeout` (npm passes SIGTERM on), a closed terminal: each an orderly stop. A death
  // no handler sees (SIGKILL) still takes DynamoDB Local with it: its watchdog (dynamodb-local.ts).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
} catch (error) {
  console.error(`Five Haves did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
