import * as pulumi from "@pulumi/pulumi";
import type { NetworkConfig } from "../config/schema";
import type { Tags } from "./common/tags";
import { VpcPeeringMesh } from "./peering/vpc-peering-mesh";
import { VirtEngineRegion } from "./region/virtengine-region";
import { copyDestinations, primaryRegion, resolveBackupRegions } from "./backup/placement";
import { BackupReplication, type ReplicationMember } from "./cross-region/backup-replication";
import { ValidatorVolumeBackups } from "./cross-region/validator-volume-backups";

export interface VirtEngineNetworkArgs {
    /** Validated stack config (see config/schema.ts). */
    config: NetworkConfig;
    /** Extra tags for every resource, merged after the standard ones. */
    tags?: Tags;
}

/**
 * The whole VirtEngine network of one environment: every configured region,
 * and the peering mesh between them. One stack holds all regions because the
 * validator cap must see every region at once.
 */
export class VirtEngineNetwork extends pulumi.ComponentResource {
    /** Regions by AWS region code. */
    public readonly regions: Record<string, VirtEngineRegion>;
    public readonly peering: VpcPeeringMesh;
    /** Chain-state bucket replication from the primary; undefined with a single backup region. */
    public readonly backupReplication?: BackupReplication;
    public readonly validatorVolumeBackups: ValidatorVolumeBackups;

    constructor(name: string, args: VirtEngineNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:index:Network", name, {}, opts);
        const { config } = args;
        const tags: Tags = {
            "virtengine:environment": config.environment,
            "virtengine:chain-id": config.chainId,
            "managed-by": "pulumi",
            ...args.tags,
        };

        this.regions = {};
        for (const region of config.regions) {
            this.regions[region.name] = new VirtEngineRegion(
                region.name,
                {
                    region,
                    config,
                    peerCidrs: config.regions.filter((r) => r.name !== region.name).map((r) => r.cidr),
                    tags,
                },
                { parent: this },
            );
        }

        this.peering = new VpcPeeringMesh(
            `${name}-peering`,
            {
                members: Object.values(this.regions).map((r) => ({
                    region: r.network.region,
                    provider: r.provider,
                    vpcId: r.network.vpcId,
                    cidr: r.network.cidr,
                    routeTableIds: r.network.routeTableIds,
                })),
                tags,
            },
            { parent: this },
        );

        // Disaster recovery across regions, from the regions' backup storage.
        const bucketOf = (region: string): ReplicationMember => {
            const r = this.regions[region];
            if (r.backups.bucket === undefined) throw new pulumi.ResourceError(`${region} has no backup bucket`, this);
            return { region, provider: r.provider, bucket: r.backups.bucket };
        };
        const [, ...destinations] = resolveBackupRegions(config);
        if (destinations.length > 0) {
            this.backupReplication = new BackupReplication(
                `${name}-backup-replication`,
                { source: bucketOf(primaryRegion(config)), destinations: destinations.map(bucketOf), tags },
                { parent: this },
            );
        }
        this.validatorVolumeBackups = new ValidatorVolumeBackups(
            `${name}-validator-volume-backups`,
            {
                members: Object.values(this.regions).map((r) => ({
                    region: r.network.region,
                    provider: r.provider,
                    vaultName: r.backups.vault.vaultName,
                    vaultArn: r.backups.vault.vaultArn,
                })),
                copyTo: Object.fromEntries(config.regions.map((r) => [r.name, copyDestinations(r.name, config)])),
                environment: config.environment,
                tags,
            },
            { parent: this },
        );

        this.registerOutputs({ regions: Object.keys(this.regions) });
    }
}
