import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";

const eksTokenPrefix = "k8s-aws-v1.";
const clusterIdHeader = "x-k8s-aws-id";
// EKS accepts a token for 15 minutes after it was signed; `aws eks get-token` reports 14 as its expiry.
const tokenLifetimeMs = 15 * 60_000;
const refreshMarginMs = 60_000;

export interface EksTokenOptions {
  clusterName: string;
  region: string;
  credentials: ConstructorParameters<typeof SignatureV4>[0]["credentials"];
  now?: () => number;
}

export interface EksTokenSource {
  /** A bearer token for the cluster, signed again once the current one is within a minute of expiring. */
  current(): Promise<string>;
}

/** The token `aws eks get-token` prints: a presigned STS GetCallerIdentity URL that names the cluster. */
export async function signEksToken({ clusterName, region, credentials, now = Date.now }: EksTokenOptions) {
  const signer = new SignatureV4({ service: "sts", region, credentials, sha256: Sha256 });
  const hostname = `sts.${region}.amazonaws.com`;
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: "https:",
      hostname,
      path: "/",
      query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
      headers: { host: hostname, [clusterIdHeader]: clusterName },
    },
    { expiresIn: 60, signingDate: new Date(now()) },
  );
  const query = new URLSearchParams(signed.query as Record<string, string>);
  const url = `https://${hostname}/?${query.toString()}`;
  return eksTokenPrefix + Buffer.from(url).toString("base64url");
}

export function createEksTokenSource(options: EksTokenOptions): EksTokenSource {
  const now = options.now ?? Date.now;
  let cached: { token: Promise<string>; refreshAt: number } | undefined;
  return {
    current() {
      if (!cached || now() >= cached.refreshAt) {
        const signing = signEksToken({ ...options, now });
        const entry = { token: signing, refreshAt: now() + tokenLifetimeMs - refreshMarginMs };
        // A failed signing (no credentials yet) is tried again by the next request, not cached.
        signing.catch(() => {
          if (cached === entry) cached = undefined;
        });
        cached = entry;
      }
      return cached.token;
    },
  };
}
