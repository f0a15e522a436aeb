/*
 * Where backups go: pure planning, tested in tests/backup/placement.test.ts.
 * Chain-state archives live in the buckets of `backupRegions`; validator
 * volume recovery points in every region's vault, copied to two others.
 */

/** What placement needs of the config (a `NetworkConfig` fits). */
export interface PlacementConfig {
    regions: readonly { name: string; role: string }[];
    backupRegions?: readonly string[];
}

/** The primary region's code. */
export function primaryRegion(config: PlacementConfig): string {
    const primary = config.regions.find((r) => r.role === "primary");
    if (!primary) throw new Error("placement: the config has no primary region");
    return primary.name;
}

/**
 * Regions with a chain-state bucket, primary first: `backupRegions` when
 * set, else the primary and the next two regions in config order.
 */
export function resolveBackupRegions(config: PlacementConfig): string[] {
    const primary = primaryRegion(config);
    const chosen = config.backupRegions ?? [
        primary,
        ...config.regions
            .map((r) => r.name)
            .filter((n) => n !== primary)
            .slice(0, 2),
    ];
    return [primary, ...chosen.filter((r) => r !== primary)];
}

/** The bucket a region's snapshotter writes to: its own region's when it has one, else the primary's. */
export function snapshotBucketRegion(region: string, config: PlacementConfig): string {
    return resolveBackupRegions(config).includes(region) ? region : primaryRegion(config);
}

/**
 * The regions a region's validator volume recovery points are copied to:
 * two others (fewer only when the stack has fewer), backup regions first in
 * their order, then the rest in config order, so copies land where the
 * chain-state backups already are.
 */
export function copyDestinations(region: string, config: PlacementConfig, copies = 2): string[] {
    const order = [...resolveBackupRegions(config), ...config.regions.map((r) => r.name)];
    return [...new Set(order)].filter((r) => r !== region).slice(0, copies);
}

/**
 * A chain-state bucket's name: deterministic (environment, region and
 * account), so snapshotters in other regions know it before deployment and
 * two stacks or accounts never collide. At most 63 characters, as S3 allows.
 */
export function backupBucketName(environment: string, region: string, accountId: string): string {
    const name = `virtengine-${environment}-backups-${region}-${accountId}`;
    if (name.length > 63) throw new Error(`backup bucket name ${name} is longer than S3's 63 characters`);
    return name;
}
