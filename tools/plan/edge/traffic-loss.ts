import { ALIAS_TTL_SECONDS } from "../../../components/global/aws-global-traffic";
import { CLOUDFLARE_LB_TTL_SECONDS, CLOUDFLARE_MONITOR } from "../../../components/global/cloudflare-global-traffic";
import {
    byRole,
    CONTINENTS,
    continentOf,
    CLOUDFLARE_REGIONS,
    steeringPools,
    type Continent,
    type SteeredRegion,
} from "../../../components/global/geography";
import type { RecordedResource } from "../../harness/run-program";
import { known } from "../../harness/recorded";
import type { GlobalTrafficReport, TrafficLossReport } from "./report-types";

/*
 * Where each continent's clients go when a region is lost, and how long
 * detection takes. Network proximity is modelled by continent (below): the
 * accelerator really picks by its own measurements, so this is the expected
 * answer, not a guarantee.
 */

/** Continents by nearness, from each continent (for where Global Accelerator sends a client). */
const NEAREST: Readonly<Record<Continent, readonly Continent[]>> = {
    NA: ["NA", "SA", "EU", "OC", "AS", "AF", "AN"],
    SA: ["SA", "NA", "EU", "AF", "OC", "AS", "AN"],
    EU: ["EU", "AF", "NA", "AS", "SA", "OC", "AN"],
    AF: ["AF", "EU", "AS", "SA", "NA", "OC", "AN"],
    AS: ["AS", "OC", "EU", "AF", "NA", "SA", "AN"],
    OC: ["OC", "AS", "NA", "SA", "EU", "AF", "AN"],
    AN: ["AN", "SA", "OC", "AF", "NA", "EU", "AS"],
};

/** Continents reported (Antarctica has no clients to speak of). */
const REPORTED = CONTINENTS.filter((c) => c !== "AN");

/** The nearest of `regions` to a continent, primary first among equals. */
function nearest<R extends SteeredRegion>(continent: Continent, regions: readonly R[]): R | undefined {
    const ordered = byRole(regions);
    for (const c of NEAREST[continent]) {
        const found = ordered.find((r) => continentOf(r.name) === c);
        if (found) return found;
    }
    return undefined;
}

/** The longest target-group detection (interval x unhealthy threshold) of a region's groups. */
function targetGroupDetection(
    resources: readonly RecordedResource[],
    regionOf: Map<string, string | undefined>,
    region: string,
) {
    const seconds = resources
        .filter((r) => r.type === "aws:lb/targetGroup:TargetGroup" && regionOf.get(r.urn) === region)
        .map((g) => {
            const health = known(g.inputs.healthCheck) as Record<string, unknown> | undefined;
            const interval = known(health?.interval);
            const threshold = known(health?.unhealthyThreshold);
            return (typeof interval === "number" ? interval : 30) * (typeof threshold === "number" ? threshold : 3);
        });
    return seconds.length > 0 ? Math.max(...seconds) : null;
}

export function trafficLoss(
    lost: string,
    regions: readonly SteeredRegion[],
    global: GlobalTrafficReport,
    resources: readonly RecordedResource[],
    regionOf: Map<string, string | undefined>,
): TrafficLossReport | null {
    const survivors = regions.filter((r) => r.name !== lost);
    if (global.provider === null || survivors.length === 0) return null;
    const continents: Record<string, string> = {};

    if (global.provider === "aws") {
        // Normally the accelerator sends a client to the nearest region with a dial above 0; when that
        // region fails it sends them to the nearest healthy one, whatever its dial.
        const taking = regions.filter((r) => r.trafficDial > 0);
        for (const c of REPORTED) {
            const usual = nearest(c, taking);
            const target = usual && usual.name !== lost ? usual : nearest(c, survivors);
            if (target) continents[c] = target.name;
        }
        const check = global.healthChecks.find((h) => h.region === lost);
        return {
            continents,
            detectionSeconds: targetGroupDetection(resources, regionOf, lost),
            dnsDetectionSeconds: check ? check.intervalSeconds * check.failureThreshold + ALIAS_TTL_SECONDS : null,
            how:
                `Global Accelerator stops sending ${lost} traffic once its load balancers' targets fail their health ` +
                `checks (interval x unhealthy threshold); ${lost}.rpc and ${lost}.api fail over to the accelerator ` +
                `after the Route53 health check fails (interval x failures) and the alias TTL expires.`,
        };
    }

    // Cloudflare: geo steering to each continent's pools in order, then the default pools (role order).
    const pools = steeringPools(regions);
    const defaults = byRole(regions).map((r) => r.name);
    for (const c of REPORTED) {
        const code = CLOUDFLARE_REGIONS[c][0];
        const order = [...(pools[code] ?? []), ...defaults];
        const target = order.find((name) => name !== lost);
        if (target) continents[c] = target;
    }
    return {
        continents,
        detectionSeconds:
            CLOUDFLARE_MONITOR.intervalSeconds * CLOUDFLARE_MONITOR.consecutiveDown + CLOUDFLARE_LB_TTL_SECONDS,
        dnsDetectionSeconds: null,
        how:
            `Cloudflare marks the ${lost} pool down after its monitor fails ${CLOUDFLARE_MONITOR.consecutiveDown} times ` +
            `(every ${CLOUDFLARE_MONITOR.intervalSeconds} s) and answers with the next default pool once the TTL expires.`,
    };
}
