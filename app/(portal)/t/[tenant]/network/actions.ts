"use server";

import { defineAction } from "@/lib/actions/define-action";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { addNetworkRule as add } from "@/lib/network/add-network-rule";
import { removeNetworkRule as remove } from "@/lib/network/remove-network-rule";
import { addNetworkRuleInput, removeNetworkRuleInput } from "@/lib/network/rule-input";
import { createShare as create } from "@/lib/shares/create-share";
import { decideShare as decide } from "@/lib/shares/decide-share";
import { requestShare as request } from "@/lib/shares/request-share";
import { revokeShare as revoke } from "@/lib/shares/revoke-share";
import { createShareInput, decideShareInput, requestShareInput, revokeShareInput } from "@/lib/shares/share-input";

export const addNetworkRule = defineAction("addNetworkRule", addNetworkRuleInput, (ctx, input) => add(ctx, input));
export const removeNetworkRule = defineAction("removeNetworkRule", removeNetworkRuleInput, (ctx, input) =>
  remove(ctx, input),
);

// A share's grant and removal run on the owner's engine: each starting action hands its operation over after commit.
const enqueued = async <R extends { operationId?: string | null }>(result: R) => {
  if (result.operationId) await enqueueOperation(result.operationId);
  return result;
};

export const requestShare = defineAction("requestShare", requestShareInput, (ctx, input) => request(ctx, input));
export const decideShare = defineAction("decideShare", decideShareInput, async (ctx, input) =>
  enqueued(await decide(ctx, input)),
);
export const revokeShare = defineAction("revokeShare", revokeShareInput, async (ctx, input) =>
  enqueued(await revoke(ctx, input)),
);
export const createShare = defineAction("createShare", createShareInput, async (ctx, input) =>
  enqueued(await create(ctx, input)),
);
