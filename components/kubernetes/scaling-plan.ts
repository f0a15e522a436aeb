/*
 * Pure planning for the Kubernetes workloads: replica floors and ceilings,
 * business-hours schedules in the two cron dialects, node-group sizes. No
 * Pulumi here, so it is unit- and property-tested on its own
 * (tests/kubernetes/scaling-plan.test.ts).
 *
 * Values come from the documents (seeds 000, "Auto-Scaling Policies" and
 * "Capacity Planning Thresholds"): provider daemons 2 to 20 replicas, 6 in
 * business hours (08:00 to 20:00, Monday to Friday), scale-up without a
 * stabilisation window, scale-down after 5 minutes by 10% a minute.
 */

/** Business hours: the floors are raised at `startHour` and lowered at `endHour` on `days`. */
export const BUSINESS_HOURS = { startHour: 8, endHour: 20, days: "1-5" } as const;

/**
 * KEDA's cron trigger: five fields (minute hour day-of-month month day-of-week),
 * read in the trigger's own `timezone`.
 */
export const kedaCron = (hour: number, days: string = BUSINESS_HOURS.days) => `0 ${hour} * * ${days}`;

/**
 * The CronHPA controller's schedule: six fields, seconds first, read in the
 * controller's TZ. (Its parser also takes five fields and then reads
 * `0 8 * * 1-5` as second 0, minute 8, months 1-5: never emit five.)
 */
export const cronHpaSchedule = (hour: number, days: string = BUSINESS_HOURS.days) => `0 0 ${hour} * * ${days}`;

/** Replica bounds of an autoscaled workload. */
export interface ReplicaPlan {
    /** Floor outside business hours. */
    min: number;
    /** Ceiling, always. */
    max: number;
    /** Floor in business hours (min <= businessHoursMin <= max). */
    businessHoursMin: number;
}

/** The smallest floor of any workload: one pod per zone of two, so one zone or one eviction never empties it. */
export const MIN_REPLICAS = 2;

/**
 * provider-daemon: the region's `providerDaemons` is the floor outside
 * business hours (at least 2), the documents' 6 the business-hours floor,
 * their 20 the ceiling (raised if the config asks for more than 20).
 */
export function providerDaemonReplicas(providerDaemons: number): ReplicaPlan {
    const min = Math.max(MIN_REPLICAS, providerDaemons);
    const max = Math.max(20, min);
    return { min, max, businessHoursMin: Math.min(max, Math.max(min, 6)) };
}

/** api-gateway: 2 to 10 replicas, 4 in business hours (documents: the gateway runs 3 to 4 per region). */
export function apiGatewayReplicas(): ReplicaPlan {
    return { min: MIN_REPLICAS, max: 10, businessHoursMin: 4 };
}

/** Node-group size of a region's cluster. */
export interface NodeGroupSize {
    minSize: number;
    desiredSize: number;
    maxSize: number;
}

/** Pods of the two workloads one m6i.xlarge node holds beside the controllers (requests in workloads.ts). */
export const WORKLOAD_PODS_PER_NODE = 4;

/**
 * Nodes: one per provider daemon at the floor (at least two, one per zone),
 * and room for both workloads at their ceilings.
 */
export function nodeGroupSize(providerDaemons: number): NodeGroupSize {
    const minSize = Math.max(2, providerDaemons);
    const ceilingPods = providerDaemonReplicas(providerDaemons).max + apiGatewayReplicas().max;
    const maxSize = Math.max(minSize * 2, Math.ceil(ceilingPods / WORKLOAD_PODS_PER_NODE));
    return { minSize, desiredSize: minSize, maxSize };
}
