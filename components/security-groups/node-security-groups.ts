import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { PORTS } from "../common/ports";
import { mergeTags, type Tags } from "../common/tags";

export interface NodeSecurityGroupsArgs {
    /** The region's AWS provider; every child uses it. */
    provider: aws.Provider;
    vpcId: pulumi.Input<string>;
    /** The VPC's own CIDR: metrics are scraped only from inside it. */
    vpcCidr: string;
    /**
     * CIDRs of the other regions' VPCs, reached over peering: their full nodes
     * state-sync from ours (RPC for light-client verification, P2P for chunks).
     */
    peerCidrs: readonly string[];
    /** Tags for every child. */
    tags?: Tags;
}

type Source = { cidr: string } | { group: aws.ec2.SecurityGroup };

/**
 * The security groups of each node role in a region, and every rule between
 * them. There is no SSH rule anywhere: operators use SSM Session Manager.
 *
 * - loadBalancer: HTTPS 443 (HTTP 80 only to redirect) and gRPC 9090 from
 *   the internet; it may reach only the VPC.
 * - restLoadBalancer: the internal NLB in front of the full nodes' REST,
 *   which api-gateway forwards to: REST 1317 from inside the VPC only.
 * - fullNode: P2P 26656 from anywhere (it is a public network); RPC 26657
 *   and gRPC 9090 only from the public load balancers, REST 1317 only from
 *   the internal one; metrics 26660 only from the VPC; P2P and RPC from
 *   peered regions for state sync.
 * - validator: P2P 26656 only from this region's full nodes (its sentries),
 *   metrics 26660 only from the VPC. Nothing from 0.0.0.0/0.
 */
export class NodeSecurityGroups extends pulumi.ComponentResource {
    public readonly loadBalancer: aws.ec2.SecurityGroup;
    public readonly restLoadBalancer: aws.ec2.SecurityGroup;
    public readonly fullNode: aws.ec2.SecurityGroup;
    public readonly validator: aws.ec2.SecurityGroup;

    constructor(name: string, args: NodeSecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:security:NodeSecurityGroups", name, {}, opts);
        const child = () => childOptions(this, args.provider);

        const group = (role: string, description: string) =>
            new aws.ec2.SecurityGroup(
                `${name}-${role}`,
                { vpcId: args.vpcId, description, tags: mergeTags(`${name}-${role}`, args.tags) },
                child(),
            );
        this.loadBalancer = group("load-balancer", "VirtEngine load balancers: public HTTPS and gRPC");
        this.restLoadBalancer = group(
            "rest-load-balancer",
            "VirtEngine internal REST load balancer: REST from the VPC",
        );
        this.fullNode = group("full-node", "VirtEngine full nodes: public P2P, RPC/REST/gRPC from load balancers");
        this.validator = group("validator", "VirtEngine validators: P2P only from the full nodes of this region");

        const ingress = (
            sg: aws.ec2.SecurityGroup,
            role: string,
            rule: string,
            port: number,
            source: Source,
            description: string,
        ) =>
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-${role}-${rule}`,
                {
                    securityGroupId: sg.id,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    description,
                    ...("cidr" in source ? { cidrIpv4: source.cidr } : { referencedSecurityGroupId: source.group.id }),
                    tags: mergeTags(`${name}-${role}-${rule}`, args.tags),
                },
                child(),
            );
        const egress = (sg: aws.ec2.SecurityGroup, role: string, cidr: string, description: string) =>
            new aws.vpc.SecurityGroupEgressRule(
                `${name}-${role}-egress`,
                {
                    securityGroupId: sg.id,
                    ipProtocol: "-1",
                    cidrIpv4: cidr,
                    description,
                    tags: mergeTags(`${name}-${role}-egress`, args.tags),
                },
                child(),
            );

        const internet = { cidr: "0.0.0.0/0" };
        const vpc = { cidr: args.vpcCidr };

        ingress(this.loadBalancer, "load-balancer", "https-from-internet", PORTS.https, internet, "HTTPS (RPC, REST)");
        ingress(
            this.loadBalancer,
            "load-balancer",
            "http-from-internet",
            PORTS.http,
            internet,
            "HTTP, redirected to HTTPS",
        );
        ingress(this.loadBalancer, "load-balancer", "grpc-from-internet", PORTS.grpc, internet, "gRPC over TLS");
        egress(this.loadBalancer, "load-balancer", args.vpcCidr, "To targets inside the VPC only");

        const lb = { group: this.loadBalancer };
        ingress(this.fullNode, "full-node", "p2p-from-internet", PORTS.p2p, internet, "CometBFT P2P, public network");
        ingress(this.fullNode, "full-node", "rpc-from-load-balancer", PORTS.rpc, lb, "CometBFT RPC via load balancers");
        // REST is public data, but only api-gateway (EKS nodes, inside the VPC) is meant to call it.
        ingress(this.restLoadBalancer, "rest-load-balancer", "rest-from-vpc", PORTS.rest, vpc, "REST from the VPC");
        egress(this.restLoadBalancer, "rest-load-balancer", args.vpcCidr, "To full nodes inside the VPC only");
        ingress(
            this.fullNode,
            "full-node",
            "rest-from-rest-load-balancer",
            PORTS.rest,
            { group: this.restLoadBalancer },
            "REST via the internal load balancer",
        );
        ingress(this.fullNode, "full-node", "grpc-from-load-balancer", PORTS.grpc, lb, "gRPC via load balancers");
        ingress(this.fullNode, "full-node", "metrics-from-vpc", PORTS.metrics, vpc, "Prometheus metrics");
        for (const peer of args.peerCidrs) {
            const key = peer.replace(/[./]/g, "-");
            ingress(
                this.fullNode,
                "full-node",
                `rpc-from-peer-${key}`,
                PORTS.rpc,
                { cidr: peer },
                "State sync RPC from a peered region",
            );
        }
        egress(this.fullNode, "full-node", "0.0.0.0/0", "P2P dialing, package and snapshot downloads");

        ingress(
            this.validator,
            "validator",
            "p2p-from-full-nodes",
            PORTS.p2p,
            { group: this.fullNode },
            "P2P from the sentries of this region",
        );
        ingress(this.validator, "validator", "metrics-from-vpc", PORTS.metrics, vpc, "Prometheus metrics");
        egress(this.validator, "validator", "0.0.0.0/0", "P2P to sentries, SSM and updates through NAT");

        this.registerOutputs({
            loadBalancerSecurityGroupId: this.loadBalancer.id,
            restLoadBalancerSecurityGroupId: this.restLoadBalancer.id,
            fullNodeSecurityGroupId: this.fullNode.id,
            validatorSecurityGroupId: this.validator.id,
        });
    }
}
