export { createAwsDriver, type AwsDriverOptions } from "./driver";
export type { AwsClients } from "./clients";
