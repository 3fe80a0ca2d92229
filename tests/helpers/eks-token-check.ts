import { createHash, createHmac } from "node:crypto";

export interface EksTokenExpectation {
  clusterName: string;
  region: string;
  /** The keys the portal signs with, so the server can recompute the signature as STS would. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  now?: () => number;
}

const prefix = "k8s-aws-v1.";
const acceptedForMs = 15 * 60_000;
const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");
const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const escape = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function parseAmzDate(value: string): number {
  return Date.parse(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
}

/** SigV4 written out by hand (not with the signer the portal uses), with the cluster name STS would be given. */
function expectedSignature(url: URL, expected: EksTokenExpectation): string {
  const query = [...url.searchParams].filter(([key]) => key !== "X-Amz-Signature");
  const canonicalQuery = query
    .map(([key, value]) => `${escape(key)}=${escape(value)}`)
    .sort()
    .join("&");
  const headers = `host:${url.hostname}\nx-k8s-aws-id:${expected.clusterName}\n`;
  const canonicalRequest = ["GET", "/", canonicalQuery, headers, "host;x-k8s-aws-id", sha256Hex("")].join("\n");
  const amzDate = url.searchParams.get("X-Amz-Date")!;
  const scope = `${amzDate.slice(0, 8)}/${expected.region}/sts/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  let key: Buffer = hmac(`AWS4${expected.credentials.secretAccessKey}`, amzDate.slice(0, 8));
  for (const part of [expected.region, "sts", "aws4_request"]) key = hmac(key, part);
  return createHmac("sha256", key).update(stringToSign).digest("hex");
}

/**
 * What EKS's authenticator checks: a presigned STS GetCallerIdentity URL for the region with
 * x-k8s-aws-id signed, then STS's own check of the signature with the cluster name EKS adds.
 * Returns why the token is refused, or null when it is accepted.
 */
export function checkEksToken(authorization: string | undefined, expected: EksTokenExpectation): string | null {
  const bearer = authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!bearer?.startsWith(prefix)) return "no EKS bearer token";
  const url = new URL(Buffer.from(bearer.slice(prefix.length), "base64url").toString("utf8"));
  const query = Object.fromEntries(url.searchParams);
  const hostname = `sts.${expected.region}.amazonaws.com`;
  if (url.protocol !== "https:" || url.hostname !== hostname || url.pathname !== "/") return `not a URL of ${hostname}`;
  if (query.Action !== "GetCallerIdentity" || query.Version !== "2011-06-15") return "not GetCallerIdentity";
  if (query["X-Amz-Expires"] !== "60") return "X-Amz-Expires is not 60";
  if (query["X-Amz-SignedHeaders"] !== "host;x-k8s-aws-id") return "x-k8s-aws-id is not signed";
  if (!query["X-Amz-Credential"]?.startsWith(`${expected.credentials.accessKeyId}/`)) return "unknown access key";
  const signedAt = parseAmzDate(query["X-Amz-Date"] ?? "");
  if (!(Math.abs((expected.now ?? Date.now)() - signedAt) <= acceptedForMs)) return "token expired";
  return query["X-Amz-Signature"] === expectedSignature(url, expected) ? null : "signature does not match this cluster";
}
