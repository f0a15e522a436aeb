/** Tags as AWS takes them. */
export type Tags = Record<string, string>;

/** Tag keys the policy pack and operators rely on; keep them stable. */
export const TAG_ROLE = "virtengine:role";
export const TAG_VOTING_POWER = "virtengine:voting-power";
export const TAG_ZONE = "virtengine:zone";

/**
 * Node roles, as written in the `virtengine:role` tag: components take them
 * from here, never as literals, and the policy pack reads the same strings
 * (policies/lib/tag-keys.ts; tests/policies/tag-keys.test.ts keeps them equal).
 */
export const ROLE = {
    validator: "validator",
    fullNode: "full-node",
    providerDaemon: "provider-daemon",
    kubernetesNode: "kubernetes-node",
} as const;
export type NodeRole = (typeof ROLE)[keyof typeof ROLE];

/**
 * The one way tags are merged everywhere: the resource's `Name`, then the
 * stack-wide tags, then what is specific to the resource, later keys winning.
 */
export function mergeTags(name: string, common: Tags | undefined, specific?: Tags): Tags {
    return { Name: name, ...common, ...specific };
}
