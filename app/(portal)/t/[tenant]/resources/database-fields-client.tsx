"use client";

import { useState } from "react";
import { SelectField } from "@/components/select-field";
import { databaseEngines, type DatabaseEngine } from "@/lib/cloud/contract/databases";
import {
  databaseEngineLabels,
  databaseSizes,
  databaseStorage,
  databaseVersions,
} from "@/lib/resources/database-options";

const sizes = Object.entries(databaseSizes).map(([value, { label, instanceClass }]) => ({
  value,
  label: `${label.split(" ")[0]} (${instanceClass})`,
}));

/** A database's settings in the new-resource form; the versions follow the engine chosen. */
export function DatabaseFields() {
  const [engine, setEngine] = useState<DatabaseEngine>("postgres");
  return (
    <>
      <label className="text-sm font-medium">
        Engine
        <select
          name="engine"
          value={engine}
          onChange={(e) => setEngine(e.target.value as DatabaseEngine)}
          className="input mt-1"
        >
          {databaseEngines.map((e) => (
            <option key={e} value={e}>
              {databaseEngineLabels[e]}
            </option>
          ))}
        </select>
      </label>
      <SelectField
        key={engine}
        label="Engine version"
        name="engineVersion"
        defaultValue={databaseVersions[engine][0]}
        options={databaseVersions[engine]}
      />
      <SelectField label="Size" name="size" defaultValue="small" options={sizes} />
      <label className="text-sm font-medium">
        Storage (GiB)
        <input
          name="storageGiB"
          type="number"
          min={databaseStorage.min}
          max={databaseStorage.max}
          defaultValue={databaseStorage.min}
          className="input mt-1"
        />
      </label>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="multiAz" /> Multi-AZ (a standby in a second availability zone)
      </label>
    </>
  );
}
