import type { StateTable } from "./types";

/** Networking and compute: VPCs, addresses, peering, launch templates, Auto Scaling. */
export const networkState: StateTable = {
    "aws:ec2/launchTemplate:LaunchTemplate": () => ({ latestVersion: 1 }),
    "aws:ec2/eip:Eip": (r) => ({ allocationId: `eipalloc-${r.name}` }),
    "aws:autoscaling/group:Group": (r) => ({ name: r.inputs.name ?? r.name }),
    "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter": (r) => ({
        vpcPeeringConnectionId: r.inputs.vpcPeeringConnectionId,
    }),
};
