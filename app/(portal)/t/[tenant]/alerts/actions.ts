"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  alertIdInput,
  alertRuleIdInput,
  createAlertRuleInput,
  setAlertRuleEnabledInput,
} from "@/lib/alerts/alert-input";
import {
  changeAlert,
  createAlertRule as create,
  deleteAlertRule as remove,
  setAlertRuleEnabled as setEnabled,
} from "@/lib/alerts/manage-alerts";
import { channelIdInput, createChannelInput, setChannelEnabledInput } from "@/lib/notifications/channel-input";
import { createChannel, deleteChannel, setChannelEnabled } from "@/lib/notifications/channels";
import { sendTestMessage } from "@/lib/notifications/send-test-message";

export const acknowledgeAlert = defineAction("acknowledgeAlert", alertIdInput, (ctx, input) =>
  changeAlert(ctx, input.alertId, "acknowledged"),
);
export const resolveAlert = defineAction("resolveAlert", alertIdInput, (ctx, input) =>
  changeAlert(ctx, input.alertId, "resolved"),
);
export const createAlertRule = defineAction("createAlertRule", createAlertRuleInput, (ctx, input) =>
  create(ctx, input),
);
export const setAlertRuleEnabled = defineAction("setAlertRuleEnabled", setAlertRuleEnabledInput, (ctx, input) =>
  setEnabled(ctx, input.ruleId, input.enabled),
);
export const deleteAlertRule = defineAction("deleteAlertRule", alertRuleIdInput, (ctx, input) =>
  remove(ctx, input.ruleId),
);
export const createNotificationChannel = defineAction("createNotificationChannel", createChannelInput, (ctx, input) =>
  createChannel(ctx, input),
);
export const deleteNotificationChannel = defineAction("deleteNotificationChannel", channelIdInput, (ctx, input) =>
  deleteChannel(ctx, input),
);
export const setNotificationChannelEnabled = defineAction(
  "setNotificationChannelEnabled",
  setChannelEnabledInput,
  (ctx, input) => setChannelEnabled(ctx, input),
);
export const testNotificationChannel = defineAction("testNotificationChannel", channelIdInput, (ctx, input) =>
  sendTestMessage(ctx, input),
);
