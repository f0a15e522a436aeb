import type { PolicyResource } from "@pulumi/policy";
import { dependenciesOf, list, obj, regionOf, str, tagsOf } from "./read";
import { BACKUP_CLASS_CHAIN_STATE, TAG_BACKUP } from "./tag-keys";
import { T } from "./types";

/*
 * Where backups are, read during a preview: buckets and vaults by their
 * provider's region, links (versioning to bucket, plan to vault, replication
 * rule to destination) by `propertyDependencies`, never by ids.
 */

/** Chain-state backup buckets: S3 buckets tagged `virtengine:backup = chain-state`. */
export const isChainStateBucket = (r: PolicyResource) =>
    (r.type === T.bucket || r.type === T.bucketV2) && tagsOf(r.props)[TAG_BACKUP] === BACKUP_CLASS_CHAIN_STATE;

/** Resources of `type` whose `key` input was computed from `target` (e.g. the versioning of a bucket). */
export function attachedTo(resources: readonly PolicyResource[], type: string, key: string, target: PolicyResource) {
    return resources.filter(
        (r) => r.type === type && (r.propertyDependencies[key] ?? []).some((d) => d.urn === target.urn),
    );
}

/** The region of an ARN (`arn:aws:kms:eu-west-1:...`), when the text is one. */
export function arnRegion(arn: string | undefined): string | undefined {
    const parts = arn?.split(":");
    return parts && parts.length > 4 && parts[0] === "arn" ? parts[3] || undefined : undefined;
}

/**
 * The regions of the KMS keys an input names: keys of this stack followed
 * through `propertyDependencies`, literal ARNs by their region.
 */
export function keyRegions(r: PolicyResource, key: string, literal: string | undefined): string[] {
    const fromDeps = dependenciesOf(r, key, T.kmsKey)
        .map((k) => regionOf(k))
        .filter((x): x is string => x !== undefined);
    const fromArn = arnRegion(literal);
    return [...new Set([...fromDeps, ...(fromArn ? [fromArn] : [])])];
}

/** The `sseAlgorithm` and key of a bucket encryption configuration's first rule. */
export function encryptionRule(enc: PolicyResource): { algorithm?: string; key?: string } {
    const [rule] = list(enc.props, "rules");
    const apply = rule ? obj(rule as Record<string, unknown>, "applyServerSideEncryptionByDefault") : undefined;
    return apply ? { algorithm: str(apply, "sseAlgorithm"), key: str(apply, "kmsMasterKeyId") } : {};
}

/** Regions a set of regions leaves when each one of `all` is lost. */
export function afterLoss(holding: ReadonlySet<string>, all: Iterable<string>): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const lost of all) out.set(lost, [...holding].filter((r) => r !== lost).sort());
    return out;
}
