import type { Db } from "@/db/client";

export type ScaleTenant = { id: string; name: string; createdAt: Date };

export type PhaseResult = { table: string; created: number; existing: number; seconds: number };

/** What each phase of the seed works with: the database, the seed's infrastructure and tenants, and a way to report progress. */
export type ScaleContext = {
  db: Db;
  prefix: string;
  now: Date;
  infrastructureId: string;
  tenants: ScaleTenant[];
  progress: (message: string) => void;
};
