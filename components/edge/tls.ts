/**
 * The listener policy every HTTPS and TLS listener names. TLS 1.3 and 1.2
 * with post-quantum hybrid key exchange, AWS's current recommendation. Not a
 * TLS-1.3-only policy: Route53 HTTPS health checks speak TLS 1.2 at most.
 * The API's default when none is named is ELBSecurityPolicy-2016-08.
 */
export const EDGE_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09";

/** ALPN for gRPC on the NLB's TLS listener: grpc-go 1.67+ refuses TLS without ALPN. */
export const GRPC_ALPN_POLICY = "HTTP2Preferred";
