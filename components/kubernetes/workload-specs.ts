import type * as pulumi from "@pulumi/pulumi";
import { PORTS as SHARED_PORTS } from "../common/ports";
import { apiGatewayReplicas, BUSINESS_HOURS, cronHpaSchedule, kedaCron, type ReplicaPlan } from "./scaling-plan";

/*
 * The Kubernetes object specs of the workloads and their scaling owners, as
 * plain objects. workloads.ts registers them; tests validate them against the
 * upstream schemas (kubernetes-models, @kubernetes-models/keda, the CronHPA
 * CRD's schema) without running Pulumi.
 */

/** Where the workloads run and what they talk to. */
export const NAMESPACE = "virtengine";
export const PROVIDER_DAEMON = "provider-daemon";
export const API_GATEWAY = "api-gateway";
/** The Secret holding the Redis AUTH token, and the KEDA TriggerAuthentication that reads it. */
export const REDIS_AUTH_SECRET = "redis-auth";
export const REDIS_TRIGGER_AUTH = "redis-auth";
/** The list the provider daemons queue orders on (documents: `provider:order:queue`). */
export const ORDER_QUEUE = "provider:order:queue";
/** kube-prometheus-stack's Prometheus, as its chart names it with `fullnameOverride` (controllers.ts). */
export const PROMETHEUS_URL = "http://kube-prometheus-stack-prometheus.monitoring.svc:9090";
/** Container ports. */
export const PORTS = { providerMetrics: 9100, apiHttp: 8080 } as const;

const labelsOf = (app: string) => ({ "app.kubernetes.io/name": app, "app.kubernetes.io/part-of": "virtengine" });

/** Zone spread (hard: one zone's loss must leave pods) and host spread (soft). */
function spread(app: string) {
    const labelSelector = { matchLabels: { "app.kubernetes.io/name": app } };
    return [
        { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector },
        { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector },
    ];
}

const containerSecurity = {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
};

/** A container environment variable: a value, or a key of a Secret. */
export interface EnvVar {
    name: string;
    value?: pulumi.Input<string>;
    valueFrom?: { secretKeyRef: { name: string; key: string } };
}

export interface DeploymentInput {
    app: string;
    image: string;
    port: number;
    requests: { cpu: string; memory: string };
    limits: { memory: string };
    env?: EnvVar[];
}

/**
 * A Deployment without `replicas`: its autoscaler owns the count, and a
 * `replicas` in the spec would fight it on every update (pulumi/pulumi#13321).
 */
export function deploymentSpec(d: DeploymentInput) {
    const labels = labelsOf(d.app);
    return {
        metadata: { name: d.app, namespace: NAMESPACE, labels },
        spec: {
            selector: { matchLabels: { "app.kubernetes.io/name": d.app } },
            strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
            template: {
                metadata: { labels },
                spec: {
                    topologySpreadConstraints: spread(d.app),
                    securityContext: {
                        runAsNonRoot: true,
                        runAsUser: 65532,
                        seccompProfile: { type: "RuntimeDefault" },
                    },
                    containers: [
                        {
                            name: d.app,
                            image: d.image,
                            ports: [{ name: "http", containerPort: d.port }],
                            env: d.env ?? [],
                            resources: { requests: d.requests, limits: d.limits },
                            securityContext: containerSecurity,
                            readinessProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 10 },
                            livenessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 20 },
                        },
                    ],
                },
            },
        },
    };
}

/**
 * api-gateway's Service: a NodePort on every node, the port the ALB's
 * api-gateway target group sends `api.` requests to (ports.ts). Traffic
 * policy `Cluster`: any healthy node forwards to a ready pod wherever it
 * runs, so every node passes the ALB's health check while one pod is up;
 * clients' addresses arrive in `X-Forwarded-For` from the ALB.
 */
export function apiGatewayServiceSpec() {
    return {
        metadata: { name: API_GATEWAY, namespace: NAMESPACE, labels: labelsOf(API_GATEWAY) },
        spec: {
            type: "NodePort",
            externalTrafficPolicy: "Cluster",
            selector: { "app.kubernetes.io/name": API_GATEWAY },
            ports: [{ name: "http", port: 80, targetPort: "http", nodePort: SHARED_PORTS.apiGatewayNodePort }],
        },
    };
}

/** What Prometheus scrapes of a workload: its `http` port's `/metrics`, every 15 s. */
export function podMonitorSpec(app: string) {
    return {
        metadata: { name: app, namespace: NAMESPACE, labels: labelsOf(app) },
        spec: {
            selector: { matchLabels: { "app.kubernetes.io/name": app } },
            podMetricsEndpoints: [{ port: "http", path: "/metrics", interval: "15s" }],
        },
    };
}

/** One pod may be down for a drain or an update, never more. */
export function pdbSpec(app: string) {
    return {
        metadata: { name: app, namespace: NAMESPACE, labels: labelsOf(app) },
        spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": app } } },
    };
}

/** The documents' HPA behaviour: scale up at once (double every 15 s), down slowly (10% a minute after 5 minutes). */
export const SCALING_BEHAVIOR = {
    scaleUp: {
        stabilizationWindowSeconds: 0,
        policies: [
            { type: "Percent", value: 100, periodSeconds: 15 },
            { type: "Pods", value: 4, periodSeconds: 15 },
        ],
        selectPolicy: "Max",
    },
    scaleDown: {
        stabilizationWindowSeconds: 300,
        policies: [
            { type: "Percent", value: 10, periodSeconds: 60 },
            { type: "Pods", value: 1, periodSeconds: 60 },
        ],
        selectPolicy: "Min",
    },
};

export interface ScaledObjectInput {
    replicas: ReplicaPlan;
    /** IANA time zone of the business hours. */
    timeZone: string;
    /** Redis primary endpoint host (the trigger adds the port and TLS). */
    redisHost: pulumi.Input<string>;
}

/**
 * provider-daemon's only scaling owner. Thresholds from the documents'
 * capacity table ("Scale Trigger" column): 100 pending orders and 100 active
 * leases per replica, a queue of 50 per replica, 70% CPU, 80% memory. The
 * business-hours floor is a cron trigger (inside its window KEDA keeps at
 * least `desiredReplicas`). The fallback holds the business-hours floor when
 * Prometheus or Redis cannot be read.
 */
export function scaledObjectSpec(s: ScaledObjectInput) {
    const { replicas } = s;
    return {
        metadata: { name: PROVIDER_DAEMON, namespace: NAMESPACE, labels: labelsOf(PROVIDER_DAEMON) },
        spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: PROVIDER_DAEMON },
            pollingInterval: 15,
            cooldownPeriod: 300,
            minReplicaCount: replicas.min,
            maxReplicaCount: replicas.max,
            fallback: { failureThreshold: 3, replicas: replicas.businessHoursMin },
            advanced: { horizontalPodAutoscalerConfig: { behavior: SCALING_BEHAVIOR } },
            triggers: [
                {
                    type: "prometheus",
                    name: "pending-orders",
                    metadata: {
                        serverAddress: PROMETHEUS_URL,
                        query: 'sum(virtengine_open_orders_total{status="pending"})',
                        threshold: "100",
                    },
                },
                {
                    type: "prometheus",
                    name: "active-leases",
                    metadata: {
                        serverAddress: PROMETHEUS_URL,
                        query: 'sum(virtengine_active_leases_total{provider=~".+"})',
                        threshold: "100",
                    },
                },
                {
                    type: "redis",
                    name: "order-queue",
                    metadata: {
                        address: redisAddress(s.redisHost),
                        listName: ORDER_QUEUE,
                        listLength: "50",
                        enableTLS: "true",
                    },
                    authenticationRef: { name: REDIS_TRIGGER_AUTH },
                },
                { type: "cpu", name: "cpu", metricType: "Utilization", metadata: { value: "70" } },
                { type: "memory", name: "memory", metricType: "Utilization", metadata: { value: "80" } },
                {
                    type: "cron",
                    name: "business-hours",
                    metadata: {
                        timezone: s.timeZone,
                        start: kedaCron(BUSINESS_HOURS.startHour),
                        end: kedaCron(BUSINESS_HOURS.endHour),
                        desiredReplicas: String(replicas.businessHoursMin),
                    },
                },
            ],
        },
    };
}

/** `host:6379`, for plain strings and Outputs alike. */
function redisAddress(host: pulumi.Input<string>): pulumi.Input<string> {
    if (typeof host === "string") return `${host}:6379`;
    return (host as pulumi.Output<string>).apply((h) => `${h}:6379`);
}

/** KEDA reads the Redis password from the Secret the workloads use. */
export function triggerAuthenticationSpec() {
    return {
        metadata: { name: REDIS_TRIGGER_AUTH, namespace: NAMESPACE },
        spec: { secretTargetRef: [{ parameter: "password", name: REDIS_AUTH_SECRET, key: "password" }] },
    };
}

/**
 * api-gateway's scaling owner: CPU and memory (resource metrics, from
 * metrics-server) and requests per second per pod (a pods metric, 100 per
 * pod from the documents' capacity table, served by prometheus-adapter).
 * Its min and max are the CronHPA's to change in business hours; Pulumi
 * ignores them after creation (workloads.ts).
 */
export function hpaSpec(replicas: ReplicaPlan = apiGatewayReplicas()) {
    return {
        metadata: { name: API_GATEWAY, namespace: NAMESPACE, labels: labelsOf(API_GATEWAY) },
        spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: API_GATEWAY },
            minReplicas: replicas.min,
            maxReplicas: replicas.max,
            metrics: [
                {
                    type: "Resource",
                    resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
                },
                {
                    type: "Resource",
                    resource: { name: "memory", target: { type: "Utilization", averageUtilization: 80 } },
                },
                {
                    type: "Pods",
                    pods: {
                        metric: { name: "http_requests_per_second" },
                        target: { type: "AverageValue", averageValue: "100" },
                    },
                },
            ],
            behavior: SCALING_BEHAVIOR,
        },
    };
}

/**
 * The CronHPA that raises and lowers api-gateway's floor by targeting its
 * HPA (never the Deployment: two owners would fight). Six-field schedules in
 * the controller's TZ; every targetSize within the HPA's max, or the
 * controller rewrites the max.
 */
export function cronHpaSpec(replicas: ReplicaPlan = apiGatewayReplicas()) {
    return {
        metadata: { name: API_GATEWAY, namespace: NAMESPACE, labels: labelsOf(API_GATEWAY) },
        spec: {
            scaleTargetRef: { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", name: API_GATEWAY },
            excludeDates: [],
            jobs: [
                {
                    name: "raise-business-hours",
                    schedule: cronHpaSchedule(BUSINESS_HOURS.startHour),
                    targetSize: replicas.businessHoursMin,
                    runOnce: false,
                },
                {
                    name: "lower-after-hours",
                    schedule: cronHpaSchedule(BUSINESS_HOURS.endHour),
                    targetSize: replicas.min,
                    runOnce: false,
                },
            ],
        },
    };
}
