export { createLocalDriver } from "./driver";
export { localDailyCosts } from "./costs";
export type { LocalCloudConfig, LocalFaults } from "../contract";
