export * from "./users";
export * from "./infrastructures";
export * from "./tenants";
export * from "./grants";
export * from "./audit";
export * from "./operations";
export * from "./group-mappings";
export * from "./local-cloud";
