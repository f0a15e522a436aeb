import { KUBERNETES_RELEASES, type KubernetesRelease } from "../../../components/kubernetes/versions";

/** How many days ahead the plan starts warning that standard support ends. */
export const SUPPORT_WARNING_DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * A warning when the configured Kubernetes version is past, or within
 * SUPPORT_WARNING_DAYS of, the end of EKS standard support on `today`, or
 * undefined. Past it, AWS bills extended support ($0.60 instead of $0.10 per
 * cluster-hour, which the cost estimate does not include), and the clusters'
 * STANDARD upgrade policy (eks-cluster.ts) lets EKS upgrade them on its own,
 * away from the version in config. EKS upgrades one minor version at a time.
 */
export function kubernetesSupportWarning(version: string, today: Date): string | undefined {
    const release = (KUBERNETES_RELEASES as Record<string, KubernetesRelease>)[version];
    if (release === undefined) return undefined;
    const ends = new Date(`${release.standardSupportEnds}T23:59:59Z`);
    const daysLeft = Math.floor((ends.getTime() - today.getTime()) / DAY_MS);
    const newest = Object.keys(KUBERNETES_RELEASES).sort(byMinor).at(-1);
    const move = `move virtengine:kubernetesVersion up one minor version at a time toward ${newest}`;
    if (daysLeft < 0) {
        return (
            `virtengine:kubernetesVersion ${version} left EKS standard support on ${release.standardSupportEnds}: ` +
            `extended support costs $0.60 per cluster-hour instead of $0.10 (not in this estimate), and the ` +
            `clusters' STANDARD upgrade policy lets EKS upgrade them itself; ${move}`
        );
    }
    if (daysLeft <= SUPPORT_WARNING_DAYS) {
        return (
            `virtengine:kubernetesVersion ${version} leaves EKS standard support on ${release.standardSupportEnds} ` +
            `(in ${daysLeft} days); ${move}`
        );
    }
    return undefined;
}

function byMinor(a: string, b: string): number {
    return Number(a.split(".")[1]) - Number(b.split(".")[1]);
}
