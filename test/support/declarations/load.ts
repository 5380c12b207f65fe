import { pathToFileURL } from 'node:url';

/**
 * Loads the modules named on the command line (paths relative to the working directory) and prints
 * `{ loaded, failed }` as JSON: run by test/declarations.test.ts with the AWS SDK made unloadable.
 */
const loaded: string[] = [];
const failed: Array<{ module: string; error: string }> = [];
for (const module of process.argv.slice(2)) {
  try {
    await import(pathToFileURL(module).href);
    loaded.push(module);
  } catch (error) {
    failed.push({ module, error: (error as Error).message.split('\n')[0]! });
  }
}
process.stdout.write(JSON.stringify({ loaded, failed }));
