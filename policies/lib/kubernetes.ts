import type { PolicyProviderResource } from "@pulumi/policy";
import { obj, str } from "./read";

/*
 * Reading Kubernetes objects as the pack sees them: the inputs of
 * `@pulumi/kubernetes` resources (apiVersion, kind, metadata, spec), and the
 * cluster a resource belongs to, from its provider's `clusterIdentifier`
 * (`<region>/<cluster name>`, see components/kubernetes/cluster-identifier.ts;
 * tests/policies/kubernetes-lib.test.ts keeps the two formats equal).
 */

type Props = Record<string, unknown>;

/** Kubernetes types the policies look at. */
export const K = {
    deployment: "kubernetes:apps/v1:Deployment",
    statefulSet: "kubernetes:apps/v1:StatefulSet",
    daemonSet: "kubernetes:apps/v1:DaemonSet",
    job: "kubernetes:batch/v1:Job",
    cronJob: "kubernetes:batch/v1:CronJob",
    pod: "kubernetes:core/v1:Pod",
    hpaV2: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    hpaV1: "kubernetes:autoscaling/v1:HorizontalPodAutoscaler",
    scaledObject: "kubernetes:keda.sh/v1alpha1:ScaledObject",
    cronHpa: "kubernetes:autoscaling.alibabacloud.com/v1beta1:CronHorizontalPodAutoscaler",
    helmRelease: "kubernetes:helm.sh/v3:Release",
    helmChartV3: "kubernetes:helm.sh/v3:Chart",
    helmChartV4: "kubernetes:helm.sh/v4:Chart",
} as const;

export const HPA_TYPES: readonly string[] = [K.hpaV2, K.hpaV1];

/** The region in a cluster identifier `<region>/<cluster name>`. */
export function regionOfClusterIdentifier(id: unknown): string | undefined {
    if (typeof id !== "string") return undefined;
    return /^([a-z]{2}(?:-[a-z]+)+-\d)\/[A-Za-z0-9][A-Za-z0-9_-]*$/.exec(id)?.[1];
}

/** Which cluster a Kubernetes resource is in: its provider's cluster identifier, else the provider's URN. */
export function clusterOf(r: { provider?: PolicyProviderResource }): string {
    if (!r.provider) return "(default provider)";
    return str(r.provider.props, "clusterIdentifier") ?? r.provider.urn;
}

/** `metadata.namespace` (default "default") and `metadata.name` of an object, when known. */
export function objectName(props: Props): { namespace: string; name: string | undefined } {
    const metadata = obj(props, "metadata") ?? {};
    return { namespace: str(metadata, "namespace") ?? "default", name: str(metadata, "name") };
}

/** The `spec` of an object, or an empty one. */
export const specOf = (props: Props): Props => obj(props, "spec") ?? {};

/** A scale target: kind and name (in the owner's namespace). */
export interface ScaleTarget {
    kind: string;
    name: string | undefined;
    apiVersion: string | undefined;
}

/** `spec.scaleTargetRef` of an HPA, ScaledObject or CronHPA. KEDA's kind defaults to Deployment. */
export function scaleTargetOf(props: Props): ScaleTarget {
    const ref = obj(specOf(props), "scaleTargetRef") ?? {};
    return { kind: str(ref, "kind") ?? "Deployment", name: str(ref, "name"), apiVersion: str(ref, "apiVersion") };
}

/** Number of whitespace-separated fields of a cron expression (descriptors such as `@daily` count as 0). */
export const cronFields = (schedule: string) =>
    schedule.trim().startsWith("@") ? 0 : schedule.trim().split(/\s+/).length;
