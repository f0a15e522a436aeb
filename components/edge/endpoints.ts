import type * as pulumi from "@pulumi/pulumi";
import type { RegionConfig } from "../../config/schema";

/** A load balancer as global traffic reaches it. */
export interface LoadBalancerEndpoint {
    /** The load balancer's ARN: the Global Accelerator endpoint id. */
    arn: pulumi.Output<string>;
    /** Its public DNS name: the target of aliases, health checks and Cloudflare origins. */
    dnsName: pulumi.Output<string>;
    /** The canonical hosted zone of its DNS name, for alias records (a constant where known). */
    zoneId: pulumi.Input<string>;
}

/**
 * What a region publishes to global traffic: its load balancers, how their
 * health is judged, and its dial. The only thing global traffic learns of a
 * region, so a region never needs to build a global object.
 */
export interface RegionEndpoints {
    region: string;
    role: RegionConfig["role"];
    /** Percent of the traffic Global Accelerator sends this region's endpoint groups (0-100). */
    trafficDial: number;
    /** HTTPS 443: CometBFT RPC by default, api-gateway for `api.` names. */
    alb: LoadBalancerEndpoint;
    /** TLS 9090: gRPC. */
    nlb: LoadBalancerEndpoint;
    /** What external health checks request on the ALB (it answers with RPC's `/health`). */
    healthCheck: { protocol: "HTTPS"; port: number; path: string };
    /**
     * How the load balancers judge their targets: Global Accelerator fails a
     * region over on this (interval x unhealthy threshold).
     */
    targetHealth: { intervalSeconds: number; unhealthyThreshold: number };
}
