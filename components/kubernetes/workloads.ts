import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ALERT_GROUPS, RULE_SELECTOR_LABELS } from "./alert-rules";
import { MONITORING_NAMESPACE } from "./controllers";
import { CRONHPA_API_VERSION, CRONHPA_KIND } from "./cronhpa-crd";
import { REDIS_PORT } from "./redis";
import { apiGatewayReplicas, providerDaemonReplicas } from "./scaling-plan";
import { IMAGES } from "./versions";
import {
    API_GATEWAY,
    apiGatewayServiceSpec,
    cronHpaSpec,
    deploymentSpec,
    hpaSpec,
    NAMESPACE,
    pdbSpec,
    podMonitorSpec,
    PORTS,
    PROVIDER_DAEMON,
    REDIS_AUTH_SECRET,
    scaledObjectSpec,
    triggerAuthenticationSpec,
} from "./workload-specs";

export interface ClusterWorkloadsArgs {
    provider: k8s.Provider;
    region: string;
    chainId: string;
    /** The region's `providerDaemons`: provider-daemon's floor outside business hours. */
    providerDaemons: number;
    /** IANA time zone of the business hours (KEDA's cron trigger). */
    timeZone: string;
    redisHost: pulumi.Input<string>;
    /** The Redis AUTH token (a Pulumi secret), handed over as a Kubernetes Secret. */
    redisAuthToken: pulumi.Input<string>;
    /** The full nodes' REST inside the VPC (the internal load balancer): api-gateway's upstream. */
    restUpstreamUrl: pulumi.Input<string>;
    /** What defines the custom resources' kinds (controllers.ts `crdsReady`). */
    crdsReady: pulumi.Resource[];
}

/** The ignored HPA fields: the CronHPA controller changes them in business hours. */
export const HPA_IGNORED_FIELDS = ["spec.minReplicas", "spec.maxReplicas"];

/**
 * The workloads in the `virtengine` namespace, each with exactly one scaling
 * owner and none setting `replicas`:
 * - provider-daemon: a KEDA ScaledObject only (its business-hours floor is a
 *   cron trigger inside it);
 * - api-gateway: an autoscaling/v2 HPA, whose floor a CronHPA raises and
 *   lowers by targeting the HPA itself. Its Service is a NodePort that the
 *   region's ALB reaches for `api.` names; it forwards to the full nodes'
 *   REST through the internal load balancer (`restUpstreamUrl`).
 * Plus their PodDisruptionBudgets, the Redis Secret and its KEDA
 * TriggerAuthentication, and the alert rules as a PrometheusRule.
 */
export class ClusterWorkloads extends pulumi.ComponentResource {
    constructor(name: string, args: ClusterWorkloadsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:kubernetes:Workloads", name, {}, opts);
        const child = (extra?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions => ({
            ...extra,
            parent: this,
            provider: args.provider,
        });
        const afterCrds = (extra?: pulumi.CustomResourceOptions) =>
            child({ ...extra, dependsOn: [...args.crdsReady, ...((extra?.dependsOn as pulumi.Resource[]) ?? [])] });

        const namespace = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            { metadata: { name: NAMESPACE, labels: { "app.kubernetes.io/part-of": "virtengine" } } },
            child(),
        );
        const inNamespace = { dependsOn: [namespace] };

        const secret = new k8s.core.v1.Secret(
            `${name}-redis-auth`,
            {
                metadata: { name: REDIS_AUTH_SECRET, namespace: NAMESPACE },
                type: "Opaque",
                stringData: { password: pulumi.secret(args.redisAuthToken) },
            },
            child(inNamespace),
        );
        const redisAddress = pulumi.interpolate`${args.redisHost}:${REDIS_PORT}`;
        const common = [
            { name: "CHAIN_ID", value: args.chainId },
            { name: "AWS_REGION", value: args.region },
        ];

        const providerDaemon = new k8s.apps.v1.Deployment(
            `${name}-${PROVIDER_DAEMON}`,
            deploymentSpec({
                app: PROVIDER_DAEMON,
                image: IMAGES.providerDaemon,
                port: PORTS.providerMetrics,
                requests: { cpu: "500m", memory: "1Gi" },
                limits: { memory: "2Gi" },
                env: [
                    ...common,
                    { name: "REDIS_ADDRESS", value: redisAddress },
                    { name: "REDIS_TLS", value: "true" },
                    {
                        name: "REDIS_PASSWORD",
                        valueFrom: { secretKeyRef: { name: REDIS_AUTH_SECRET, key: "password" } },
                    },
                ],
            }),
            child({ dependsOn: [namespace, secret] }),
        );
        new k8s.policy.v1.PodDisruptionBudget(
            `${name}-${PROVIDER_DAEMON}-pdb`,
            pdbSpec(PROVIDER_DAEMON),
            child(inNamespace),
        );
        const triggerAuth = new k8s.apiextensions.CustomResource(
            `${name}-redis-trigger-auth`,
            { apiVersion: "keda.sh/v1alpha1", kind: "TriggerAuthentication", ...triggerAuthenticationSpec() },
            afterCrds({ dependsOn: [secret] }),
        );
        new k8s.apiextensions.CustomResource(
            `${name}-${PROVIDER_DAEMON}-scaler`,
            {
                apiVersion: "keda.sh/v1alpha1",
                kind: "ScaledObject",
                ...scaledObjectSpec({
                    replicas: providerDaemonReplicas(args.providerDaemons),
                    timeZone: args.timeZone,
                    redisHost: args.redisHost,
                }),
            },
            afterCrds({ dependsOn: [providerDaemon, triggerAuth] }),
        );

        const apiGateway = new k8s.apps.v1.Deployment(
            `${name}-${API_GATEWAY}`,
            deploymentSpec({
                app: API_GATEWAY,
                image: IMAGES.apiGateway,
                port: PORTS.apiHttp,
                requests: { cpu: "250m", memory: "512Mi" },
                limits: { memory: "1Gi" },
                env: [...common, { name: "REST_UPSTREAM", value: args.restUpstreamUrl }],
            }),
            child(inNamespace),
        );
        new k8s.core.v1.Service(`${name}-${API_GATEWAY}-service`, apiGatewayServiceSpec(), child(inNamespace));
        new k8s.policy.v1.PodDisruptionBudget(`${name}-${API_GATEWAY}-pdb`, pdbSpec(API_GATEWAY), child(inNamespace));
        const replicas = apiGatewayReplicas();
        const hpa = new k8s.autoscaling.v2.HorizontalPodAutoscaler(
            `${name}-${API_GATEWAY}-hpa`,
            hpaSpec(replicas),
            child({ dependsOn: [apiGateway], ignoreChanges: HPA_IGNORED_FIELDS }),
        );
        new k8s.apiextensions.CustomResource(
            `${name}-${API_GATEWAY}-cronhpa`,
            { apiVersion: CRONHPA_API_VERSION, kind: CRONHPA_KIND, ...cronHpaSpec(replicas) },
            afterCrds({ dependsOn: [hpa] }),
        );

        // Prometheus scrapes both workloads (KEDA's prometheus triggers and the adapter read them).
        for (const app of [PROVIDER_DAEMON, API_GATEWAY]) {
            new k8s.apiextensions.CustomResource(
                `${name}-${app}-pod-monitor`,
                { apiVersion: "monitoring.coreos.com/v1", kind: "PodMonitor", ...podMonitorSpec(app) },
                afterCrds({ dependsOn: [namespace] }),
            );
        }

        new k8s.apiextensions.CustomResource(
            `${name}-alert-rules`,
            {
                apiVersion: "monitoring.coreos.com/v1",
                kind: "PrometheusRule",
                metadata: { name: "virtengine-alerts", namespace: MONITORING_NAMESPACE, labels: RULE_SELECTOR_LABELS },
                spec: { groups: ALERT_GROUPS },
            },
            afterCrds(),
        );
        this.registerOutputs({});
    }
}
