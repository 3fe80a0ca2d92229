import type { AddressInfo } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sendMessage } from "@/lib/notifications/send-message";
import { postJsonOutbound } from "@/lib/outbound/post-json";
import { resolvePublicAddresses } from "@/lib/outbound/resolve-host";
import { answerDns, scriptedResolver } from "./helpers/outbound";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver";

// Every receiver is on 127.0.0.1: nothing here connects anywhere else, even where a test names another address.
const receivers: WebhookReceiver[] = [];
async function receiver(options?: Parameters<typeof startWebhookReceiver>[0]) {
  const started = await startWebhookReceiver(options);
  receivers.push(started);
  return started;
}
const portOf = (r: WebhookReceiver) => new URL(r.url()).port;
const timeoutMs = 5_000;

beforeEach(() => {
  vi.stubEnv("ENCLAVE_OUTBOUND_ALLOW_PRIVATE", "");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe("posting to a URL someone gave the portal", () => {
  it("refuses loopback receivers by default, by literal address and by name, before connecting", async () => {
    const http = await receiver();
    answerDns((host) => (host === "intranet.example" ? ["127.0.0.1"] : undefined));
    const refused = (url: string) => postJsonOutbound(url, {}, { timeoutMs });
    await expect(refused(http.url("/hook"))).rejects.toMatchObject({
      name: "OutboundRefusedError",
      message: "Refused: the URL points at a loopback address (127.0.0.1).",
    });
    await expect(refused(`http://[::1]:${portOf(http)}/hook`)).rejects.toThrow(
      "Refused: the URL points at a loopback address (::1).",
    );
    await expect(refused(`http://localhost:${portOf(http)}/hook`)).rejects.toThrow(
      "Refused: the URL points at a loopback address (127.0.0.1).",
    );
    await expect(refused(`http://intranet.example:${portOf(http)}/hook`)).rejects.toThrow(
      "Refused: the URL points at a loopback address (127.0.0.1).",
    );
    await expect(refused("ftp://127.0.0.1/hook")).rejects.toThrow(
      "Refused: only http:// and https:// URLs are sent to, not ftp://.",
    );
    expect(http.requests).toEqual([]);
  });

  it("answers a redirect as a failure and does not follow it, and refuses the first hop without the setting", async () => {
    const http = await receiver({ fallback: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    const channel = { kind: "webhook" as const, target: http.url("/hook") };
    await expect(sendMessage(channel, { json: { type: "test" } }, timeoutMs)).rejects.toThrow(
      "Refused: the URL points at a loopback address (127.0.0.1).",
    );
    expect(http.requests).toHaveLength(0);

    vi.stubEnv("ENCLAVE_OUTBOUND_ALLOW_PRIVATE", "true");
    await expect(sendMessage(channel, { json: { type: "test" } }, timeoutMs)).rejects.toThrow(
      "The receiver answered HTTP 302.",
    );
    expect(http.requests.map((r) => r.path)).toEqual(["/hook"]);
  });

  it("connects to the address its own lookup checked, keeping the name in the Host header", async () => {
    const http = await receiver();
    const resolve = scriptedResolver([["127.0.0.1"]]);
    expect(
      await postJsonOutbound(
        `http://hooks.test:${portOf(http)}/hook`,
        { hello: "world" },
        { timeoutMs, resolve, allowPrivate: true, headers: { "user-agent": "Enclave-Test" } },
      ),
    ).toBe(200);
    expect(resolve.calls).toBe(1);
    expect(http.requests).toMatchObject([
      {
        method: "POST",
        path: "/hook",
        body: { hello: "world" },
        headers: {
          host: `hooks.test:${portOf(http)}`,
          "content-type": "application/json",
          "user-agent": "Enclave-Test",
        },
      },
    ]);
  });

  it("asks a TLS receiver for the URL's name (SNI) while connecting to the checked address", async () => {
    const asked: string[] = [];
    // No certificate: the handshake stops once the name is known, which is all this needs.
    const tls = createTlsServer({
      SNICallback: (name, done) => (asked.push(name), done(new Error("no certificate here"))),
    });
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    try {
      const url = `https://hooks.test:${(tls.address() as AddressInfo).port}/hook`;
      await expect(
        postJsonOutbound(url, {}, { timeoutMs, resolve: scriptedResolver([["127.0.0.1"]]), allowPrivate: true }),
      ).rejects.toThrow();
      expect(asked).toEqual(["hooks.test"]);
    } finally {
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    }
  });

  it("refuses a name that answers public when saved and loopback when sent (DNS rebinding)", async () => {
    const http = await receiver();
    const resolve = scriptedResolver([["93.184.216.34"], ["127.0.0.1"]]);
    const url = `http://rebind.example:${portOf(http)}/hook`;
    await expect(resolvePublicAddresses(new URL(url).hostname, { resolve })).resolves.toEqual([
      { address: "93.184.216.34", family: 4 },
    ]);
    await expect(postJsonOutbound(url, {}, { timeoutMs, resolve })).rejects.toThrow(
      "Refused: the URL points at a loopback address (127.0.0.1).",
    );
    expect(resolve.calls).toBe(2);
    expect(http.requests).toEqual([]);
  });
});
