import { NotFoundMessage, notFoundMetadata } from "@/components/not-found-message";

export const metadata = notFoundMetadata;

export default function NotFound() {
  return <NotFoundMessage />;
}
