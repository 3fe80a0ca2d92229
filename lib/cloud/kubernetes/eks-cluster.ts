import { DescribeClusterCommand, EKSClient, EKSServiceException } from "@aws-sdk/client-eks";
import { KubeConfig } from "@kubernetes/client-node";
import { PermanentCloudError, TransientCloudError } from "../contract";
import { createEksTokenSource, type EksTokenSource } from "./eks-token";

export interface EksClusterOptions {
  clusterName: string;
  region: string;
  /** The clock the token's refresh is measured on; tests move it forward. */
  now?: () => number;
}

type Authenticator = Parameters<KubeConfig["addAuthenticator"]>[0];

const eksUserName = "enclave-eks";

interface EksEndpoint {
  server: string;
  caData?: string;
}

/** A missing cluster or a refused call is for the admin; throttling, AWS faults and network trouble pass. */
function toDescribeClusterError(error: unknown, clusterName: string, region: string): Error {
  if (error instanceof EKSServiceException && error.name === "ResourceNotFoundException")
    return new PermanentCloudError(`EKS cluster ${clusterName} was not found in ${region}.`);
  const message = `AWS EKS DescribeCluster ${clusterName}: ${error instanceof Error ? error.message : String(error)}`;
  const transient =
    error instanceof EKSServiceException
      ? error.$fault === "server" || Boolean(error.$retryable)
      : /ECONN|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|Timeout/.test(`${(error as { code?: string })?.code} ${error}`);
  return transient ? new TransientCloudError(message) : new PermanentCloudError(message);
}

async function describeEksCluster(client: EKSClient, clusterName: string, region: string): Promise<EksEndpoint> {
  const { cluster } = await client
    .send(new DescribeClusterCommand({ name: clusterName }))
    .catch((error: unknown) => Promise.reject(toDescribeClusterError(error, clusterName, region)));
  if (!cluster?.endpoint)
    throw new TransientCloudError(
      `EKS cluster ${clusterName} has no API endpoint yet (${cluster?.status ?? "unknown"}).`,
    );
  return { server: cluster.endpoint, caData: cluster.certificateAuthority?.data };
}

/** Puts the current token on every request, since the client library reads a kubeconfig token only once. */
function createEksAuthenticator(tokens: EksTokenSource): Authenticator {
  return {
    isAuthProvider: (user) => user.name === eksUserName,
    async applyAuthentication(_user, opts) {
      const token = await tokens.current();
      opts.headers = { ...opts.headers, Authorization: `Bearer ${token}` };
    },
  };
}

/** A KubeConfig for an EKS cluster reached with the portal's own AWS credentials (the SDK's default chain). */
export async function loadEksKubeConfig({ clusterName, region, now }: EksClusterOptions): Promise<KubeConfig> {
  const client = new EKSClient({ region });
  const { server, caData } = await describeEksCluster(client, clusterName, region);
  const config = new KubeConfig();
  config.addAuthenticator(
    createEksAuthenticator(createEksTokenSource({ clusterName, region, now, credentials: client.config.credentials })),
  );
  config.loadFromOptions({
    // Plain http only happens against a local stand-in; the client library refuses it unless TLS checks are off.
    clusters: [{ name: clusterName, server, caData, skipTLSVerify: server.startsWith("http:") }],
    users: [{ name: eksUserName }],
    contexts: [{ name: clusterName, cluster: clusterName, user: eksUserName }],
    currentContext: clusterName,
  });
  return config;
}
