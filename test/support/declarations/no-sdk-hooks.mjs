// Module hooks for test/declarations.test.ts: any import of the AWS SDK fails, as if it were not installed.
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@aws-sdk/') || specifier.startsWith('@smithy/')) {
    throw Object.assign(new Error(`${specifier} may not be loaded here (imported by ${context.parentURL ?? 'the entry'})`), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}
