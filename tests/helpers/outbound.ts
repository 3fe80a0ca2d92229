import dns from "node:dns";
import { isIP } from "node:net";
import { afterAll, beforeAll, vi, type MockInstance } from "vitest";
import type { ResolveHost } from "@/lib/outbound/resolve-host";

/** The portal refuses receivers on loopback addresses unless the setting is on; call in a file or describe whose receivers are on 127.0.0.1. */
export function allowLoopbackReceivers() {
  beforeAll(() => {
    vi.stubEnv("ENCLAVE_OUTBOUND_ALLOW_PRIVATE", "true");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
}

type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

/**
 * Answers the portal's DNS lookups: `answer` gives a name's addresses ([] for a name that does not
 * exist) or undefined to ask the system resolver. Undo with the returned spy's mockRestore().
 */
export function answerDns(answer: (hostname: string, call: number) => string[] | undefined): MockInstance<Lookup> {
  const system = dns.promises.lookup.bind(dns.promises);
  let calls = 0;
  const spy = vi.spyOn(dns.promises, "lookup") as unknown as MockInstance<Lookup>;
  return spy.mockImplementation(async (hostname) => {
    const addresses = answer(hostname, ++calls);
    if (!addresses) return system(hostname, { all: true });
    if (addresses.length === 0)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: isIP(address) }));
  });
}

/** A resolver that gives its answers in turn (the last one from then on) and counts how often it was asked. */
export function scriptedResolver(answers: string[][]): ResolveHost & { calls: number } {
  const resolve = Object.assign(
    async () =>
      (answers[resolve.calls++] ?? answers.at(-1) ?? []).map((address) => ({ address, family: isIP(address) })),
    { calls: 0 },
  );
  return resolve;
}
