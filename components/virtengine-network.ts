import * as pulumi from "@pulumi/pulumi";
import type { NetworkConfig } from "../config/schema";
import type { Tags } from "./common/tags";
import { VpcPeeringMesh } from "./peering/vpc-peering-mesh";
import { VirtEngineRegion } from "./region/virtengine-region";

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

        this.registerOutputs({ regions: Object.keys(this.regions) });
    }
}
