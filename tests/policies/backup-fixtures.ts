import { UNKNOWN, type RecordedResource } from "../../tools/harness/run-program";
import { find, inRegion, resource } from "./fixtures";

/*
 * Backup resources for a fixture stack (see fixtures.ts `topology()`), shaped
 * as a preview records them: ids and ARNs unknown, links only through
 * propertyDependencies. `withBackups(topology())` is healthy for both
 * backups-multi-region and validator-safe-replacement; each test changes one thing.
 */

export interface BackupSpec {
    /** Regions with a chain-state bucket, the first replicating to the others. Default the first three. */
    bucketRegions?: string[];
    /** Copy destinations per region with validators. Default: the next two regions of the stack, wrapping. */
    copyTo?: Record<string, string[]>;
}

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"];

/** Adds healthy backups to `resources` (which must hold a provider per region) and returns them. */
export function withBackups(resources: RecordedResource[], spec: BackupSpec = {}): RecordedResource[] {
    const regions = REGIONS.filter((r) => resources.some((x) => x.name === `${r}-provider`));
    const bucketRegions = spec.bucketRegions ?? regions.slice(0, 3);
    const buckets = new Map<string, RecordedResource>();
    const keys = new Map<string, RecordedResource>();
    const vaults = new Map<string, RecordedResource>();
    for (const region of regions) {
        const where = inRegion(resources, region);
        const key = resource("aws:kms/key:Key", `${region}-backup-key`, { enableKeyRotation: true }, where);
        const vault = resource(
            "aws:backup/vault:Vault",
            `${region}-vault`,
            { name: "validator-volumes", kmsKeyArn: UNKNOWN },
            { ...where, propertyDependencies: { kmsKeyArn: [key.urn] } },
        );
        keys.set(region, key);
        vaults.set(region, vault);
        resources.push(key, vault);
    }
    for (const region of bucketRegions) {
        const where = inRegion(resources, region);
        const bucket = resource(
            "aws:s3/bucket:Bucket",
            `${region}-chain-state`,
            { bucket: `backups-${region}`, objectLockEnabled: true, tags: { "virtengine:backup": "chain-state" } },
            { ...where, protect: true },
        );
        const on = { ...where, propertyDependencies: { bucket: [bucket.urn] } };
        buckets.set(region, bucket);
        resources.push(
            bucket,
            resource(
                "aws:s3/bucketVersioning:BucketVersioning",
                `${region}-versioning`,
                { bucket: UNKNOWN, versioningConfiguration: { status: "Enabled" } },
                on,
            ),
            resource(
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                `${region}-encryption`,
                {
                    bucket: UNKNOWN,
                    rules: [
                        { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } },
                    ],
                },
                { ...where, propertyDependencies: { bucket: [bucket.urn], rules: [keys.get(region)!.urn] } },
            ),
            resource(
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                `${region}-public-access-block`,
                {
                    bucket: UNKNOWN,
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: true,
                },
                on,
            ),
        );
    }
    const [source, ...destinations] = bucketRegions;
    if (source !== undefined && destinations.length > 0) {
        resources.push(
            resource(
                "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                "replication",
                {
                    bucket: UNKNOWN,
                    role: UNKNOWN,
                    rules: destinations.map((d, i) => ({
                        id: `to-${d}`,
                        priority: i + 1,
                        status: "Enabled",
                        deleteMarkerReplication: { status: "Disabled" },
                        destination: { bucket: UNKNOWN, encryptionConfiguration: { replicaKmsKeyId: UNKNOWN } },
                    })),
                },
                {
                    ...inRegion(resources, source),
                    propertyDependencies: {
                        bucket: [buckets.get(source)!.urn],
                        rules: destinations.flatMap((d) => [buckets.get(d)!.urn, keys.get(d)!.urn]),
                    },
                },
            ),
        );
    }
    const validatorRegions = regions.filter((r) =>
        resources.some((x) => x.type === "aws:ec2/instance:Instance" && x.providerRegion === r),
    );
    for (const region of validatorRegions) {
        const i = regions.indexOf(region);
        const copyTo = spec.copyTo?.[region] ?? [regions[(i + 1) % regions.length], regions[(i + 2) % regions.length]];
        const where = inRegion(resources, region);
        const plan = resource(
            "aws:backup/plan:Plan",
            `${region}-plan`,
            {
                rules: [
                    {
                        ruleName: "validator-volumes",
                        targetVaultName: UNKNOWN,
                        copyActions: copyTo.map(() => ({
                            destinationVaultArn: UNKNOWN,
                            lifecycle: { deleteAfter: 90 },
                        })),
                    },
                ],
            },
            { ...where, propertyDependencies: { rules: [region, ...copyTo].map((r) => vaults.get(r)!.urn) } },
        );
        resources.push(
            plan,
            resource(
                "aws:backup/selection:Selection",
                `${region}-volumes`,
                {
                    planId: UNKNOWN,
                    iamRoleArn: UNKNOWN,
                    resources: ["arn:aws:ec2:*:*:volume/*"],
                    selectionTags: [{ type: "STRINGEQUALS", key: "virtengine:backup", value: "validator-volume" }],
                },
                { ...where, propertyDependencies: { planId: [plan.urn] } },
            ),
        );
    }
    return resources;
}

/** Validators as the program builds them: protected, ignoring ami and userData, delete-before-replace. */
export function safeValidators(resources: RecordedResource[]): RecordedResource[] {
    for (const v of resources.filter((r) => r.type === "aws:ec2/instance:Instance")) {
        v.ignoreChanges = ["ami", "userData"];
        v.deleteBeforeReplace = true;
    }
    return resources;
}

export { find };
