import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * The schemas are written with `zod/mini` (functions and `.check(…)` instead of methods: the same
 * checks as classic zod, a fraction of its size and of its cost at import). Unlike classic zod, mini
 * loads no messages, so every issue would read "Invalid input"; a problem+json must say what is wrong
 * ("Too big: expected array to have <=50 items"), so English is configured once for the process.
 * Imported for its effect by the kernel modules every schema passes through.
 */
z.config(en());
