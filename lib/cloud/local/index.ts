export { createLocalDriver, localCloudId } from "./driver";
export { localDailyCosts } from "./costs";
export type { LocalCloudConfig, LocalFaults } from "../contract";
