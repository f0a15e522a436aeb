/*
 * Where clients are and which region serves them: the continent of each AWS
 * region for Route53 geolocation, and Cloudflare's steering regions. Pure.
 */

/** Route53 continent codes. */
export type Continent = "AF" | "AN" | "AS" | "EU" | "NA" | "OC" | "SA";
export const CONTINENTS: readonly Continent[] = ["AF", "AN", "AS", "EU", "NA", "OC", "SA"];

/** The continent an AWS region is on, from its code's prefix (Middle East and Israel count as Asia, as Route53 does). */
export function continentOf(region: string): Continent {
    const prefix = region.split("-")[0];
    switch (prefix) {
        case "us":
        case "ca":
        case "mx":
            return "NA";
        case "sa":
            return "SA";
        case "eu":
            return "EU";
        case "af":
            return "AF";
        case "ap":
            return region.startsWith("ap-southeast-2") || region.startsWith("ap-southeast-4") ? "OC" : "AS";
        case "me":
        case "il":
            return "AS";
        default:
            throw new Error(`no continent known for region ${region}`);
    }
}

/** Cloudflare load-balancing regions that lie on each continent. */
export const CLOUDFLARE_REGIONS: Readonly<Record<Continent, readonly string[]>> = {
    NA: ["WNAM", "ENAM"],
    SA: ["NSAM", "SSAM"],
    EU: ["WEU", "EEU"],
    AF: ["NAF", "SAF"],
    AS: ["ME", "SAS", "SEAS", "NEAS"],
    OC: ["OC"],
    AN: [],
};

/** What steering needs to know of a region. */
export interface SteeredRegion {
    name: string;
    role: "primary" | "secondary" | "tertiary" | "standby";
    trafficDial: number;
}

const ROLE_ORDER = ["primary", "secondary", "tertiary", "standby"];

/** Regions in role order (primary first), the order of default pools and failover. */
export function byRole<R extends SteeredRegion>(regions: readonly R[]): R[] {
    return [...regions].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

/**
 * The region that serves each continent in DNS: on each continent with a
 * serving region (any role but standby), the one first in role order.
 * Continents missing here fall to the default (the primary). Decided by
 * role, not traffic dial, so turning a dial changes only the accelerator's
 * endpoint group.
 */
export function continentRegions<R extends SteeredRegion>(regions: readonly R[]): Map<Continent, R> {
    const out = new Map<Continent, R>();
    for (const r of byRole(regions)) {
        if (r.role === "standby") continue;
        const continent = continentOf(r.name);
        if (!out.has(continent)) out.set(continent, r);
    }
    return out;
}

/** The primary region (config validation guarantees exactly one). */
export function primaryOf<R extends SteeredRegion>(regions: readonly R[]): R {
    const primary = regions.find((r) => r.role === "primary");
    if (!primary) throw new Error("no primary region");
    return primary;
}

/**
 * Cloudflare geo steering: for each Cloudflare region on a continent that a
 * serving region covers, that continent's regions in role order (the serving
 * one first, a standby there last, taking traffic only when the others are
 * down). Cloudflare regions left out use the default pools (role order).
 */
export function steeringPools<R extends SteeredRegion>(regions: readonly R[]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const continent of continentRegions(regions).keys()) {
        const here = byRole(regions)
            .filter((r) => continentOf(r.name) === continent)
            .map((r) => r.name);
        for (const code of CLOUDFLARE_REGIONS[continent]) out[code] = here;
    }
    return out;
}
