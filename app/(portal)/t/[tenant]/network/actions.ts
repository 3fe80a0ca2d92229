"use server";

import { defineAction } from "@/lib/actions/define-action";
import { addNetworkRule as add } from "@/lib/network/add-network-rule";
import { removeNetworkRule as remove } from "@/lib/network/remove-network-rule";
import { addNetworkRuleInput, removeNetworkRuleInput } from "@/lib/network/rule-input";

export const addNetworkRule = defineAction("addNetworkRule", addNetworkRuleInput, (ctx, input) => add(ctx, input));
export const removeNetworkRule = defineAction("removeNetworkRule", removeNetworkRuleInput, (ctx, input) =>
  remove(ctx, input),
);
