/*
 * The public names of the network, from the domain. Pure, so the
 * certificate, the DNS records and the plan agree on them.
 */

/** The services the edge publishes, each under its own name. */
export const SERVICES = ["rpc", "api", "grpc"] as const;
export type Service = (typeof SERVICES)[number];

/** `rpc.<domain>`, the name clients use. */
export const serviceName = (service: Service, domain: string) => `${service}.${domain}`;

/** `<region>.<service>.<domain>`: one region's endpoint, also the full nodes' state-sync witnesses. */
export const regionalName = (region: string, service: Service, domain: string) => `${region}.${service}.${domain}`;

/**
 * Names on each region's certificate: every service and its wildcard (the
 * wildcard covers `<region>.<service>.<domain>`). The first is the
 * certificate's domain name, the rest its subject alternative names.
 */
export function certificateNames(domain: string): string[] {
    return SERVICES.flatMap((s) => [serviceName(s, domain), `*.${serviceName(s, domain)}`]);
}

/**
 * The distinct DNS validation records a set of certificate names needs. ACM
 * gives a wildcard and its base name the same record (and the same name the
 * same record in every region of an account), so one per base name.
 */
export function validationRecordNames(names: readonly string[]): string[] {
    return [...new Set(names.map((n) => n.replace(/^\*\./, "")))];
}

/** Host header values the ALB sends to api-gateway: `api.<domain>` and `<region>.api.<domain>`. */
export const apiHostPatterns = (domain: string) => [serviceName("api", domain), `*.${serviceName("api", domain)}`];
