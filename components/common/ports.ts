/**
 * CometBFT and Cosmos SDK ports. They appear in security groups, user data
 * and (later) load balancer target groups, so they are defined once.
 */
export const PORTS = {
    /** CometBFT peer-to-peer gossip. */
    p2p: 26656,
    /** CometBFT RPC (JSON-RPC and websocket). */
    rpc: 26657,
    /** Cosmos SDK gRPC. */
    grpc: 9090,
    /** Cosmos SDK REST (gRPC gateway). */
    rest: 1317,
    /** CometBFT Prometheus metrics. */
    metrics: 26660,
    /** HTTPS on the load balancers. */
    https: 443,
    /** Plain HTTP on the load balancers, which only redirects to HTTPS. */
    http: 80,
    /**
     * api-gateway's NodePort on every EKS node: the ALB's api-gateway target
     * group sends `api.` requests there (in Kubernetes' default 30000-32767 range).
     */
    apiGatewayNodePort: 30080,
} as const;
