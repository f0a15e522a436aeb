import type { Policies } from "@pulumi/policy";

/**
 * The pack's policies, one file each (see ../shared/DESIGN.md, "The policy
 * pack"). They are built in the guardrails issue; until then the pack loads
 * and enforces nothing.
 */
export const policies: Policies = [];
