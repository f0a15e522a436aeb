import { KUBERNETES_RELEASES, type KubernetesRelease } from "../../../components/kubernetes/versions";

/** How many days ahead the plan starts warning that standard support ends. */
export const SUPPORT_WARNING_DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * A warning when the configured Kubernetes version is past, or within
 * SUPPORT_WARNING_DAYS of, the end of EKS standard support on `today`, or
 * undefined. The clusters' upgrade policy is STANDARD (eks-cluster.ts): when
 * standard support ends, EKS upgrades them to the next minor version on its
 * own, and the next `pulumi up` would then try to downgrade them, which EKS
 * refuses. EKS upgrades one minor version at a time.
 */
export function kubernetesSupportWarning(version: string, today: Date): string | undefined {
    const release = (KUBERNETES_RELEASES as Record<string, KubernetesRelease>)[version];
    if (release === undefined) return undefined;
    const ends = new Date(`${release.standardSupportEnds}T23:59:59Z`);
    const daysLeft = Math.floor((ends.getTime() - today.getTime()) / DAY_MS);
    const next = `1.${Number(version.split(".")[1]) + 1}`;
    const pinned = next in KUBERNETES_RELEASES;
    const move = pinned
        ? `set virtengine:kubernetesVersion to ${next}`
        : `pin ${next} in components/kubernetes/versions.ts (add-on builds, autoscaler image), then set ` +
          `virtengine:kubernetesVersion to it`;
    if (daysLeft < 0) {
        return (
            `virtengine:kubernetesVersion ${version} left EKS standard support on ${release.standardSupportEnds}: ` +
            `EKS upgrades the clusters to ${next} on its own (upgrade policy STANDARD), and a plan for ${version} ` +
            `would try to downgrade them; ${move}`
        );
    }
    if (daysLeft <= SUPPORT_WARNING_DAYS) {
        return (
            `virtengine:kubernetesVersion ${version} leaves EKS standard support on ${release.standardSupportEnds} ` +
            `(in ${daysLeft} days), when EKS upgrades the clusters to ${next} on its own; ${move} before then`
        );
    }
    return undefined;
}
