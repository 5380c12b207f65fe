/**
 * Physical names of the platform's resources in a stage. Tables are named by the kernel
 * (`tableName`), because the local runtime creates them too; everything else is named here.
 */
export function physicalName(stage: string, ...parts: string[]): string {
  return ['five-haves', stage, ...parts].join('-');
}

/** The platform's event bus: `five-haves-dev`, `five-haves-prod`. */
export function busName(stage: string): string {
  return physicalName(stage);
}
