import { describe, expect, it } from "vitest";
import { groupWrites } from "@/lib/provisioning/group-writes";

describe("grouped writes", () => {
  it("writes a lone call at once, and the calls made meanwhile together in the next write", async () => {
    const writes: number[][] = [];
    const write = groupWrites(async (items: number[]) => {
      writes.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((n) => n * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map(write));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
    expect(await write(5)).toBe(50);
  });

  it("answers a call only once the write holding it has finished, and fails every call of a failed write", async () => {
    let fail = true;
    const write = groupWrites(async (items: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error(`refused ${items.join(",")}`);
      return items;
    });
    const first = write("a");
    const [second, third] = [write("b"), write("c")];
    await expect(first).rejects.toThrow("refused a");
    fail = false;
    expect(await Promise.all([second, third])).toEqual(["b", "c"]);
  });
});
