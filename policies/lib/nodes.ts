import { list, str, tagsOf } from "./read";
import {
    ROLE_FULL_NODE,
    ROLE_KUBERNETES_NODE,
    ROLE_PROVIDER_DAEMON,
    ROLE_VALIDATOR,
    TAG_EKS_CLUSTER_NAME,
    TAG_KUBERNETES_CLUSTER_PREFIX,
    TAG_ROLE,
} from "./tag-keys";
import { T } from "./types";

/*
 * What a compute resource (instance, launch template, Auto Scaling group, EKS
 * node group) runs, read from its tags: validators and full nodes by the
 * `virtengine:role` tag, Kubernetes nodes by role or by the tags EKS and the
 * Kubernetes cloud provider put on every node.
 */

type Props = Record<string, unknown>;

/** What a node runs; undefined for compute the pack has no rule for. */
export type NodeKind = "validator" | "full-node" | "kubernetes";

/** Words for messages. */
export const NODE_KIND_WORDS: Record<NodeKind, string> = {
    validator: "validator",
    "full-node": "full node",
    kubernetes: "Kubernetes node",
};

/**
 * A resource's tags, and for a launch template also the tags it gives the
 * instances it launches (`tagSpecifications` with resourceType "instance"):
 * a template for EKS nodes often carries its cluster tag only there. The
 * template's own tags win.
 */
export function nodeTagsOf(r: { type: string; props: Props }): Record<string, string> {
    const own = tagsOf(r.props);
    if (r.type !== T.launchTemplate) return own;
    const launched: Record<string, string> = {};
    for (const spec of list(r.props, "tagSpecifications")) {
        if (str(spec as Props, "resourceType") === "instance") Object.assign(launched, tagsOf(spec as Props));
    }
    return { ...launched, ...own };
}

/**
 * The kind of node a resource is or launches. EKS node groups are always
 * Kubernetes nodes. Instances, launch templates and Auto Scaling groups are
 * what their role tag says (`provider-daemon` nodes are Kubernetes nodes:
 * provider daemons are Kubernetes workloads); without a role, an
 * `eks:cluster-name` or `kubernetes.io/cluster/<name>` tag makes them
 * Kubernetes nodes, since EKS and the cloud provider need those on every node.
 */
export function nodeKindOf(r: { type: string; props: Props }): NodeKind | undefined {
    if (r.type === T.eksNodeGroup) return "kubernetes";
    if (r.type !== T.instance && r.type !== T.launchTemplate && r.type !== T.autoScalingGroup) return undefined;
    const tags = nodeTagsOf(r);
    switch (tags[TAG_ROLE]) {
        case ROLE_VALIDATOR:
            return "validator";
        case ROLE_FULL_NODE:
            return "full-node";
        case ROLE_KUBERNETES_NODE:
        case ROLE_PROVIDER_DAEMON:
            return "kubernetes";
    }
    const clusterTagged =
        TAG_EKS_CLUSTER_NAME in tags || Object.keys(tags).some((k) => k.startsWith(TAG_KUBERNETES_CLUSTER_PREFIX));
    return clusterTagged ? "kubernetes" : undefined;
}
