import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createChannelInput } from "@/lib/notifications/channel-input";
import { addressRange, allowPrivateOutbound, isPublicAddress } from "@/lib/outbound/address-guard";
import { resolvePublicAddresses } from "@/lib/outbound/resolve-host";
import { answerDns, scriptedResolver } from "./helpers/outbound";

const internal = [
  "127.0.0.1",
  "127.8.9.10",
  "10.0.0.1",
  "172.16.5.4",
  "192.168.1.1",
  "100.64.0.1",
  "169.254.169.254",
  "0.0.0.0",
  "255.255.255.255",
  "224.0.0.1",
  "192.0.2.1",
  "::1",
  "::",
  "fe80::1",
  "fd00:ec2::254",
  "fc00::1",
  "ff02::1",
  "::ffff:127.0.0.1",
  "::ffff:7f00:1",
  "::ffff:169.254.169.254",
  "64:ff9b::a00:1",
];
const publicAddresses = ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"];

beforeEach(() => {
  vi.stubEnv("ENCLAVE_OUTBOUND_ALLOW_PRIVATE", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("which addresses the portal sends to", () => {
  it.each(internal)("refuses %s", (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(publicAddresses)("takes the public unicast address %s", (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it("names the range with ipaddr.js, IPv4-mapped addresses as the IPv4 address they carry", () => {
    expect(
      [
        "127.0.0.1",
        "10.0.0.1",
        "100.64.0.1",
        "169.254.169.254",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "not an address",
      ].map(addressRange),
    ).toEqual(["loopback", "private", "carrierGradeNat", "linkLocal", "uniqueLocal", "loopback", "invalid"]);
  });

  it("opens loopback and private addresses only when ENCLAVE_OUTBOUND_ALLOW_PRIVATE is true, and never link-local or multicast", () => {
    expect(["127.0.0.1", "10.0.0.1", "fd12::1"].every((a) => isPublicAddress(a, true))).toBe(true);
    expect(["169.254.169.254", "fe80::1", "224.0.0.1", "0.0.0.0"].some((a) => isPublicAddress(a, true))).toBe(false);
    expect([
      allowPrivateOutbound({}),
      allowPrivateOutbound({ ENCLAVE_OUTBOUND_ALLOW_PRIVATE: "1" }),
      allowPrivateOutbound({ ENCLAVE_OUTBOUND_ALLOW_PRIVATE: "true" }),
    ]).toEqual([false, false, true]);
  });

  it("checks a literal IP without DNS, and refuses a name when any one of its addresses is internal", async () => {
    const resolve = scriptedResolver([["93.184.216.34", "10.1.2.3"]]);
    await expect(resolvePublicAddresses("10.0.0.1", { resolve })).rejects.toThrow(
      "Refused: the URL points at a private address (10.0.0.1).",
    );
    await expect(resolvePublicAddresses("[::1]", { resolve })).rejects.toThrow(
      "Refused: the URL points at a loopback address (::1).",
    );
    expect(resolve.calls).toBe(0);
    await expect(resolvePublicAddresses("mixed.example", { resolve })).rejects.toMatchObject({
      reason: "mixed.example resolves to 10.1.2.3, a private address",
    });
    await expect(resolvePublicAddresses("93.184.216.34", { resolve })).resolves.toEqual([
      { address: "93.184.216.34", family: 4 },
    ]);
  });
});

describe("saving a channel", () => {
  const channel = (target: string) => ({ tenant: "acme", name: "pager", kind: "webhook", target });
  const targetIssue = async (target: string) =>
    (await createChannelInput.safeParseAsync(channel(target))).error?.issues[0];
  const inside = (reason: string) => ({
    path: ["target"],
    message: `This address points inside the portal's own network (${reason}); give a public URL.`,
  });
  beforeEach(() => {
    answerDns(
      (host) =>
        ({ "intranet.example": ["10.1.2.3"], "hooks.example.com": ["93.184.216.34"], "nowhere.example": [] })[host],
    );
  });

  it.each([
    ["http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address"],
    ["http://10.0.0.1/hook", "10.0.0.1 is a private address"],
    ["http://[::1]/hook", "::1 is a loopback address"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"],
    ["http://[fd00:ec2::254]/", "fd00:ec2::254 is a private (unique-local) address"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is a loopback address"],
    ["https://intranet.example/hook", "intranet.example resolves to 10.1.2.3, a private address"],
    ["http://localhost:3000/hook", "localhost resolves to 127.0.0.1, a loopback address"],
  ])("refuses %s", async (target, reason) => {
    expect(await targetIssue(target)).toMatchObject(inside(reason));
  });

  it("says when a host cannot be found, refuses other schemes, and takes a public host", async () => {
    expect(await targetIssue("https://nowhere.example/hook")).toMatchObject({
      path: ["target"],
      message: "Could not find host nowhere.example. Check the URL for typos.",
    });
    for (const target of ["file:///etc/passwd", "gopher://hooks.example.com/", "ftp://hooks.example.com/"])
      expect((await targetIssue(target))?.message).toBe("Give the webhook's URL, starting with https:// or http://.");
    expect(await targetIssue("https://hooks.example.com/services/abc")).toBeUndefined();
  });

  it("takes a loopback receiver with ENCLAVE_OUTBOUND_ALLOW_PRIVATE=true, but still not the metadata address", async () => {
    vi.stubEnv("ENCLAVE_OUTBOUND_ALLOW_PRIVATE", "true");
    expect(await targetIssue("http://127.0.0.1:8080/hook")).toBeUndefined();
    expect(await targetIssue("http://169.254.169.254/")).toMatchObject(
      inside("169.254.169.254 is a link-local address"),
    );
  });
});
