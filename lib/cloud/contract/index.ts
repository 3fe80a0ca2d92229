// The cloud's contract: what every driver and its callers share. It imports nothing of the project,
// so the database schema and every driver can depend on it without a cycle.
export * from "./config";
export * from "./databases";
export * from "./driver";
export * from "./errors";
export * from "./resource-kinds";
export * from "./telemetry";
