/**
 * The memory a service's functions get unless their construct says otherwise (MB): the stack's
 * `ServiceFunction` default, and what the bench prices a GB-second of Lambda at.
 */
export const DEFAULT_FUNCTION_MEMORY_MB = 512;
