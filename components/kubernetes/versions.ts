/**
 * Every version the Kubernetes stack pins, in one place, so an upgrade is one
 * reviewed diff and the `pinned-versions` policy has one thing to agree with.
 *
 * Sources: chart versions from the chart repositories' index.yaml (KEDA
 * 2.20.2, kube-prometheus-stack 88.5.3, as measured in
 * ../shared/facts/kubernetes.md). Add-on versions must be ones EKS offers for
 * the cluster version (`aws eks describe-addon-versions --kubernetes-version
 * <v> --addon-name <name>`); when `virtengine:kubernetesVersion` moves, move
 * these with it.
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
    /** Serves Prometheus series as the custom (pods) metrics api-gateway's HPA reads. */
    prometheusAdapter: {
        chart: "prometheus-adapter",
        version: "5.2.0",
        repository: "https://prometheus-community.github.io/helm-charts",
    },
} as const satisfies Record<string, PinnedChart>;

/** EKS managed add-ons by name, for the default Kubernetes version (1.33). */
export const ADDONS = {
    /** Pod networking; installed before the nodes so they come up Ready. */
    "vpc-cni": "v1.20.4-eksbuild.1",
    /** EKS Pod Identity credentials for pods; before the nodes, like vpc-cni. */
    "eks-pod-identity-agent": "v1.3.8-eksbuild.2",
    /** Cluster DNS; needs nodes to schedule on. */
    coredns: "v1.12.3-eksbuild.1",
    "kube-proxy": "v1.33.3-eksbuild.10",
    /** Resource metrics for HPA and KEDA's cpu/memory triggers; EKS ships none by default. */
    "metrics-server": "v0.8.0-eksbuild.2",
} as const;

/** Add-ons that must be running before the first node joins. */
export const ADDONS_BEFORE_NODES = ["vpc-cni", "eks-pod-identity-agent"] as const;
/** Add-ons that need nodes to schedule their pods on. */
export const ADDONS_AFTER_NODES = ["coredns", "kube-proxy", "metrics-server"] as const;

export type AddonName = keyof typeof ADDONS;

/** Container images, by exact tag (never `latest`). */
export const IMAGES = {
    /**
     * kubernetes-cronhpa-controller (AliyunContainerService): no published
     * chart, so it is installed as typed resources (see cronhpa-controller.ts).
     */
    cronHpaController: "registry.aliyuncs.com/acs/kubernetes-cronhpa-controller:v1.4.1-fc4f6060-aliyun",
    /** The provider daemon (bids on orders, manages leases). */
    providerDaemon: "ghcr.io/virtengine/provider-daemon:v1.0.0",
    /** The API gateway in front of the chain's REST and gRPC-gateway APIs. */
    apiGateway: "ghcr.io/virtengine/api-gateway:v1.0.0",
} as const;

/** The default EKS version when `virtengine:kubernetesVersion` is not set. */
export const DEFAULT_KUBERNETES_VERSION = "1.33";

/** ElastiCache engine for the provider daemons' Redis. */
export const REDIS = { engine: "redis", engineVersion: "7.1", parameterGroupFamily: "redis7" } as const;
