import ipaddr from "ipaddr.js";

/** Why an outbound request was not made; the message is written for the person who gave the URL. */
export class OutboundRefusedError extends Error {
  name = "OutboundRefusedError";
  constructor(
    message: string,
    /** The same, as a clause: "127.0.0.1 is a loopback address". */
    readonly reason: string = message,
  ) {
    super(message);
  }
}

// The setting opens only these: link-local (where cloud metadata answers), multicast and the rest stay shut.
const privateRanges = new Set(["loopback", "private", "uniqueLocal"]);

const rangeWords: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  uniqueLocal: "a private (unique-local) address",
  carrierGradeNat: "a carrier-grade NAT address",
  linkLocal: "a link-local address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
};

/** ENCLAVE_OUTBOUND_ALLOW_PRIVATE=true, for development and tests: receivers on loopback and private addresses. */
export function allowPrivateOutbound(env: Partial<NodeJS.ProcessEnv> = process.env): boolean {
  return env.ENCLAVE_OUTBOUND_ALLOW_PRIVATE === "true";
}

/** ipaddr.js's name for the address's range; an IPv4-mapped IPv6 address is named as the IPv4 address it carries. */
export function addressRange(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).range() : "invalid";
}

export function isPublicAddress(address: string, allowPrivate = false): boolean {
  const range = addressRange(address);
  return range === "unicast" || (allowPrivate && privateRanges.has(range));
}

/** Throws unless `address`, which `hostname` stands for, is a public unicast address (or a private one the setting opens). */
export function assertPublicAddress(hostname: string, address: string, allowPrivate: boolean): void {
  if (isPublicAddress(address, allowPrivate)) return;
  const what = rangeWords[addressRange(address)] ?? "an address that is not public";
  const reason = hostname === address ? `${address} is ${what}` : `${hostname} resolves to ${address}, ${what}`;
  throw new OutboundRefusedError(`Refused: the URL points at ${what} (${address}).`, reason);
}

/** Only http and https leave the portal. */
export function assertWebUrl(url: URL): void {
  if (url.protocol === "http:" || url.protocol === "https:") return;
  throw new OutboundRefusedError(`Refused: only http:// and https:// URLs are sent to, not ${url.protocol}//.`);
}
