import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { afterLoss, arnRegion, attachedTo, encryptionRule, isChainStateBucket, keyRegions } from "./lib/backups";
import { bool, dependenciesOf, isSet, isValidator, list, obj, plural, regionOf, str, withDefaults } from "./lib/read";
import { T } from "./lib/types";

export interface BackupsMultiRegionConfig {
    /** Regions each backup class must be stored in. Default 3. */
    minRegions: number;
    /** Regions each backup class must still be in after any one region is lost. Default 2. */
    minRegionsAfterLoss: number;
}

export const BACKUPS_MULTI_REGION_DEFAULTS: BackupsMultiRegionConfig = { minRegions: 3, minRegionsAfterLoss: 2 };

type Report = (message: string, urn?: string) => void;
const listed = (regions: Iterable<string>) => [...regions].sort().join(", ") || "none";

/**
 * Backups that share a region with what they protect are lost with it. Two
 * classes are checked:
 * - chain-state archives: S3 buckets tagged `virtengine:backup = chain-state`,
 *   each versioned, SSE-KMS with a key in the bucket's own region (a replica
 *   encrypted with another region's key is unreadable once that region is
 *   gone), all public access blocked, and fed by one replication
 *   configuration whose rules reach every other backup bucket without
 *   replicating delete markers;
 * - validator volume recovery points: per region with validators, an AWS
 *   Backup plan with a selection there, copying into other regions' vaults.
 * Each class must be in `minRegions` regions, and losing any single region
 * must leave it in `minRegionsAfterLoss`. The offline plan's region-loss
 * drill reports the same sets; this policy is what fails the run.
 */
export const backupsMultiRegion: StackValidationPolicy = {
    name: "backups-multi-region",
    description:
        "Backups are in at least minRegions regions, versioned, KMS-encrypted in their own region, private, and any one region's loss leaves copies in minRegionsAfterLoss.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minRegions: {
                type: "integer",
                minimum: 1,
                default: BACKUPS_MULTI_REGION_DEFAULTS.minRegions,
                description: "Regions every backup class must be stored in.",
            },
            minRegionsAfterLoss: {
                type: "integer",
                minimum: 1,
                default: BACKUPS_MULTI_REGION_DEFAULTS.minRegionsAfterLoss,
                description: "Regions every backup class must still be in after any single region is lost.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const config = withDefaults(args.getConfig<BackupsMultiRegionConfig>(), BACKUPS_MULTI_REGION_DEFAULTS);
        const resources = args.resources;
        const stackRegions = new Set(
            resources
                .filter((r) => r.type.startsWith("aws:"))
                .map((r) => regionOf(r))
                .filter((r): r is string => r !== undefined),
        );

        const chainRegions = checkChainState(resources, reportViolation);
        if (chainRegions.size < config.minRegions) {
            reportViolation(
                `chain-state backups are in ${plural(chainRegions.size, "region")} (${listed(chainRegions)}); ` +
                    `at least ${config.minRegions} are needed. Add regions to virtengine:backupRegions.`,
            );
        }
        for (const [lost, left] of afterLoss(chainRegions, stackRegions)) {
            if (left.length < config.minRegionsAfterLoss) {
                reportViolation(
                    `losing ${lost} would leave chain-state backups in ${plural(left.length, "region")} ` +
                        `(${listed(left)}); at least ${config.minRegionsAfterLoss} must remain`,
                );
            }
        }

        for (const [region, holding] of validatorVolumeCopies(resources, reportViolation)) {
            if (holding.size < config.minRegions) {
                reportViolation(
                    `validator volume recovery points of ${region} are kept in ${plural(holding.size, "region")} ` +
                        `(${listed(holding)}); at least ${config.minRegions} are needed: copy them to other regions`,
                );
            }
            for (const [lost, left] of afterLoss(holding, stackRegions)) {
                if (left.length < config.minRegionsAfterLoss) {
                    reportViolation(
                        `losing ${lost} would leave validator volume recovery points of ${region} in ` +
                            `${plural(left.length, "region")} (${listed(left)}); at least ${config.minRegionsAfterLoss} must remain`,
                    );
                }
            }
        }
    },
};

/** Checks every chain-state bucket; returns the regions of the buckets that pass. */
function checkChainState(resources: readonly PolicyResource[], report: Report): Set<string> {
    const buckets = resources.filter(isChainStateBucket);
    const healthy = new Set<string>();
    for (const bucket of buckets) {
        const region = regionOf(bucket);
        const problems: string[] = [];
        const versioned = attachedTo(resources, T.bucketVersioning, "bucket", bucket).some(
            (v) => str(obj(v.props, "versioningConfiguration") ?? {}, "status") === "Enabled",
        );
        if (!versioned) problems.push("is not versioned (add a BucketVersioning with status Enabled)");

        const encryption = attachedTo(resources, T.bucketEncryption, "bucket", bucket);
        const rule = encryption.length > 0 ? encryptionRule(encryption[0]) : {};
        if (rule.algorithm !== "aws:kms" && rule.algorithm !== "aws:kms:dsse") {
            problems.push("is not encrypted with SSE-KMS (add a BucketServerSideEncryptionConfiguration with aws:kms)");
        } else {
            const keys = keyRegions(encryption[0], "rules", rule.key);
            const foreign = keys.filter((k) => k !== region);
            if (foreign.length > 0) {
                problems.push(`is encrypted with a key in ${foreign.join(", ")}; use a key in ${region}`);
            }
        }

        const block = attachedTo(resources, T.bucketPublicAccessBlock, "bucket", bucket)[0];
        const blocked =
            block !== undefined &&
            ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].every(
                (k) => bool(block.props, k) === true,
            );
        if (!blocked) problems.push("does not block public access (all four BucketPublicAccessBlock settings true)");

        if (region === undefined) problems.push("has no known region");
        if (problems.length > 0) {
            report(
                `backup bucket ${bucket.name} ${problems.join("; ")}; it does not count as a backup copy`,
                bucket.urn,
            );
        } else if (region !== undefined) {
            healthy.add(region);
        }
    }
    checkReplication(resources, buckets, report);
    return healthy;
}

/** One replication configuration, on a backup bucket, reaching every other backup bucket, delete markers off. */
function checkReplication(resources: readonly PolicyResource[], buckets: readonly PolicyResource[], report: Report) {
    if (buckets.length < 2) return;
    const configs = resources.filter(
        (r) =>
            r.type === T.bucketReplication &&
            buckets.some((b) => dependenciesOf(r, "bucket", b.type).some((d) => d.urn === b.urn)),
    );
    if (configs.length === 0) {
        report(
            `no replication configuration copies chain-state backups between the ${buckets.length} backup buckets; ` +
                `add one on the primary's bucket with a rule per other bucket`,
        );
        return;
    }
    const sources = new Map<string, PolicyResource[]>();
    for (const c of configs) {
        const source = dependenciesOf(c, "bucket", T.bucket)[0]?.urn ?? "";
        sources.set(source, [...(sources.get(source) ?? []), c]);
    }
    for (const [, same] of sources) {
        if (same.length > 1) {
            report(
                `${same.length} replication configurations on one bucket (${same.map((c) => c.name).join(", ")}); ` +
                    `keep one with a rule per destination, a second one replaces the first on every update`,
                same[1].urn,
            );
        }
    }
    const reached = new Set<string>();
    for (const c of configs) {
        for (const b of dependenciesOf(c, "rules", T.bucket)) reached.add(b.urn);
        for (const source of dependenciesOf(c, "bucket", T.bucket)) reached.add(source.urn);
        for (const rule of list(c.props, "rules")) {
            const r = rule as Record<string, unknown>;
            const id = str(r, "id") ?? "(unnamed)";
            if (str(obj(r, "deleteMarkerReplication") ?? {}, "status") === "Enabled") {
                report(
                    `replication rule ${id} of ${c.name} replicates delete markers: a delete at the source would hide ` +
                        `every copy; set deleteMarkerReplication to Disabled`,
                    c.urn,
                );
            }
            const destination = obj(r, "destination") ?? {};
            const encryption = obj(destination, "encryptionConfiguration");
            const keyArn = encryption ? str(encryption, "replicaKmsKeyId") : undefined;
            const destinationRegion = arnRegion(str(destination, "bucket"));
            if (encryption === undefined) {
                report(
                    `replication rule ${id} of ${c.name} names no replicaKmsKeyId: KMS-encrypted backups are not ` +
                        `replicated without the destination region's key`,
                    c.urn,
                );
            } else if (keyArn && destinationRegion && arnRegion(keyArn) !== destinationRegion) {
                report(`replication rule ${id} of ${c.name} uses a key outside ${destinationRegion}`, c.urn);
            }
        }
    }
    for (const b of buckets) {
        if (!reached.has(b.urn)) {
            report(`backup bucket ${b.name} (${regionOf(b)}) is reached by no replication rule`, b.urn);
        }
    }
}

/** Per region with validators: the regions its validator volume recovery points are kept in. */
function validatorVolumeCopies(resources: readonly PolicyResource[], report: Report): Map<string, Set<string>> {
    const validatorRegions = new Set(
        resources
            .filter(isValidator)
            .map((v) => regionOf(v))
            .filter((r): r is string => r !== undefined),
    );
    for (const vault of resources.filter((r) => r.type === T.backupVault)) {
        const region = regionOf(vault);
        const keys = keyRegions(vault, "kmsKeyArn", str(vault.props, "kmsKeyArn"));
        if (!isSet(vault.props, "kmsKeyArn")) {
            report(
                `backup vault ${vault.name} names no kmsKeyArn; encrypt it with a customer key in ${region}`,
                vault.urn,
            );
        } else if (keys.some((k) => k !== region)) {
            report(
                `backup vault ${vault.name} is encrypted with a key in ${keys.filter((k) => k !== region).join(", ")}; ` +
                    `use a key in ${region}`,
                vault.urn,
            );
        }
    }
    const holding = new Map<string, Set<string>>();
    for (const region of validatorRegions) holding.set(region, new Set());
    for (const plan of resources.filter((r) => r.type === T.backupPlan)) {
        const region = regionOf(plan);
        if (region === undefined || !holding.has(region)) continue;
        if (attachedTo(resources, T.backupSelection, "planId", plan).length === 0) continue;
        const regions = holding.get(region)!;
        regions.add(region);
        for (const vault of dependenciesOf(plan, "rules", T.backupVault)) {
            const r = regionOf(vault);
            if (r !== undefined) regions.add(r);
        }
        for (const rule of list(plan.props, "rules")) {
            for (const copy of list(rule as Record<string, unknown>, "copyActions")) {
                const r = arnRegion(str(copy as Record<string, unknown>, "destinationVaultArn"));
                if (r !== undefined) regions.add(r);
            }
        }
    }
    for (const [region, regions] of holding) {
        if (regions.size === 0) {
            report(`validators in ${region} have no AWS Backup plan with a selection in ${region}`);
        }
    }
    return holding;
}
