import { describe, expect, it } from "vitest";
import { groupWrites } from "@/lib/provisioning/group-writes";

describe("grouped writes", () => {
  it("writes the calls of one turn together, and the calls made meanwhile together in the next write", async () => {
    const writes: number[][] = [];
    const write = groupWrites(async (items: number[]) => {
      writes.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((n) => n * 10);
    });
    const first = Promise.all([1, 2].map(write));
    await new Promise((resolve) => setTimeout(resolve, 1));
    const meanwhile = Promise.all([3, 4, 5].map(write));
    expect([...(await first), ...(await meanwhile)]).toEqual([10, 20, 30, 40, 50]);
    expect(writes).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(await write(6)).toBe(60);
  });

  it("answers a call only once the write holding it has finished, and fails every call of a failed write", async () => {
    let fail = true;
    const write = groupWrites(async (items: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error(`refused ${items.join(",")}`);
      return items;
    });
    const first = write("a");
    await new Promise((resolve) => setTimeout(resolve, 1));
    const [second, third] = [write("b"), write("c")];
    await expect(first).rejects.toThrow("refused a");
    fail = false;
    expect(await Promise.all([second, third])).toEqual(["b", "c"]);
  });
});
