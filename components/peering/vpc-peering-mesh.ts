import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";

/** One region's side of the mesh. */
export interface PeeringMember {
    /** AWS region code. */
    region: string;
    /** The region's AWS provider: its side's connection end and routes use it. */
    provider: aws.Provider;
    vpcId: pulumi.Input<string>;
    cidr: string;
    /** Route tables that get a route to every other member, by a stable key. */
    routeTableIds: Record<string, pulumi.Input<string>>;
}

export interface VpcPeeringMeshArgs {
    members: readonly PeeringMember[];
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * Cross-region VPC peering as a full mesh, so full nodes in any region can
 * state-sync from any other. For each pair the first region (in config order)
 * requests and the second accepts; each side's routes are added with that
 * side's own provider. Names are built from the two region codes, so adding
 * a region adds connections without renaming existing ones.
 */
export class VpcPeeringMesh extends pulumi.ComponentResource {
    /** Connection id by `<requester>-<accepter>` region pair. */
    public readonly connectionIds: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: VpcPeeringMeshArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:peering:VpcPeeringMesh", name, {}, opts);
        this.connectionIds = {};
        const members = args.members;
        for (let i = 0; i < members.length; i++) {
            for (let j = i + 1; j < members.length; j++) {
                const requester = members[i];
                const accepter = members[j];
                const pair = `${requester.region}-${accepter.region}`;
                const pairName = `${name}-${pair}`;

                const connection = new aws.ec2.VpcPeeringConnection(
                    pairName,
                    {
                        vpcId: requester.vpcId,
                        peerVpcId: accepter.vpcId,
                        peerRegion: accepter.region,
                        // Cross-region peering cannot be auto-accepted by the requester.
                        autoAccept: false,
                        tags: mergeTags(pairName, args.tags, { "virtengine:peer-region": accepter.region }),
                    },
                    childOptions(this, requester.provider),
                );
                const accepted = new aws.ec2.VpcPeeringConnectionAccepter(
                    `${pairName}-accepter`,
                    {
                        vpcPeeringConnectionId: connection.id,
                        autoAccept: true,
                        tags: mergeTags(`${pairName}-accepter`, args.tags, {
                            "virtengine:peer-region": requester.region,
                        }),
                    },
                    childOptions(this, accepter.provider),
                );

                for (const [from, to] of [
                    [requester, accepter],
                    [accepter, requester],
                ] as const) {
                    for (const [key, routeTableId] of Object.entries(from.routeTableIds)) {
                        new aws.ec2.Route(
                            `${name}-${from.region}-${key}-to-${to.region}`,
                            {
                                routeTableId,
                                destinationCidrBlock: to.cidr,
                                vpcPeeringConnectionId: accepted.vpcPeeringConnectionId,
                            },
                            childOptions(this, from.provider),
                        );
                    }
                }
                this.connectionIds[pair] = connection.id;
            }
        }
        this.registerOutputs({ connectionIds: this.connectionIds });
    }
}
