import type { RecordedResource } from "../../harness/run-program";
import { known, knownString } from "../../harness/recorded";

/*
 * The plan's Kubernetes section: per region, each EKS cluster (version,
 * endpoint, node groups and their zones, add-ons), the provider daemons'
 * Redis, the controllers, and each workload with its scaling owner, floor,
 * ceiling and business-hours schedule. Pure: reads recorded inputs only.
 */

export interface KubernetesRegionReport {
    clusters: ClusterReport[];
    redis: RedisReport[];
    /** Helm releases as `chart@version`. */
    releases: string[];
    workloads: WorkloadReport[];
}

export interface ClusterReport {
    name: string;
    version: string | null;
    /** "private", "public" or "private and public". */
    endpoint: string;
    nodeGroups: {
        name: string;
        instanceTypes: string[];
        minSize: number | null;
        maxSize: number | null;
        zones: string[];
    }[];
    /** Add-on name -> pinned version (null when not pinned). */
    addons: Record<string, string | null>;
}

export interface RedisReport {
    name: string;
    nodeType: string | null;
    nodes: number | null;
    multiAz: boolean;
    zones: string[];
    encryptedAtRest: boolean;
    encryptedInTransit: boolean;
}

export interface WorkloadReport {
    namespace: string;
    name: string;
    kind: string;
    /** "ScaledObject <name>", "HPA <name> (+ CronHPA <name>)", or "none". */
    owner: string;
    floor: number | null;
    ceiling: number | null;
    /** How the floor changes in business hours, or null when it does not. */
    businessHours: string | null;
}

type Spec = Record<string, unknown>;
const rec = (v: unknown): Spec => {
    const k = known(v);
    return k !== null && typeof k === "object" && !Array.isArray(k) ? (k as Spec) : {};
};
const arr = (v: unknown): unknown[] => {
    const k = known(v);
    return Array.isArray(k) ? k.map(known) : [];
};
const numOrNull = (v: unknown): number | null => {
    const k = known(v);
    return typeof k === "number" ? k : null;
};
const meta = (r: RecordedResource) => {
    const m = rec(r.inputs.metadata);
    return { namespace: knownString(m.namespace) ?? "default", name: knownString(m.name) ?? r.name };
};

const T = {
    cluster: "aws:eks/cluster:Cluster",
    nodeGroup: "aws:eks/nodeGroup:NodeGroup",
    addon: "aws:eks/addon:Addon",
    redis: "aws:elasticache/replicationGroup:ReplicationGroup",
    subnet: "aws:ec2/subnet:Subnet",
    deployment: "kubernetes:apps/v1:Deployment",
    statefulSet: "kubernetes:apps/v1:StatefulSet",
    hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    scaledObject: "kubernetes:keda.sh/v1alpha1:ScaledObject",
    cronHpa: "kubernetes:autoscaling.alibabacloud.com/v1beta1:CronHorizontalPodAutoscaler",
    release: "kubernetes:helm.sh/v3:Release",
};

/** Per region (attributed by `regionOf`), what runs on Kubernetes; regions without a cluster are left out. */
export function kubernetesReport(
    resources: readonly RecordedResource[],
    regionOf: ReadonlyMap<string, string | undefined>,
): Record<string, KubernetesRegionReport> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const out: Record<string, KubernetesRegionReport> = {};
    const regionReport = (r: RecordedResource) => {
        const region = regionOf.get(r.urn) ?? "(no region)";
        return (out[region] ??= { clusters: [], redis: [], releases: [], workloads: [] });
    };
    const zonesOf = (r: RecordedResource, key: string, fallback: unknown[] = []) => {
        const fromSubnets = (r.propertyDependencies[key] ?? [])
            .map((urn) => byUrn.get(urn))
            .filter((s): s is RecordedResource => s?.type === T.subnet)
            .map((s) => knownString(s.inputs.availabilityZone))
            .filter((z): z is string => z !== undefined);
        const zones = fromSubnets.length > 0 ? fromSubnets : fallback.filter((z): z is string => typeof z === "string");
        return [...new Set(zones)].sort();
    };

    const clusters = new Map<string, ClusterReport>();
    for (const r of resources.filter((x) => x.type === T.cluster)) {
        const vpc = rec(r.inputs.vpcConfig);
        const privateAccess = known(vpc.endpointPrivateAccess) === true;
        const publicAccess = known(vpc.endpointPublicAccess) !== false;
        const cluster: ClusterReport = {
            name: knownString(r.inputs.name) ?? r.name,
            version: knownString(r.inputs.version) ?? null,
            endpoint: [privateAccess && "private", publicAccess && "public"].filter(Boolean).join(" and ") || "none",
            nodeGroups: [],
            addons: {},
        };
        clusters.set(r.urn, cluster);
        regionReport(r).clusters.push(cluster);
    }
    // Node groups and add-ons name their cluster by `clusterName`, computed from the cluster resource.
    const clusterOf = (r: RecordedResource) =>
        (r.propertyDependencies.clusterName ?? []).map((urn) => clusters.get(urn)).find((c) => c !== undefined);
    for (const r of resources.filter((x) => x.type === T.nodeGroup)) {
        const scaling = rec(r.inputs.scalingConfig);
        clusterOf(r)?.nodeGroups.push({
            name: r.name,
            instanceTypes: arr(r.inputs.instanceTypes).filter((t): t is string => typeof t === "string"),
            minSize: numOrNull(scaling.minSize),
            maxSize: numOrNull(scaling.maxSize),
            zones: zonesOf(r, "subnetIds"),
        });
    }
    for (const r of resources.filter((x) => x.type === T.addon)) {
        const cluster = clusterOf(r);
        const name = knownString(r.inputs.addonName);
        if (cluster && name) cluster.addons[name] = knownString(r.inputs.addonVersion) ?? null;
    }
    for (const r of resources.filter((x) => x.type === T.redis)) {
        regionReport(r).redis.push({
            name: knownString(r.inputs.replicationGroupId) ?? r.name,
            nodeType: knownString(r.inputs.nodeType) ?? null,
            nodes: numOrNull(r.inputs.numCacheClusters),
            multiAz: known(r.inputs.multiAzEnabled) === true && known(r.inputs.automaticFailoverEnabled) === true,
            zones: zonesOf(r, "preferredCacheClusterAzs", arr(r.inputs.preferredCacheClusterAzs)),
            encryptedAtRest: known(r.inputs.atRestEncryptionEnabled) === true,
            encryptedInTransit: known(r.inputs.transitEncryptionEnabled) === true,
        });
    }
    for (const r of resources.filter((x) => x.type === T.release)) {
        regionReport(r).releases.push(
            `${knownString(r.inputs.chart) ?? "?"}@${knownString(r.inputs.version) ?? "unpinned"}`,
        );
    }

    // Workloads and their owners, per cluster (the Kubernetes provider).
    const id = (r: RecordedResource, namespace: string, kind: string, name: string) =>
        `${r.provider} ${namespace}/${kind}/${name}`;
    const owners = new Map<string, RecordedResource[]>();
    const crons = new Map<string, RecordedResource[]>();
    for (const r of resources) {
        if (r.type !== T.hpa && r.type !== T.scaledObject && r.type !== T.cronHpa) continue;
        const { namespace } = meta(r);
        const target = rec(rec(r.inputs.spec).scaleTargetRef);
        const key = id(r, namespace, knownString(target.kind) ?? "Deployment", knownString(target.name) ?? "?");
        const into = r.type === T.cronHpa ? crons : owners;
        into.set(key, [...(into.get(key) ?? []), r]);
    }
    for (const r of resources.filter((x) => x.type === T.deployment || x.type === T.statefulSet)) {
        const { namespace, name } = meta(r);
        const kind = r.type === T.deployment ? "Deployment" : "StatefulSet";
        const mine = owners.get(id(r, namespace, kind, name)) ?? [];
        const workload: WorkloadReport = {
            namespace,
            name,
            kind,
            owner: "none",
            floor: null,
            ceiling: null,
            businessHours: null,
        };
        if (mine.length === 0) {
            workload.floor = workload.ceiling = numOrNull(rec(r.inputs.spec).replicas);
        } else {
            const owner = mine[0];
            const spec = rec(owner.inputs.spec);
            if (owner.type === T.scaledObject) {
                workload.owner = `ScaledObject ${meta(owner).name}`;
                workload.floor = numOrNull(spec.minReplicaCount) ?? 0;
                workload.ceiling = numOrNull(spec.maxReplicaCount) ?? 100;
                const cron = arr(spec.triggers)
                    .map(rec)
                    .find((t) => known(t.type) === "cron");
                if (cron) {
                    const m = rec(cron.metadata);
                    workload.businessHours = `floor ${knownString(m.desiredReplicas)} from "${knownString(m.start)}" to "${knownString(m.end)}" (${knownString(m.timezone)})`;
                }
            } else {
                const cronHpas = crons.get(id(owner, namespace, "HorizontalPodAutoscaler", meta(owner).name)) ?? [];
                workload.owner = `HPA ${meta(owner).name}${cronHpas.map((c) => ` + CronHPA ${meta(c).name}`).join("")}`;
                workload.floor = numOrNull(spec.minReplicas) ?? 1;
                workload.ceiling = numOrNull(spec.maxReplicas);
                const jobs = cronHpas.flatMap((c) => arr(rec(c.inputs.spec).jobs).map(rec));
                if (jobs.length > 0) {
                    workload.businessHours = jobs
                        .map((j) => `floor ${numOrNull(j.targetSize)} at "${knownString(j.schedule)}"`)
                        .join(", ");
                }
            }
            if (mine.length > 1) workload.owner += ` (and ${mine.length - 1} more: conflicting owners)`;
        }
        regionReport(r).workloads.push(workload);
    }
    // Registration order varies with timing; report in a stable order.
    for (const k of Object.values(out)) {
        k.workloads.sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
        k.releases.sort();
    }
    return out;
}

/** One row per cluster: region, cluster, version, endpoint, nodes, zones, add-ons, Redis, controllers. */
export function clusterRows(report: Record<string, KubernetesRegionReport>): string[][] {
    return Object.entries(report).flatMap(([region, k]) =>
        k.clusters.map((c) => [
            region,
            c.name,
            c.version ?? "?",
            c.endpoint,
            c.nodeGroups.map((g) => `${g.instanceTypes.join("/")} ${g.minSize ?? "?"}-${g.maxSize ?? "?"}`).join(", "),
            [...new Set(c.nodeGroups.flatMap((g) => g.zones))].sort().join(", "),
            Object.entries(c.addons)
                .map(([n, v]) => `${n} ${v ?? "unpinned"}`)
                .join(", "),
            k.redis
                .map(
                    (r) =>
                        `${r.nodes ?? "?"} x ${r.nodeType ?? "?"}${r.multiAz ? " multi-AZ" : ""}${r.encryptedAtRest && r.encryptedInTransit ? " encrypted" : ""} (${r.zones.join(", ")})`,
                )
                .join(", "),
            k.releases.join(", "),
        ]),
    );
}
export const CLUSTER_HEADERS = [
    "region",
    "cluster",
    "version",
    "endpoint",
    "node groups",
    "zones",
    "add-ons",
    "redis",
    "charts",
];

/** One row per workload: region, namespace/name, owner, floor, ceiling, business hours. */
export function workloadRows(report: Record<string, KubernetesRegionReport>): string[][] {
    return Object.entries(report).flatMap(([region, k]) =>
        k.workloads.map((w) => [
            region,
            `${w.namespace}/${w.name}`,
            w.owner,
            w.floor === null ? "?" : String(w.floor),
            w.ceiling === null ? "?" : String(w.ceiling),
            w.businessHours ?? "-",
        ]),
    );
}
export const WORKLOAD_HEADERS = ["region", "workload", "scaling owner", "floor", "ceiling", "business hours"];
export const WORKLOAD_NUMERIC = [false, false, false, true, true, false];
