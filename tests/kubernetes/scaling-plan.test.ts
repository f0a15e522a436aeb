import * as fc from "fast-check";
import {
    apiGatewayReplicas,
    cronHpaSchedule,
    kedaCron,
    nodeGroupSize,
    providerDaemonReplicas,
} from "../../components/kubernetes/scaling-plan";
import { cronHpaSpec, scaledObjectSpec } from "../../components/kubernetes/workload-specs";

describe("replica plans", () => {
    it("takes the config's providerDaemons as the off-hours floor, never below 2", () => {
        expect(providerDaemonReplicas(4)).toEqual({ min: 4, max: 20, businessHoursMin: 6 });
        expect(providerDaemonReplicas(1)).toEqual({ min: 2, max: 20, businessHoursMin: 6 });
        expect(providerDaemonReplicas(0).min).toBe(2);
        expect(providerDaemonReplicas(30)).toEqual({ min: 30, max: 30, businessHoursMin: 30 });
    });

    it("keeps 2 <= min <= business-hours floor <= max for every config", () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
                const p = providerDaemonReplicas(n);
                return p.min >= 2 && p.min <= p.businessHoursMin && p.businessHoursMin <= p.max;
            }),
        );
        const api = apiGatewayReplicas();
        expect(2 <= api.min && api.min <= api.businessHoursMin && api.businessHoursMin <= api.max).toBe(true);
    });

    it("sizes node groups over two zones or more with room for both ceilings", () => {
        expect(nodeGroupSize(4)).toEqual({ minSize: 4, desiredSize: 4, maxSize: 8 });
        expect(nodeGroupSize(1)).toEqual({ minSize: 2, desiredSize: 2, maxSize: 8 });
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
                const s = nodeGroupSize(n);
                return s.minSize >= 2 && s.desiredSize === s.minSize && s.maxSize >= s.minSize;
            }),
        );
    });
});

describe("schedules in each controller's dialect", () => {
    it("gives KEDA five fields and the CronHPA controller six, seconds first", () => {
        expect(kedaCron(8)).toBe("0 8 * * 1-5");
        expect(cronHpaSchedule(8)).toBe("0 0 8 * * 1-5");
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 23 }), (h) => {
                return kedaCron(h).split(" ").length === 5 && cronHpaSchedule(h).split(" ").length === 6;
            }),
        );
    });

    it("raises api-gateway's floor at 08:00 and lowers it at 20:00, within the HPA's max", () => {
        const { jobs } = cronHpaSpec(apiGatewayReplicas()).spec;
        expect(jobs.map((j) => [j.schedule, j.targetSize])).toEqual([
            ["0 0 8 * * 1-5", 4],
            ["0 0 20 * * 1-5", 2],
        ]);
    });

    it("puts provider-daemon's business-hours floor in a cron trigger with a time zone and a string count", () => {
        const { spec } = scaledObjectSpec({
            replicas: providerDaemonReplicas(2),
            timeZone: "Europe/Berlin",
            redisHost: "r",
        });
        expect(spec.triggers.find((t) => t.type === "cron")?.metadata).toEqual({
            timezone: "Europe/Berlin",
            start: "0 8 * * 1-5",
            end: "0 20 * * 1-5",
            desiredReplicas: "6",
        });
        expect(spec.triggers.map((t) => t.type)).toEqual([
            "prometheus",
            "prometheus",
            "redis",
            "cpu",
            "memory",
            "cron",
        ]);
        expect(spec.triggers.find((t) => t.type === "redis")?.metadata).toMatchObject({
            address: "r:6379",
            enableTLS: "true",
        });
        expect(spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 20, fallback: { replicas: 6 } });
    });
});
