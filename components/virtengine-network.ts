import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkConfig } from "../config/schema";
import type { Tags } from "./common/tags";
import { VpcPeeringMesh } from "./peering/vpc-peering-mesh";
import { VirtEngineRegion } from "./region/virtengine-region";
import { copyDestinations, primaryRegion, resolveBackupRegions } from "./backup/placement";
import { BackupReplication, type ReplicationMember } from "./cross-region/backup-replication";
import { ValidatorVolumeBackups } from "./cross-region/validator-volume-backups";
import { AwsGlobalTraffic } from "./global/aws-global-traffic";
import { CloudflareGlobalTraffic } from "./global/cloudflare-global-traffic";
import { CloudflareZone, Route53Zone } from "./global/dns-zone";
import { GlobalProviders } from "./global/global-providers";

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
    /** The AWS provider of global services, its own so removing the us-west-2 region never replaces them. */
    public readonly globalProvider: aws.Provider;
    /** The zone holding the public names (Route53, or the existing Cloudflare zone). */
    public readonly dnsZone: Route53Zone | CloudflareZone;
    /** Global traffic: the accelerator and Route53 records, or Cloudflare load balancers. */
    public readonly globalTraffic: AwsGlobalTraffic | CloudflareGlobalTraffic;

    constructor(name: string, args: VirtEngineNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:index:Network", name, {}, opts);
        const { config } = args;
        const tags: Tags = {
            "virtengine:environment": config.environment,
            "virtengine:chain-id": config.chainId,
            "managed-by": "pulumi",
            ...args.tags,
        };

        const production = config.environment === "production";
        // 1. Global providers.
        const providers = new GlobalProviders(
            `${name}-global`,
            { cloudflare: config.globalTraffic === "cloudflare" },
            { parent: this },
        );
        this.globalProvider = providers.aws;
        const cloudflareProvider = providers.cloudflare;

        // 2. The DNS zone: the regions' certificates validate through it.
        if (cloudflareProvider !== undefined) {
            this.dnsZone = new CloudflareZone(
                `${name}-dns`,
                { provider: cloudflareProvider, zoneId: required(config.cloudflareZoneId), domain: config.domain },
                { parent: this },
            );
        } else {
            this.dnsZone = new Route53Zone(
                `${name}-dns`,
                { provider: this.globalProvider, domain: config.domain, protect: production, tags },
                { parent: this },
            );
        }

        // 3. The regions.
        this.regions = {};
        for (const region of config.regions) {
            this.regions[region.name] = new VirtEngineRegion(
                region.name,
                {
                    region,
                    config,
                    peerCidrs: config.regions.filter((r) => r.name !== region.name).map((r) => r.cidr),
                    validation: this.dnsZone,
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
            return { region, provider: r.provider, bucket: r.backups.bucket, alarmTopicArn: r.alarms.topicArn };
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
                    alarmTopicArn: r.alarms.topicArn,
                })),
                copyTo: Object.fromEntries(config.regions.map((r) => [r.name, copyDestinations(r.name, config)])),
                environment: config.environment,
                tags,
            },
            { parent: this },
        );
        // 5. Global traffic, from the zone and every region's endpoints.
        const endpoints = Object.values(this.regions).map((r) => r.edge.endpoints);
        if (cloudflareProvider !== undefined) {
            this.globalTraffic = new CloudflareGlobalTraffic(
                `${name}-traffic`,
                {
                    provider: cloudflareProvider,
                    accountId: required(config.cloudflareAccountId),
                    zoneId: required(config.cloudflareZoneId),
                    domain: config.domain,
                    poolPrefix: `virtengine-${config.environment}`,
                    regions: endpoints,
                },
                { parent: this },
            );
        } else {
            this.globalTraffic = new AwsGlobalTraffic(
                `${name}-traffic`,
                {
                    provider: this.globalProvider,
                    zoneId: (this.dnsZone as Route53Zone).zoneId,
                    domain: config.domain,
                    acceleratorName: `virtengine-${config.environment}`,
                    regions: endpoints,
                    tags,
                },
                { parent: this },
            );
        }

        this.registerOutputs({ regions: Object.keys(this.regions) });
    }
}

/** A key config validation requires for Cloudflare (see config/schema.ts). */
function required(value: string | undefined): string {
    if (value === undefined) throw new Error("config validation let Cloudflare through without its ids");
    return value;
}
