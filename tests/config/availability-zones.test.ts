import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import table from "../../config/availability-zones.json";
import { AVAILABILITY_ZONES, isZoneOfRegion, SUPPORTED_REGIONS, ZONE_LETTERS } from "../../config/regions";
import { refresh } from "../../tools/zones/refresh-availability-zones";
import { zoneTable, type DescribedZone } from "../../tools/zones/zone-table";
import { rawStackConfig } from "../helpers/fixtures";

const REPO = path.resolve(__dirname, "../..");

describe("config/availability-zones.json, the table of zones that exist", () => {
    it("has a zone list for exactly the regions the program supports", () => {
        // A provider upgrade that adds a region fails here until the table is refreshed.
        expect(Object.keys(AVAILABILITY_ZONES).sort()).toEqual([...SUPPORTED_REGIONS]);
    });

    it.each(Object.entries(table.zones))(
        "%s: standard zone names of the region, sorted, a subnet slot each",
        (region, zones) => {
            expect(zones.length).toBeGreaterThanOrEqual(2);
            expect([...zones].sort()).toEqual(zones);
            expect(new Set(zones).size).toBe(zones.length);
            for (const zone of zones) {
                expect(zone.slice(0, -1)).toBe(region);
                expect(ZONE_LETTERS).toContain(zone.slice(-1));
            }
        },
    );

    it("names its source and a refresh script that exists", () => {
        expect(table.source).toMatch(/DescribeAvailabilityZones/);
        expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const script = /tools\/zones\/[\w-]+\.ts/.exec(table.refresh)?.[0];
        expect(script).toBeDefined();
        expect(fs.existsSync(path.join(REPO, script as string))).toBe(true);
    });

    it("knows the zones that do not exist", () => {
        expect(isZoneOfRegion("eu-west-1c", "eu-west-1")).toBe(true);
        expect(isZoneOfRegion("eu-west-1e", "eu-west-1")).toBe(false);
        expect(isZoneOfRegion("ap-south-1d", "ap-south-1")).toBe(false);
        expect(isZoneOfRegion("us-east-1f", "us-east-1")).toBe(true);
        expect(isZoneOfRegion("us-east-1a", "us-east-2")).toBe(false);
        expect(isZoneOfRegion("toString", "constructor")).toBe(false);
    });

    it.each(["production", "staging"] as const)("holds every zone the %s stack uses", (stack) => {
        const regions = rawStackConfig(stack).regions as { name: string; zones: string[] }[];
        for (const region of regions)
            expect(AVAILABILITY_ZONES[region.name]).toEqual(expect.arrayContaining(region.zones));
    });
});

describe("zoneTable, the refresh script's reading of the EC2 API's answers", () => {
    const zone = (ZoneName: string, ZoneType = "availability-zone", RegionName = "us-east-1"): DescribedZone => ({
        ZoneName,
        ZoneType,
        RegionName,
        State: "available",
    });

    it("keeps a region's standard zones, sorted, and leaves Local and Wavelength Zones out", () => {
        const answers = {
            "us-east-1": {
                AvailabilityZones: [
                    zone("us-east-1b"),
                    zone("us-east-1-bos-1a", "local-zone"),
                    zone("us-east-1a"),
                    zone("us-east-1-wl1-bos-wlz-1", "wavelength-zone"),
                ],
            },
            "eu-west-1": { AvailabilityZones: [zone("eu-west-1a", undefined, "eu-west-1")] },
        };
        expect(zoneTable(answers)).toEqual({ "eu-west-1": ["eu-west-1a"], "us-east-1": ["us-east-1a", "us-east-1b"] });
    });

    it("refuses an answer for another region, or one without zones, rather than write a wrong table", () => {
        expect(() => zoneTable({ "us-east-2": { AvailabilityZones: [zone("us-east-1a")] } })).toThrow(
            "us-east-2: the answer lists us-east-1a of us-east-1",
        );
        expect(() =>
            zoneTable({ "us-east-1": { AvailabilityZones: [zone("us-east-1-bos-1a", "local-zone")] } }),
        ).toThrow("us-east-1: the answer lists no Availability Zones");
    });
});

describe("the refresh script", () => {
    it("rewrites the table from saved answers, keeping its source and notes", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zones-refresh-"));
        try {
            // Answers that agree with today's table, one file per region as the AWS CLI prints them,
            // plus a Local Zone the script must leave out.
            for (const [region, zones] of Object.entries(table.zones)) {
                const answer = {
                    AvailabilityZones: [
                        ...zones.map((ZoneName) => ({ ZoneName, ZoneType: "availability-zone", RegionName: region })),
                        { ZoneName: `${region}-lax-1a`, ZoneType: "local-zone", RegionName: region },
                    ].reverse(),
                };
                fs.writeFileSync(path.join(dir, `${region}.json`), JSON.stringify(answer));
            }
            const copy = path.join(dir, "availability-zones.json");
            fs.copyFileSync(path.join(REPO, "config/availability-zones.json"), copy);
            refresh({ fromDir: dir, table: copy, today: "2030-01-02" });
            const written = JSON.parse(fs.readFileSync(copy, "utf8"));
            expect(written).toEqual({
                ...table,
                asOf: "2030-01-02",
                method: "written by the refresh script from saved API answers",
            });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
