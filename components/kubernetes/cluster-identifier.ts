/*
 * A cluster's Kubernetes provider carries a known `clusterIdentifier`:
 * `<region>/<cluster name>`. It is known during a preview (the kubeconfig is
 * not), keeps the provider from being replaced when only credentials change,
 * and tells the offline plan and the policy pack which region a Kubernetes
 * object lives in (Kubernetes objects carry no AWS region of their own).
 * policies/lib/kubernetes.ts reads the same format; a test keeps them equal.
 */

export const clusterIdentifier = (region: string, clusterName: string) => `${region}/${clusterName}`;

/** The region of a cluster identifier, or undefined when it is not one of ours. */
export function regionOfClusterIdentifier(id: unknown): string | undefined {
    if (typeof id !== "string") return undefined;
    const match = /^([a-z]{2}(?:-[a-z]+)+-\d)\/[A-Za-z0-9][A-Za-z0-9_-]*$/.exec(id);
    return match?.[1];
}
