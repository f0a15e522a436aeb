import * as fc from "fast-check";
import { SUPPORTED_REGIONS } from "../../config/regions";
import { continentOf, continentRegions, steeringPools, type SteeredRegion } from "../../components/global/geography";
import { planAwsRecords } from "../../components/global/dns-records";

const ROLES = ["primary", "secondary", "tertiary", "standby"] as const;
const regionsArb = fc
    .uniqueArray(fc.constantFrom(...SUPPORTED_REGIONS), { minLength: 1, maxLength: 6 })
    .chain((names) =>
        fc.tuple(
            fc.constant(names),
            fc.array(fc.constantFrom(...ROLES.slice(1)), { minLength: names.length, maxLength: names.length }),
            fc.array(fc.integer({ min: 0, max: 100 }), { minLength: names.length, maxLength: names.length }),
        ),
    )
    .map(([names, roles, dials]): SteeredRegion[] =>
        names.map((name, i) => ({ name, role: i === 0 ? "primary" : roles[i], trafficDial: dials[i] })),
    );

describe("geography", () => {
    it("knows the continent of every region the config accepts", () => {
        for (const region of SUPPORTED_REGIONS) expect(() => continentOf(region)).not.toThrow();
        expect(
            ["us-east-1", "eu-west-1", "ap-south-1", "ap-southeast-2", "sa-east-1", "me-south-1"].map(continentOf),
        ).toEqual(["NA", "EU", "AS", "OC", "SA", "AS"]);
    });

    it("never serves a continent from a standby, and ignores dials", () => {
        fc.assert(
            fc.property(regionsArb, (regions) => {
                const serving = continentRegions(regions);
                for (const [continent, r] of serving) {
                    expect(r.role).not.toBe("standby");
                    expect(continentOf(r.name)).toBe(continent);
                }
                const redialed = continentRegions(regions.map((r) => ({ ...r, trafficDial: 100 - r.trafficDial })));
                expect([...redialed].map(([c, r]) => [c, r.name])).toEqual([...serving].map(([c, r]) => [c, r.name]));
            }),
        );
    });

    it("steers each covered Cloudflare region to its continent's regions, serving one first", () => {
        fc.assert(
            fc.property(regionsArb, (regions) => {
                const serving = continentRegions(regions);
                for (const names of Object.values(steeringPools(regions))) {
                    const continent = continentOf(names[0]);
                    expect(names[0]).toBe(serving.get(continent)?.name);
                    for (const n of names) expect(continentOf(n)).toBe(continent);
                }
            }),
        );
    });

    it("plans DNS records that never mix routing policies on a name, with a * default", () => {
        fc.assert(
            fc.property(regionsArb, (regions) => {
                const records = planAwsRecords("example.network", regions);
                const byName = new Map<string, Set<string>>();
                for (const r of records) byName.set(r.name, (byName.get(r.name) ?? new Set()).add(r.routing.policy));
                for (const policies of byName.values()) expect(policies.size).toBe(1);
                const api = records.filter((r) => r.name === "api.example.network");
                expect(
                    api.filter((r) => r.routing.policy === "geolocation" && r.routing.continent === "*"),
                ).toHaveLength(1);
                const keys = records.map((r) => r.key);
                expect(new Set(keys).size).toBe(keys.length);
            }),
        );
    });
});
