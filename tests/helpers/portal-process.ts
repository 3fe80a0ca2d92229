// A single-process portal without its HTTP server, for tests that kill it: see startPortal.
import { prepareServer } from "@/lib/server/prepare";

await prepareServer();
