/**
 * `npm run bench:web`: the job board's first load alone (npm run bench measures it too, with the rest).
 * Prints the figures; writes nothing.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { measureWebFirstLoad } = await import('./lib/web.ts');

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
console.log(JSON.stringify(await measureWebFirstLoad({ runs, log: (line) => console.log(`[bench] ${line}`) }), null, 2));
process.exit(0);
