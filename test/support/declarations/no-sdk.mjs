// `node --import tsx --import ./no-sdk.mjs`: registers the hooks that make @aws-sdk/* unloadable.
import { register } from 'node:module';

register('./no-sdk-hooks.mjs', import.meta.url);
