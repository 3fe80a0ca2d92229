import { z } from "zod";
import { userRole, userStatus } from "@/db/schema";

// Pure zod fields shared by the user services' input schemas; the messages are shown as they are.
export const userIdField = z.uuid({ error: "That user does not exist." });

export const nameField = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, { error: "Enter a name." })
  .max(100, { error: "Use at most 100 characters for the name." });

export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter an email address." })
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address." }));

export const roleField = z.enum(userRole.enumValues, { error: "Choose a role: admin, auditor or user." });

export const statusField = z.enum(userStatus.enumValues, { error: "Choose active or disabled." });
