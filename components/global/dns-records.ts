import { regionalName, serviceName } from "../edge/hostnames";
import { byRole, continentRegions, primaryOf, type Continent, type SteeredRegion } from "./geography";

/*
 * The Route53 records of the AWS global traffic, as data: names, routing
 * policies and what each aliases. Pure, so the component, the plan and the
 * dns-routing-consistent tests agree. No name mixes routing policies.
 */

export type RecordTarget =
    | { kind: "accelerator" }
    | { kind: "alb"; region: string }
    /** Another record in the same zone (alias by name). */
    | { kind: "record"; name: string };

export type Routing =
    | { policy: "simple" }
    | { policy: "failover"; role: "PRIMARY" | "SECONDARY" }
    | { policy: "geolocation"; continent: Continent | "*" };

export interface PlannedRecord {
    /** Unique, stable key for the resource name. */
    key: string;
    name: string;
    type: "A";
    routing: Routing;
    target: RecordTarget;
    /** The region whose health check guards this record (failover primaries). */
    healthCheckRegion?: string;
    /** Route53 set identifier, for every routing policy but simple. */
    setIdentifier?: string;
}

/** Every record: `rpc`/`grpc` on the accelerator, per-region failover pairs, `api` by continent. */
export function planAwsRecords(domain: string, regions: readonly SteeredRegion[]): PlannedRecord[] {
    const records: PlannedRecord[] = [
        {
            key: "rpc",
            name: serviceName("rpc", domain),
            type: "A",
            routing: { policy: "simple" },
            target: { kind: "accelerator" },
        },
        {
            key: "grpc",
            name: serviceName("grpc", domain),
            type: "A",
            routing: { policy: "simple" },
            target: { kind: "accelerator" },
        },
    ];
    for (const r of byRole(regions)) {
        for (const service of ["rpc", "api"] as const) {
            const name = regionalName(r.name, service, domain);
            records.push(
                {
                    key: `${r.name}-${service}-primary`,
                    name,
                    type: "A",
                    routing: { policy: "failover", role: "PRIMARY" },
                    target: { kind: "alb", region: r.name },
                    healthCheckRegion: r.name,
                    setIdentifier: `${r.name}-primary`,
                },
                {
                    key: `${r.name}-${service}-secondary`,
                    name,
                    type: "A",
                    routing: { policy: "failover", role: "SECONDARY" },
                    target: { kind: "accelerator" },
                    setIdentifier: `${r.name}-secondary`,
                },
            );
        }
    }
    const api = serviceName("api", domain);
    for (const [continent, r] of continentRegions(regions)) {
        records.push({
            key: `api-${continent}`,
            name: api,
            type: "A",
            routing: { policy: "geolocation", continent },
            target: { kind: "record", name: regionalName(r.name, "api", domain) },
            setIdentifier: `api-${continent}`,
        });
    }
    records.push({
        key: "api-default",
        name: api,
        type: "A",
        routing: { policy: "geolocation", continent: "*" },
        target: { kind: "record", name: regionalName(primaryOf(regions).name, "api", domain) },
        setIdentifier: "api-default",
    });
    return records;
}
