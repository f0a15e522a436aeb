import * as fc from "fast-check";
import {
    backupBucketName,
    copyDestinations,
    resolveBackupRegions,
    snapshotBucketRegion,
} from "../../components/backup/placement";
import { backupLifecycleRules, DEFAULT_BACKUP_RETENTION } from "../../components/backup/lifecycle";

const production = {
    regions: [
        { name: "us-east-1", role: "primary" },
        { name: "eu-west-1", role: "secondary" },
        { name: "ap-south-1", role: "tertiary" },
        { name: "us-west-2", role: "standby" },
    ],
};

describe("backup placement", () => {
    it("defaults to the primary and the next two regions", () => {
        expect(resolveBackupRegions(production)).toEqual(["us-east-1", "eu-west-1", "ap-south-1"]);
    });

    it("puts the primary first whatever order backupRegions lists", () => {
        expect(resolveBackupRegions({ ...production, backupRegions: ["us-west-2", "us-east-1", "eu-west-1"] })).toEqual(
            ["us-east-1", "us-west-2", "eu-west-1"],
        );
    });

    it("sends a snapshotter's archives to its own region's bucket, else the primary's", () => {
        expect(snapshotBucketRegion("eu-west-1", production)).toBe("eu-west-1");
        expect(snapshotBucketRegion("us-west-2", production)).toBe("us-east-1");
    });

    it("copies validator volumes to two other regions, backup regions first", () => {
        expect(copyDestinations("us-east-1", production)).toEqual(["eu-west-1", "ap-south-1"]);
        expect(copyDestinations("eu-west-1", production)).toEqual(["us-east-1", "ap-south-1"]);
        expect(copyDestinations("us-west-2", production)).toEqual(["us-east-1", "eu-west-1"]);
    });

    it("never copies a region to itself and always finds two others when there are", () => {
        const names = ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2", "eu-central-1"];
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }), (n, p) => {
                const regions = names
                    .slice(0, n)
                    .map((name, i) => ({ name, role: i === p % n ? "primary" : "secondary" }));
                for (const r of regions) {
                    const to = copyDestinations(r.name, { regions });
                    expect(to).not.toContain(r.name);
                    expect(new Set(to).size).toBe(to.length);
                    expect(to).toHaveLength(Math.min(2, n - 1));
                }
            }),
        );
    });

    it("names buckets per environment, region and account, within S3's 63 characters", () => {
        expect(backupBucketName("production", "ap-southeast-1", "123456789012")).toBe(
            "virtengine-production-backups-ap-southeast-1-123456789012",
        );
        expect(() => backupBucketName("production-very-long-name", "ap-southeast-1", "123456789012")).toThrow(/63/);
    });
});

describe("backup lifecycle", () => {
    it("refuses an Object Lock longer than the shortest tier, which lifecycle could then not expire", () => {
        expect(() => backupLifecycleRules({ ...DEFAULT_BACKUP_RETENTION, lockDays: 3 })).toThrow(/outlives the 2-day/);
        expect(backupLifecycleRules(DEFAULT_BACKUP_RETENTION)).toHaveLength(3);
    });
});
