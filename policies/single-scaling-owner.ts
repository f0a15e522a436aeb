import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { clusterOf, cronFields, HPA_TYPES, K, objectName, scaleTargetOf, specOf } from "./lib/kubernetes";
import { isUnknown, known, list, num, obj, str, withDefaults } from "./lib/read";

export interface SingleScalingOwnerConfig {
    /** KEDA trigger types a ScaledObject may use. */
    allowedTriggerTypes: string[];
}

/** KEDA 2.20's built-in scalers (https://keda.sh/docs/2.20/scalers/), by trigger `type`. */
export const KEDA_TRIGGER_TYPES = [
    "activemq",
    "apache-kafka",
    "arangodb",
    "artemis-queue",
    "aws-cloudwatch",
    "aws-dynamodb",
    "aws-dynamodb-streams",
    "aws-kinesis-stream",
    "aws-sqs-queue",
    "azure-app-insights",
    "azure-blob",
    "azure-data-explorer",
    "azure-eventhub",
    "azure-log-analytics",
    "azure-monitor",
    "azure-pipelines",
    "azure-queue",
    "azure-servicebus",
    "beanstalkd",
    "cassandra",
    "couchdb",
    "cpu",
    "cron",
    "datadog",
    "dynatrace",
    "elasticsearch",
    "etcd",
    "external",
    "external-push",
    "gcp-cloudtasks",
    "gcp-pubsub",
    "gcp-stackdriver",
    "gcp-storage",
    "github-runner",
    "graphite",
    "huawei-cloudeye",
    "ibmmq",
    "influxdb",
    "kafka",
    "kubernetes-workload",
    "liiklus",
    "loki",
    "memory",
    "metrics-api",
    "mongodb",
    "mssql",
    "mysql",
    "nats-jetstream",
    "new-relic",
    "openstack-metric",
    "openstack-swift",
    "postgresql",
    "predictkube",
    "prometheus",
    "pulsar",
    "rabbitmq",
    "redis",
    "redis-cluster",
    "redis-cluster-streams",
    "redis-sentinel",
    "redis-sentinel-streams",
    "redis-streams",
    "selenium-grid",
    "solace-event-queue",
    "solr",
    "splunk",
    "stan",
    "temporal",
];

export const SINGLE_SCALING_OWNER_DEFAULTS: SingleScalingOwnerConfig = { allowedTriggerTypes: KEDA_TRIGGER_TYPES };

type Props = Record<string, unknown>;
const WORKLOAD_TYPES: Record<string, string> = {
    [K.deployment]: "Deployment",
    [K.statefulSet]: "StatefulSet",
};

/** A workload's identity: cluster, namespace, kind and name. */
const key = (cluster: string, namespace: string, kind: string, name: string) =>
    `${cluster} ${namespace}/${kind}/${name}`;

/**
 * Every workload's replica count has exactly one owner. KEDA's webhook
 * refuses a ScaledObject on a workload another HPA scales, two owners fight
 * over the count, and a Deployment that sets `replicas` fights its autoscaler
 * on every update (pulumi/pulumi#13321). So, per cluster (the provider's
 * clusterIdentifier):
 * - a Deployment or StatefulSet is scaled by at most one ScaledObject or HPA;
 * - an autoscaled one sets no `spec.replicas`;
 * - a CronHPA targets an HPA (kind HorizontalPodAutoscaler) that exists, never
 *   a workload, with six-field schedules (the controller reads five fields as
 *   seconds-first, silently) and every `targetSize` within the HPA's max (it
 *   would rewrite the max);
 * and what the upstream schemas allow but the controllers refuse or misread:
 * an HPA or ScaledObject whose min is above its max, an unknown trigger type,
 * a cron trigger without five fields, a time zone or a string `desiredReplicas`.
 */
export const singleScalingOwner: StackValidationPolicy = {
    name: "single-scaling-owner",
    description:
        "Per workload at most one ScaledObject or HPA; a CronHPA targets only an HPA; autoscaled Deployments set no replicas.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            allowedTriggerTypes: {
                type: "array",
                minItems: 1,
                items: { type: "string" },
                default: SINGLE_SCALING_OWNER_DEFAULTS.allowedTriggerTypes,
                description: "KEDA trigger types a ScaledObject may use (KEDA's built-in scalers).",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const config = withDefaults(args.getConfig<SingleScalingOwnerConfig>(), SINGLE_SCALING_OWNER_DEFAULTS);
        const workloads = new Map<string, PolicyResource>();
        const owners = new Map<string, PolicyResource[]>();
        const hpas = new Map<string, PolicyResource>();

        for (const r of args.resources) {
            const { namespace, name } = objectName(r.props);
            if (name === undefined) continue;
            const cluster = clusterOf(r);
            const kind = WORKLOAD_TYPES[r.type];
            if (kind !== undefined) workloads.set(key(cluster, namespace, kind, name), r);
            if (HPA_TYPES.includes(r.type)) hpas.set(key(cluster, namespace, "HorizontalPodAutoscaler", name), r);
            if (HPA_TYPES.includes(r.type) || r.type === K.scaledObject) {
                const target = scaleTargetOf(r.props);
                if (target.name === undefined) continue;
                const k = key(cluster, namespace, target.kind, target.name);
                owners.set(k, [...(owners.get(k) ?? []), r]);
            }
        }

        const kindWord = (r: PolicyResource) => (r.type === K.scaledObject ? "ScaledObject" : "HPA");
        for (const [k, list] of owners) {
            const [cluster, path] = k.split(" ");
            if (list.length > 1) {
                reportViolation(
                    `${path} in cluster ${cluster} has ${list.length} scaling owners (${list.map((o) => `${kindWord(o)} ${o.name}`).join(", ")}); ` +
                        `keep exactly one: KEDA refuses a target another HPA scales, and two owners fight over replicas`,
                    list[1].urn,
                );
            }
            const workload = workloads.get(k);
            if (workload && specSets(workload.props, "replicas")) {
                reportViolation(
                    `${path} in cluster ${cluster} is scaled by ${kindWord(list[0])} ${list[0].name} but sets spec.replicas, ` +
                        `which resets the count on every update; remove replicas and let the autoscaler own it`,
                    workload.urn,
                );
            }
        }

        for (const r of args.resources) {
            if (HPA_TYPES.includes(r.type)) checkBounds(r, "minReplicas", "maxReplicas", 1, reportViolation);
            if (r.type === K.scaledObject) {
                checkBounds(r, "minReplicaCount", "maxReplicaCount", 0, reportViolation, 100);
                checkTriggers(r, config.allowedTriggerTypes, reportViolation);
            }
            if (r.type === K.cronHpa) checkCronHpa(r, hpas, reportViolation);
        }
    },
};

type Report = (message: string, urn?: string) => void;

/** Whether `spec.<field>` is set (known or not). */
function specSets(props: Props, field: string): boolean {
    const spec = specOf(props);
    return isUnknown(spec, field) || spec[field] !== undefined;
}

function checkBounds(
    r: PolicyResource,
    minKey: string,
    maxKey: string,
    minDefault: number,
    report: Report,
    maxDefault?: number,
) {
    const spec = specOf(r.props);
    const min = num(spec, minKey) ?? (isUnknown(spec, minKey) ? undefined : minDefault);
    const max = num(spec, maxKey) ?? (isUnknown(spec, maxKey) ? undefined : maxDefault);
    if (min !== undefined && max !== undefined && min > max) {
        report(`${r.name}: spec.${minKey} ${min} is above spec.${maxKey} ${max}; the controller refuses it`, r.urn);
    }
}

function checkTriggers(r: PolicyResource, allowed: readonly string[], report: Report) {
    const triggers = list(specOf(r.props), "triggers") as Props[];
    if (triggers.length === 0) report(`ScaledObject ${r.name} has no triggers`, r.urn);
    for (const trigger of triggers) {
        const type = str(trigger, "type");
        if (type === undefined) continue;
        if (!allowed.includes(type)) {
            report(
                `ScaledObject ${r.name}: trigger type "${type}" is not a KEDA scaler (${allowed.length} allowed in allowedTriggerTypes)`,
                r.urn,
            );
            continue;
        }
        if (type !== "cron") continue;
        const metadata = obj(trigger, "metadata") ?? {};
        for (const field of ["start", "end"]) {
            const schedule = str(metadata, field);
            if (schedule !== undefined && cronFields(schedule) !== 5) {
                report(
                    `ScaledObject ${r.name}: cron trigger ${field} "${schedule}" must have 5 fields (minute hour day month weekday)`,
                    r.urn,
                );
            }
        }
        if (str(metadata, "timezone") === undefined && !isUnknown(metadata, "timezone")) {
            report(`ScaledObject ${r.name}: cron trigger has no timezone; KEDA requires an IANA time zone`, r.urn);
        }
        const desired = known(() => metadata.desiredReplicas);
        if (!isUnknown(metadata, "desiredReplicas") && typeof desired !== "string") {
            report(
                `ScaledObject ${r.name}: cron trigger desiredReplicas must be a string such as "6" (got ${JSON.stringify(desired)})`,
                r.urn,
            );
        }
    }
}

function checkCronHpa(r: PolicyResource, hpas: Map<string, PolicyResource>, report: Report) {
    const { namespace } = objectName(r.props);
    const target = scaleTargetOf(r.props);
    if (target.kind !== "HorizontalPodAutoscaler") {
        report(
            `CronHPA ${r.name} targets ${target.kind} ${target.name ?? "(unnamed)"}; it must target the workload's HPA ` +
                `(kind HorizontalPodAutoscaler) so the HPA stays the only owner of its replicas`,
            r.urn,
        );
    }
    const hpa =
        target.name === undefined
            ? undefined
            : hpas.get(key(clusterOf(r), namespace, "HorizontalPodAutoscaler", target.name));
    if (target.kind === "HorizontalPodAutoscaler" && target.name !== undefined && hpa === undefined) {
        report(
            `CronHPA ${r.name} targets HPA ${namespace}/${target.name}, which this stack does not define in its cluster`,
            r.urn,
        );
    }
    const max = hpa ? num(specOf(hpa.props), "maxReplicas") : undefined;
    for (const job of list(specOf(r.props), "jobs") as Props[]) {
        const name = str(job, "name") ?? "(unnamed)";
        const schedule = str(job, "schedule");
        if (schedule !== undefined && cronFields(schedule) !== 6) {
            report(
                `CronHPA ${r.name} job ${name}: schedule "${schedule}" has ${cronFields(schedule)} fields; the controller needs 6 ` +
                    `(seconds first) and reads 5 silently wrong (e.g. "0 8 * * 1-5" as minute 8 of months 1-5)`,
                r.urn,
            );
        }
        const size = num(job, "targetSize");
        if (size !== undefined && max !== undefined && size > max) {
            report(
                `CronHPA ${r.name} job ${name}: targetSize ${size} is above the HPA's maxReplicas ${max}; the controller would raise the max`,
                r.urn,
            );
        }
    }
}
