/**
 * Every version the Kubernetes stack pins, in one place, so an upgrade is one
 * reviewed diff and the `pinned-versions` policy has one thing to agree with.
 *
 * Sources: chart versions from the chart repositories' index.yaml (KEDA
 * 2.20.2, kube-prometheus-stack 88.5.3, as measured in
 * ../shared/facts/kubernetes.md). Add-on versions must be ones EKS offers for
 * the cluster version: KUBERNETES_RELEASES pins them per version, and the
 * config accepts only the versions listed there.
 */

/** A Helm chart, pinned: exact version and the repository it comes from. */
export interface PinnedChart {
    chart: string;
    version: string;
    repository: string;
}

export const CHARTS = {
    /** KEDA: the ScaledObject controller, its admission webhook and metrics server. */
    keda: { chart: "keda", version: "2.20.2", repository: "https://kedacore.github.io/charts" },
    /** Prometheus (which KEDA's prometheus triggers query), the operator that loads PrometheusRules, Grafana. */
    kubePrometheusStack: {
        chart: "kube-prometheus-stack",
        version: "88.5.3",
        repository: "https://prometheus-community.github.io/helm-charts",
    },
    /**
     * Sizes the node groups between their minimum and maximum (EKS tags their
     * Auto Scaling groups for its auto-discovery). Its image follows the
     * Kubernetes version: KUBERNETES_RELEASES `clusterAutoscalerImage`.
     */
    clusterAutoscaler: {
        chart: "cluster-autoscaler",
        version: "9.52.1",
        repository: "https://kubernetes.github.io/autoscaler",
    },
    /** Serves Prometheus series as the custom (pods) metrics api-gateway's HPA reads. */
    prometheusAdapter: {
        chart: "prometheus-adapter",
        version: "5.2.0",
        repository: "https://prometheus-community.github.io/helm-charts",
    },
} as const satisfies Record<string, PinnedChart>;

/** The EKS managed add-ons this stack installs. */
export type AddonName = "vpc-cni" | "eks-pod-identity-agent" | "coredns" | "kube-proxy" | "metrics-server";

/** One EKS Kubernetes version: when AWS's standard support ends, and the add-on builds pinned for it. */
export interface KubernetesRelease {
    /**
     * Last day of EKS standard support (AWS's release calendar). The clusters'
     * upgrade policy is STANDARD (eks-cluster.ts): after that day EKS
     * upgrades them to the next minor version itself, away from the config.
     */
    standardSupportEnds: string;
    /** Add-on versions EKS offers for this version. */
    addons: Record<AddonName, string>;
    /** The cluster autoscaler's image tag: its minor version must match the cluster's. */
    clusterAutoscalerImage: string;
}

/**
 * The Kubernetes versions `virtengine:kubernetesVersion` may name: each with
 * the add-on builds and cluster-autoscaler image pinned for it (an add-on
 * build is made for a range of cluster versions, so they move together).
 * EKS upgrades one minor version at a time: to move a cluster, add the next
 * minor's entry, then change `kubernetesVersion` to it.
 *
 * Calendar: EKS Kubernetes release calendar (1.35 released on EKS
 * 2026-01-28, standard support to 2027-03-27; 1.33 and 1.34, whose standard
 * support ends before or within weeks of this stack's first deployment, are
 * not offered). 1.35's add-on builds are those a public 1.35 cluster
 * configuration pins, and its autoscaler image the one public 1.35
 * deployments run. Confirm each before the first `pulumi up` with
 * `aws eks describe-addon-versions --kubernetes-version <v> --addon-name <name>`.
 */
export const KUBERNETES_RELEASES = {
    "1.35": {
        standardSupportEnds: "2027-03-27",
        addons: {
            /** Pod networking; installed before the nodes so they come up Ready. */
            "vpc-cni": "v1.21.1-eksbuild.3",
            /** EKS Pod Identity credentials for pods; before the nodes, like vpc-cni. */
            "eks-pod-identity-agent": "v1.3.10-eksbuild.3",
            /** Cluster DNS; needs nodes to schedule on. */
            coredns: "v1.13.2-eksbuild.1",
            "kube-proxy": "v1.35.0-eksbuild.2",
            /** Resource metrics for HPA and KEDA's cpu/memory triggers; EKS ships none by default. */
            "metrics-server": "v0.8.0-eksbuild.6",
        },
        clusterAutoscalerImage: "v1.35.0",
    },
} as const satisfies Record<string, KubernetesRelease>;

export type KubernetesVersion = keyof typeof KUBERNETES_RELEASES;
export const KUBERNETES_VERSIONS = Object.keys(KUBERNETES_RELEASES) as KubernetesVersion[];

/** What is pinned for a Kubernetes version (config validation admits only these versions). */
export function releaseOf(version: string): KubernetesRelease {
    const release = (KUBERNETES_RELEASES as Record<string, KubernetesRelease>)[version];
    if (release === undefined) {
        throw new Error(`nothing is pinned for Kubernetes ${version} (${KUBERNETES_VERSIONS.join(", ")})`);
    }
    return release;
}

/** The add-on versions pinned for a Kubernetes version. */
export const addonsFor = (version: string): Record<AddonName, string> => releaseOf(version).addons;

/** The cluster autoscaler's image, whose minor version follows the cluster's. */
export const clusterAutoscalerImage = (version: string) => ({
    repository: "registry.k8s.io/autoscaling/cluster-autoscaler",
    tag: releaseOf(version).clusterAutoscalerImage,
});

/** Add-ons that must be running before the first node joins. */
export const ADDONS_BEFORE_NODES = ["vpc-cni", "eks-pod-identity-agent"] as const;
/** Add-ons that need nodes to schedule their pods on. */
export const ADDONS_AFTER_NODES = ["coredns", "kube-proxy", "metrics-server"] as const;

/** Container images, by exact tag (never `latest`). */
export const IMAGES = {
    /**
     * kubernetes-cronhpa-controller (AliyunContainerService): no published
     * chart, so it is installed as typed resources (controllers.ts). v1.4.1
     * (2022-07-23, retries jobs missed by timeouts) is the newest build Alibaba
     * Cloud's release notes list on a public registry; 1.4.2 to 1.4.4 are
     * published only on its VPC-internal registries, unreachable from AWS.
     * Mirror it to ECR for production (README, "The versions file").
     */
    cronHpaController: "registry.cn-hangzhou.aliyuncs.com/acs/kubernetes-cronhpa-controller:v1.4.1-277c7d5-aliyun",
    /** The provider daemon (bids on orders, manages leases). */
    providerDaemon: "ghcr.io/virtengine/provider-daemon:v1.0.0",
    /** The API gateway in front of the chain's REST and gRPC-gateway APIs. */
    apiGateway: "ghcr.io/virtengine/api-gateway:v1.0.0",
} as const;

/** The default EKS version when `virtengine:kubernetesVersion` is not set: the newest pinned. */
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = "1.35";

/** ElastiCache engine for the provider daemons' Redis. */
export const REDIS = { engine: "redis", engineVersion: "7.1", parameterGroupFamily: "redis7" } as const;
