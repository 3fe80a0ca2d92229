import { DescribeClusterCommand, EKSClient, ResourceNotFoundException, ServerException } from "@aws-sdk/client-eks";
import { STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PermanentCloudError, TransientCloudError } from "@/lib/cloud/contract";
import { createKubernetesDriver } from "@/lib/cloud/kubernetes";
import { loadKubeConfig } from "@/lib/cloud/kubernetes/client";
import { buildKubeconfig, startKubernetesApiServer } from "./helpers/kubernetes-api-server";

const region = "eu-west-1";
const clusterName = "enclave-prod";
const credentials = { accessKeyId: "AKIAEKSTEST", secretAccessKey: "eks-test-secret" };
const caData = Buffer.from("-----BEGIN CERTIFICATE-----\ntest\n-----END CERTIFICATE-----\n").toString("base64");
const minutes = (count: number) => count * 60_000;

const eks = mockClient(EKSClient);
const sts = mockClient(STSClient);
let clock = Date.parse("2026-11-29T15:00:00Z");
const now = () => clock;
let server: Awaited<ReturnType<typeof startKubernetesApiServer>>;

function answerDescribeCluster(name: string, endpoint: string) {
  eks
    .on(DescribeClusterCommand, { name })
    .resolves({ cluster: { name, status: "ACTIVE", endpoint, certificateAuthority: { data: caData } } });
}

function decodeToken(authorization: string) {
  return new URL(Buffer.from(authorization.replace("Bearer k8s-aws-v1.", ""), "base64url").toString("utf8"));
}

beforeEach(async () => {
  eks.reset();
  sts.reset();
  vi.stubEnv("AWS_ACCESS_KEY_ID", credentials.accessKeyId);
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey);
  vi.stubEnv("AWS_SESSION_TOKEN", undefined);
  clock = Date.parse("2026-11-29T15:00:00Z");
  server = await startKubernetesApiServer({ eksToken: { clusterName, region, credentials, now } });
  answerDescribeCluster(clusterName, server.url);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe("kubernetes driver on EKS without a kubeconfig", () => {
  it("finds the endpoint with DescribeCluster and signs in with a presigned GetCallerIdentity token", async () => {
    const driver = createKubernetesDriver({ eks: { clusterName, region, now } });
    await expect(driver.checkConnectivity()).resolves.toEqual({ ok: true, detail: "Kubernetes v1.31.2" });
    await driver.ensure({ kind: "namespace", name: "acme", tenant: "acme", idempotencyKey: "acme" });
    expect(server.get("/api/v1/namespaces", "acme")).toBeDefined();

    expect(eks.commandCalls(DescribeClusterCommand)).toHaveLength(1);
    expect(sts.calls()).toHaveLength(0);
    const [authorization] = server.bearerTokens;
    expect(authorization).toMatch(/^Bearer k8s-aws-v1\.[A-Za-z0-9_-]+$/);
    const url = decodeToken(authorization!);
    expect(url.origin).toBe(`https://sts.${region}.amazonaws.com`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      Action: "GetCallerIdentity",
      Version: "2011-06-15",
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Credential": `${credentials.accessKeyId}/20261129/${region}/sts/aws4_request`,
      "X-Amz-Date": "20261129T150000Z",
      "X-Amz-Expires": "60",
      "X-Amz-SignedHeaders": "host;x-k8s-aws-id",
    });
  });

  it("carries the session token of a role's temporary credentials", async () => {
    vi.stubEnv("AWS_SESSION_TOKEN", "FwoGZXIvYXdzE/session+token=");
    const driver = createKubernetesDriver({ eks: { clusterName, region, now } });
    await expect(driver.checkConnectivity()).resolves.toMatchObject({ ok: true });
    expect(decodeToken(server.bearerTokens[0]!).searchParams.get("X-Amz-Security-Token")).toBe(
      "FwoGZXIvYXdzE/session+token=",
    );
  });

  it("is refused with a readable 401 when the token names another cluster or there is none", async () => {
    answerDescribeCluster("enclave-staging", server.url);
    const otherCluster = createKubernetesDriver({ eks: { clusterName: "enclave-staging", region, now } });
    await expect(otherCluster.checkConnectivity()).resolves.toEqual({
      ok: false,
      detail: "Kubernetes API answered 401: the cluster did not accept the portal's credentials",
    });
    const withoutToken = createKubernetesDriver({ kubeconfig: buildKubeconfig(server.url) });
    await expect(
      withoutToken.ensure({ kind: "namespace", name: "acme", tenant: "acme", idempotencyKey: "acme" }),
    ).rejects.toThrow(PermanentCloudError);
    expect(server.tokenRefusals).toEqual(["signature does not match this cluster", "no EKS bearer token"]);
  });

  it("signs a new token a minute before the current one expires", async () => {
    const driver = createKubernetesDriver({ eks: { clusterName, region, now } });
    await driver.checkConnectivity();
    clock += minutes(13);
    await driver.checkConnectivity();
    clock += minutes(1);
    await expect(driver.checkConnectivity()).resolves.toMatchObject({ ok: true });

    const [first, second, third] = server.bearerTokens;
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    expect(decodeToken(third!).searchParams.get("X-Amz-Date")).toBe("20261129T151400Z");
  });
});

describe("choosing how to reach the cluster", () => {
  it("says when the EKS cluster does not exist, and looks it up again on the next call", async () => {
    eks
      .on(DescribeClusterCommand, { name: "missing" })
      .rejectsOnce(new ResourceNotFoundException({ message: "No cluster found for name: missing.", $metadata: {} }));
    const driver = createKubernetesDriver({ eks: { clusterName: "missing", region, now } });
    await expect(driver.checkConnectivity()).resolves.toEqual({
      ok: false,
      detail: `EKS cluster missing was not found in ${region}.`,
    });
    await driver.checkConnectivity();
    expect(eks.commandCalls(DescribeClusterCommand)).toHaveLength(2);
  });

  it("treats an EKS server fault as worth retrying", async () => {
    eks
      .on(DescribeClusterCommand, { name: "busy" })
      .rejects(new ServerException({ message: "Internal failure", $metadata: { httpStatusCode: 500 } }));
    const driver = createKubernetesDriver({ eks: { clusterName: "busy", region, now } });
    await expect(driver.listTenantResources("acme")).rejects.toThrow(TransientCloudError);
  });

  it("keeps a given kubeconfig ahead of the EKS cluster", async () => {
    const plain = await startKubernetesApiServer();
    try {
      const driver = createKubernetesDriver({ kubeconfig: buildKubeconfig(plain.url), eks: { clusterName, region } });
      await expect(driver.checkConnectivity()).resolves.toMatchObject({ ok: true });
      expect(eks.calls()).toHaveLength(0);
    } finally {
      await plain.close();
    }
  });

  it("trusts the cluster's certificate authority on an https endpoint", async () => {
    answerDescribeCluster("tls", "https://ABC.gr7.eu-west-1.eks.amazonaws.com");
    const config = await loadKubeConfig({ eks: { clusterName: "tls", region } });
    expect(config.getCurrentCluster()).toMatchObject({
      server: "https://ABC.gr7.eu-west-1.eks.amazonaws.com",
      caData,
      skipTLSVerify: false,
    });
  });
});
