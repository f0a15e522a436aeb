import { apiGatewayReplicas, providerDaemonReplicas } from "../../components/kubernetes/scaling-plan";
import { CHARTS, IMAGES } from "../../components/kubernetes/versions";
import {
    cronHpaSpec,
    deploymentSpec,
    hpaSpec,
    scaledObjectSpec,
    triggerAuthenticationSpec,
} from "../../components/kubernetes/workload-specs";
import { CRONHPA_API_VERSION, CRONHPA_KIND } from "../../components/kubernetes/cronhpa-crd";
import type { RecordedResource } from "../../tools/harness/run-program";
import { resource } from "./fixtures";

/*
 * A healthy cluster's Kubernetes objects, built from the same spec builders
 * the program registers (components/kubernetes/workload-specs.ts), on a
 * Kubernetes provider with a cluster identifier. Each policy test changes
 * one thing.
 */

export const K8S = {
    provider: "pulumi:providers:kubernetes",
    deployment: "kubernetes:apps/v1:Deployment",
    hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    scaledObject: "kubernetes:keda.sh/v1alpha1:ScaledObject",
    triggerAuth: "kubernetes:keda.sh/v1alpha1:TriggerAuthentication",
    cronHpa: "kubernetes:autoscaling.alibabacloud.com/v1beta1:CronHorizontalPodAutoscaler",
    release: "kubernetes:helm.sh/v3:Release",
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Spec = Record<string, any>;

/** A Kubernetes object on the cluster's provider; names are prefixed with the region. */
function object(
    region: string,
    provider: RecordedResource,
    type: string,
    role: string,
    inputs: Spec,
): RecordedResource {
    return resource(type, `${region}-${role}`, structuredClone(inputs), {
        provider: `${provider.urn}::${region}-k8s-id`,
    });
}

/** One cluster's workloads, scaling owners and Helm releases. */
export function kubernetesCluster(region = "us-east-1"): RecordedResource[] {
    const provider = resource(K8S.provider, `${region}-k8s`, {
        clusterIdentifier: `${region}/virtengine-test-${region}`,
    });
    const at = (type: string, role: string, inputs: Spec) => object(region, provider, type, role, inputs);
    const deployment = (app: string, image: string) =>
        at(K8S.deployment, app, {
            apiVersion: "apps/v1",
            kind: "Deployment",
            ...deploymentSpec({
                app,
                image,
                port: 8080,
                requests: { cpu: "250m", memory: "512Mi" },
                limits: { memory: "1Gi" },
            }),
        });
    const release = (chart: { chart: string; version: string; repository: string }) =>
        at(K8S.release, chart.chart, {
            name: chart.chart,
            chart: chart.chart,
            version: chart.version,
            repositoryOpts: { repo: chart.repository },
            values: {},
        });
    return [
        provider,
        deployment("provider-daemon", IMAGES.providerDaemon),
        at(K8S.triggerAuth, "redis-trigger-auth", {
            apiVersion: "keda.sh/v1alpha1",
            kind: "TriggerAuthentication",
            ...triggerAuthenticationSpec(),
        }),
        at(K8S.scaledObject, "provider-daemon-scaler", {
            apiVersion: "keda.sh/v1alpha1",
            kind: "ScaledObject",
            ...scaledObjectSpec({
                replicas: providerDaemonReplicas(4),
                timeZone: "UTC",
                redisHost: "master.ve.cache.amazonaws.com",
            }),
        }),
        deployment("api-gateway", IMAGES.apiGateway),
        at(K8S.hpa, "api-gateway-hpa", {
            apiVersion: "autoscaling/v2",
            kind: "HorizontalPodAutoscaler",
            ...hpaSpec(apiGatewayReplicas()),
        }),
        at(K8S.cronHpa, "api-gateway-cronhpa", {
            apiVersion: CRONHPA_API_VERSION,
            kind: CRONHPA_KIND,
            ...cronHpaSpec(apiGatewayReplicas()),
        }),
        release(CHARTS.keda),
        release(CHARTS.kubePrometheusStack),
    ];
}

/** The resource named `<region>-<role>`. */
export function k8sObject(resources: readonly RecordedResource[], role: string, region = "us-east-1") {
    const found = resources.find((r) => r.name === `${region}-${role}`);
    if (!found) throw new Error(`no fixture ${region}-${role}`);
    return found;
}

/** The healthy cluster with `change` applied to a copy. */
export function clusterWith(change: (resources: RecordedResource[]) => void, region?: string): RecordedResource[] {
    const resources = kubernetesCluster(region);
    change(resources);
    return resources;
}

/** An HPA on the given Deployment, as someone might add one next to its ScaledObject. */
export function hpaOn(resources: RecordedResource[], app: string, region = "us-east-1"): RecordedResource {
    const provider = resources.find((r) => r.type === K8S.provider && r.name === `${region}-k8s`)!;
    const spec = hpaSpec(apiGatewayReplicas());
    spec.metadata.name = `${app}-extra`;
    spec.spec.scaleTargetRef.name = app;
    return object(region, provider, K8S.hpa, `${app}-extra-hpa`, {
        apiVersion: "autoscaling/v2",
        kind: "HorizontalPodAutoscaler",
        ...spec,
    });
}
