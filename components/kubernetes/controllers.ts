import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { RULE_SELECTOR_LABELS } from "./alert-rules";
import { CRONHPA_GROUP, CRONHPA_PLURAL, cronHpaCrd } from "./cronhpa-crd";
import { scalingDashboard } from "./scaling-dashboard";
import { chainScrapeConfig } from "./scrape-configs";
import { CHARTS, clusterAutoscalerImage, IMAGES, type PinnedChart } from "./versions";

export interface ClusterControllersArgs {
    /** The cluster's Kubernetes provider. */
    provider: k8s.Provider;
    /** IANA time zone the CronHPA controller reads its schedules in (`TZ`). */
    timeZone: string;
    /** AWS region of the cluster: its Prometheus discovers and scrapes the chain's nodes there. */
    region: string;
    /** EKS cluster name: the cluster autoscaler discovers the node groups EKS tagged with it. */
    clusterName: string;
    /** Kubernetes version of the cluster: the cluster autoscaler's image follows it. */
    kubernetesVersion: string;
    /** Resources the controllers wait for (node groups and the add-ons that need them). */
    dependsOn: pulumi.Resource[];
}

export const MONITORING_NAMESPACE = "monitoring";
export const KEDA_NAMESPACE = "keda";
/** Release name of kube-prometheus-stack: its operator selects rules labelled `release: <this>`. */
export const KUBE_PROMETHEUS_RELEASE = RULE_SELECTOR_LABELS.release;
/** The Secret Grafana reads its admin credentials from (never the chart's default password). */
export const GRAFANA_ADMIN_SECRET = "grafana-admin";
/** The cluster autoscaler's service account in kube-system, named for its Pod Identity association. */
export const CLUSTER_AUTOSCALER_SERVICE_ACCOUNT = "cluster-autoscaler";
/** Prometheus's service account, named explicitly: its Pod Identity association (regional-kubernetes.ts) names it too. */
export const PROMETHEUS_SERVICE_ACCOUNT = `${KUBE_PROMETHEUS_RELEASE}-prometheus`;

/**
 * The controllers every cluster runs, each pinned in versions.ts:
 * - KEDA (helm.v3.Release; Helm runs as a library, so the plan sees one
 *   resource whose chart, version and repository the pack checks),
 * - the CronHPA controller as typed resources (no published chart; its v1 CRD
 *   is written here, the chart's v1beta1 one was removed in Kubernetes 1.22),
 * - kube-prometheus-stack: the Prometheus KEDA's triggers query, which also
 *   scrapes the workloads' PodMonitors and the region's validators and full
 *   nodes (scrape-configs.ts), the operator that loads the PrometheusRules,
 *   Grafana with the scaling dashboard,
 * - prometheus-adapter, serving api-gateway's requests-per-second pods metric,
 * - the cluster autoscaler, sizing the node groups for the pods.
 * `crdsReady` is what custom resources of these kinds must depend on.
 */
export class ClusterControllers extends pulumi.ComponentResource {
    /** Resources that define ScaledObject, TriggerAuthentication, CronHorizontalPodAutoscaler and PrometheusRule. */
    public readonly crdsReady: pulumi.Resource[];

    constructor(name: string, args: ClusterControllersArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:kubernetes:Controllers", name, {}, opts);
        const child = (extra?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions => ({
            ...extra,
            parent: this,
            provider: args.provider,
        });
        const release = (
            role: string,
            chart: PinnedChart,
            namespace: string,
            values: Record<string, unknown>,
            after: pulumi.Resource[] = [],
        ) =>
            new k8s.helm.v3.Release(
                `${name}-${role}`,
                {
                    name: chart.chart,
                    chart: chart.chart,
                    version: chart.version,
                    repositoryOpts: { repo: chart.repository },
                    namespace,
                    // monitoring is made below, before the Secret Grafana reads; KEDA's by its release.
                    createNamespace: namespace !== MONITORING_NAMESPACE,
                    atomic: true,
                    cleanupOnFail: true,
                    timeout: 900,
                    values,
                },
                child({ dependsOn: [...args.dependsOn, ...after] }),
            );

        // Grafana's admin password: generated, a Pulumi secret, handed over as a Kubernetes Secret
        // (the chart's default is the published "prom-operator").
        const monitoringNamespace = new k8s.core.v1.Namespace(
            `${name}-monitoring-namespace`,
            { metadata: { name: MONITORING_NAMESPACE } },
            child({ dependsOn: args.dependsOn }),
        );
        const grafanaPassword = new random.RandomPassword(
            `${name}-grafana-admin-password`,
            { length: 32, special: false },
            { parent: this, additionalSecretOutputs: ["result"] },
        );
        const grafanaAdmin = new k8s.core.v1.Secret(
            `${name}-grafana-admin`,
            {
                metadata: { name: GRAFANA_ADMIN_SECRET, namespace: MONITORING_NAMESPACE },
                type: "Opaque",
                stringData: { "admin-user": "admin", "admin-password": pulumi.secret(grafanaPassword.result) },
            },
            child({ dependsOn: [monitoringNamespace] }),
        );

        const monitoring = release(
            "kube-prometheus-stack",
            CHARTS.kubePrometheusStack,
            MONITORING_NAMESPACE,
            {
                fullnameOverride: KUBE_PROMETHEUS_RELEASE,
                prometheus: {
                    prometheusSpec: {
                        retention: "15d",
                        replicas: 2,
                        // Explicit, so the rules' label and the selector cannot drift apart.
                        ruleSelectorNilUsesHelmValues: false,
                        ruleSelector: { matchLabels: RULE_SELECTOR_LABELS },
                        serviceMonitorSelectorNilUsesHelmValues: false,
                        // Every PodMonitor (workloads.ts makes one per workload), not only the chart's own.
                        podMonitorSelectorNilUsesHelmValues: false,
                        // The chain's validators and full nodes, found by EC2 service discovery.
                        additionalScrapeConfigs: [chainScrapeConfig(args.region)],
                    },
                    serviceAccount: { create: true, name: PROMETHEUS_SERVICE_ACCOUNT },
                },
                grafana: {
                    admin: {
                        existingSecret: GRAFANA_ADMIN_SECRET,
                        userKey: "admin-user",
                        passwordKey: "admin-password",
                    },
                    sidecar: { dashboards: { enabled: true, label: "grafana_dashboard", labelValue: "1" } },
                },
            },
            [monitoringNamespace, grafanaAdmin],
        );

        // After kube-prometheus-stack: its ServiceMonitors need the CRD that release installs.
        const keda = release(
            "keda",
            CHARTS.keda,
            KEDA_NAMESPACE,
            {
                crds: { install: true },
                operator: { replicaCount: 2 },
                metricsServer: { replicaCount: 2 },
                webhooks: { enabled: true, replicaCount: 2 },
                podDisruptionBudget: {
                    operator: { maxUnavailable: 1 },
                    metricServer: { maxUnavailable: 1 },
                    webhooks: { maxUnavailable: 1 },
                },
                prometheus: { operator: { enabled: true, serviceMonitor: { enabled: true } } },
            },
            [monitoring],
        );

        // After kube-prometheus-stack: it queries that Prometheus, in the namespace that release creates.
        release(
            "prometheus-adapter",
            CHARTS.prometheusAdapter,
            MONITORING_NAMESPACE,
            {
                prometheus: {
                    url: `http://${KUBE_PROMETHEUS_RELEASE}-prometheus.${MONITORING_NAMESPACE}.svc`,
                    port: 9090,
                },
                rules: {
                    default: false,
                    custom: [
                        {
                            seriesQuery: 'http_requests_total{namespace!="",pod!=""}',
                            resources: {
                                overrides: { namespace: { resource: "namespace" }, pod: { resource: "pod" } },
                            },
                            name: { matches: "^http_requests_total$", as: "http_requests_per_second" },
                            metricsQuery: "sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)",
                        },
                    ],
                },
            },
            [monitoring],
        );

        // Node groups grow for pending pods and shrink when nodes idle, within their min and max.
        release("cluster-autoscaler", CHARTS.clusterAutoscaler, "kube-system", {
            cloudProvider: "aws",
            awsRegion: args.region,
            autoDiscovery: { clusterName: args.clusterName },
            image: clusterAutoscalerImage(args.kubernetesVersion),
            rbac: { serviceAccount: { create: true, name: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT } },
            replicaCount: 2,
            podDisruptionBudget: { maxUnavailable: 1 },
            extraArgs: {
                "balance-similar-node-groups": true,
                "skip-nodes-with-system-pods": false,
                expander: "least-waste",
            },
        });

        new k8s.core.v1.ConfigMap(
            `${name}-scaling-dashboard`,
            {
                metadata: {
                    name: "virtengine-scaling-dashboard",
                    namespace: MONITORING_NAMESPACE,
                    labels: { grafana_dashboard: "1" },
                },
                data: { "virtengine-scaling.json": scalingDashboard() },
            },
            child({ dependsOn: [monitoring] }),
        );

        const crd = this.cronHpaController(name, args, child);
        this.crdsReady = [keda, monitoring, crd];
        this.registerOutputs({});
    }

    /** The CronHPA controller: its CRD, service account, RBAC and a single-replica Deployment. */
    private cronHpaController(
        name: string,
        args: ClusterControllersArgs,
        child: (extra?: pulumi.CustomResourceOptions) => pulumi.CustomResourceOptions,
    ): k8s.apiextensions.v1.CustomResourceDefinition {
        const app = "kubernetes-cronhpa-controller";
        const namespace = "kube-system";
        const labels = { "app.kubernetes.io/name": app };
        const crd = new k8s.apiextensions.v1.CustomResourceDefinition(`${name}-cronhpa-crd`, cronHpaCrd(), child());
        const account = new k8s.core.v1.ServiceAccount(
            `${name}-cronhpa-account`,
            { metadata: { name: app, namespace, labels } },
            child(),
        );
        const role = new k8s.rbac.v1.ClusterRole(
            `${name}-cronhpa-role`,
            {
                metadata: { name: app, labels },
                rules: [
                    {
                        apiGroups: [CRONHPA_GROUP],
                        resources: [CRONHPA_PLURAL, `${CRONHPA_PLURAL}/status`],
                        verbs: ["get", "list", "watch", "update", "patch"],
                    },
                    // It raises and lowers HPAs' minReplicas (and maxReplicas when a target exceeds it).
                    {
                        apiGroups: ["autoscaling"],
                        resources: ["horizontalpodautoscalers"],
                        verbs: ["get", "list", "watch", "update", "patch"],
                    },
                    // Workload targets are scaled through their scale subresource.
                    {
                        apiGroups: ["apps"],
                        resources: ["deployments/scale", "statefulsets/scale", "replicasets/scale"],
                        verbs: ["get", "update", "patch"],
                    },
                    {
                        apiGroups: ["apps"],
                        resources: ["deployments", "statefulsets"],
                        verbs: ["get", "list", "watch"],
                    },
                    { apiGroups: [""], resources: ["events"], verbs: ["create", "patch"] },
                    {
                        apiGroups: ["coordination.k8s.io"],
                        resources: ["leases"],
                        verbs: ["get", "create", "update"],
                    },
                ],
            },
            child(),
        );
        new k8s.rbac.v1.ClusterRoleBinding(
            `${name}-cronhpa-binding`,
            {
                metadata: { name: app, labels },
                roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role.metadata.name },
                subjects: [{ kind: "ServiceAccount", name: account.metadata.name, namespace }],
            },
            child(),
        );
        new k8s.apps.v1.Deployment(
            `${name}-cronhpa-controller`,
            {
                metadata: { name: app, namespace, labels },
                spec: {
                    // Not autoscaled: one controller (it has no leader election between replicas).
                    replicas: 1,
                    selector: { matchLabels: labels },
                    template: {
                        metadata: { labels },
                        spec: {
                            serviceAccountName: account.metadata.name,
                            containers: [
                                {
                                    name: app,
                                    image: IMAGES.cronHpaController,
                                    // The controller reads schedules in its TZ (default Asia/Shanghai).
                                    env: [{ name: "TZ", value: args.timeZone }],
                                    resources: {
                                        requests: { cpu: "50m", memory: "64Mi" },
                                        limits: { memory: "256Mi" },
                                    },
                                    securityContext: {
                                        runAsNonRoot: true,
                                        runAsUser: 65532,
                                        allowPrivilegeEscalation: false,
                                        readOnlyRootFilesystem: true,
                                        capabilities: { drop: ["ALL"] },
                                    },
                                },
                            ],
                        },
                    },
                },
            },
            child({ dependsOn: [crd, ...args.dependsOn] }),
        );
        return crd;
    }
}
