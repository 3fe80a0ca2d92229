import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { allowPrivateOutbound, assertPublicAddress } from "./address-guard";

export type ResolvedAddress = { address: string; family: number };
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;
export type GuardOptions = { resolve?: ResolveHost; allowPrivate?: boolean };

// Read from dns.promises at each call, so a test can answer for the system resolver.
export const systemResolve: ResolveHost = (hostname) => dns.promises.lookup(hostname, { all: true });

/** A URL's hostname without the brackets around an IPv6 literal. */
export function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/**
 * Every address the host stands for, refused if any one is not public: a name that answers both
 * public and internal addresses could be connected to either. A literal IP is checked without DNS.
 */
export async function resolvePublicAddresses(hostname: string, options: GuardOptions = {}): Promise<ResolvedAddress[]> {
  const host = bareHost(hostname);
  const allowPrivate = options.allowPrivate ?? allowPrivateOutbound();
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await (options.resolve ?? systemResolve)(host);
  if (addresses.length === 0) throw hostNotFound(host);
  for (const { address } of addresses) assertPublicAddress(host, address, allowPrivate);
  return addresses;
}

const familyNumbers: Record<string, number> = { 4: 4, 6: 6, IPv4: 4, IPv6: 6 };

/**
 * A `lookup` for net, http and https: it resolves, checks, and hands the socket only the addresses
 * it checked, so there is no second resolution for DNS to answer differently (rebinding).
 */
export function guardedLookup(options: GuardOptions = {}): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const wanted = familyNumbers[String(lookupOptions.family)];
    resolvePublicAddresses(hostname, options).then(
      (all) => {
        const addresses = wanted ? all.filter((a) => a.family === wanted) : all;
        const first = addresses[0];
        if (!first) return callback(hostNotFound(hostname), "");
        if (lookupOptions.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}

function hostNotFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
}
