/*
 * The tags the policies read. The pack is self-contained (so `pulumi policy
 * publish` can ship the `policies/` folder alone); the program writes the same
 * keys from components/common/tags.ts, and tests/policies/tag-keys.test.ts
 * keeps the two equal.
 */

/** Node role: `validator`, `full-node`, `provider-daemon`. */
export const TAG_ROLE = "virtengine:role";
/** A validator's voting power; absent means 1. */
export const TAG_VOTING_POWER = "virtengine:voting-power";

export const ROLE_VALIDATOR = "validator";
export const ROLE_FULL_NODE = "full-node";
