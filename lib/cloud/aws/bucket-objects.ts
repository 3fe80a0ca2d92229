import { DeleteObjectsCommand, ListObjectVersionsCommand, type ObjectIdentifier } from "@aws-sdk/client-s3";
import { PermanentCloudError, TransientCloudError } from "../contract";
import type { AwsContext } from "./clients";

/** Deletes every version and delete marker, a page (at most 1,000, DeleteObjects' limit too) at a time. */
export async function emptyBucket({ clients }: AwsContext, name: string): Promise<void> {
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  do {
    const page = await clients.s3.send(new ListObjectVersionsCommand({ Bucket: name, KeyMarker, VersionIdMarker }));
    const objects: ObjectIdentifier[] = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .filter((entry) => entry.Key !== undefined)
      .map(({ Key, VersionId }) => ({ Key: Key!, VersionId }));
    if (objects.length > 0) {
      const deleted = await clients.s3.send(
        new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: objects, Quiet: true } }),
      );
      const failed = deleted.Errors ?? [];
      if (failed.length > 0) {
        const [first] = failed;
        const detail = `S3 could not delete ${failed.length} object(s) of bucket ${name}, such as ${first?.Key} (${first?.Code}: ${first?.Message}).`;
        throw failed.every((failure) => failure.Code === "AccessDenied")
          ? new PermanentCloudError(detail)
          : new TransientCloudError(detail);
      }
    }
    const more = Boolean(page.IsTruncated);
    KeyMarker = more ? page.NextKeyMarker : undefined;
    VersionIdMarker = more ? page.NextVersionIdMarker : undefined;
  } while (KeyMarker);
}
