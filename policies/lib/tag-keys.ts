/*
 * The tags the policies read. The pack is self-contained (so `pulumi policy
 * publish` can ship the `policies/` folder alone); the program writes the same
 * keys from components/common/tags.ts, and tests/policies/tag-keys.test.ts
 * keeps the two equal.
 */

/** Node role: `validator`, `full-node`, `provider-daemon`, `kubernetes-node`. */
export const TAG_ROLE = "virtengine:role";
/** A validator's voting power; absent means 1. */
export const TAG_VOTING_POWER = "virtengine:voting-power";

export const ROLE_VALIDATOR = "validator";
export const ROLE_FULL_NODE = "full-node";
/** Provider daemons run as Kubernetes workloads: nodes tagged for them are Kubernetes nodes. */
export const ROLE_PROVIDER_DAEMON = "provider-daemon";
/** Any other Kubernetes (EKS) worker node. */
export const ROLE_KUBERNETES_NODE = "kubernetes-node";

/** Set by EKS on the instances (and launch templates) of managed node groups. */
export const TAG_EKS_CLUSTER_NAME = "eks:cluster-name";
/** `kubernetes.io/cluster/<name>` = owned | shared: the tag the cloud provider needs on every node. */
export const TAG_KUBERNETES_CLUSTER_PREFIX = "kubernetes.io/cluster/";

/** What a resource holds backups of (buckets) or is backed up as (volumes). */
export const TAG_BACKUP = "virtengine:backup";
export const BACKUP_CLASS_CHAIN_STATE = "chain-state";
export const BACKUP_CLASS_VALIDATOR_VOLUME = "validator-volume";
