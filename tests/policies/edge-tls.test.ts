import { UNKNOWN } from "../../tools/harness/run-program";
import { edge, edgeWith, named } from "./edge-fixtures";
import { messagesOf } from "./pack";

const POLICY = "edge-tls";
const messages = (rs = edge(), config?: unknown) => messagesOf(POLICY, rs, config);

describe("edge-tls", () => {
    it("accepts HTTPS and TLS listeners on an allowed TLS 1.3 policy and an HTTP listener that redirects", async () => {
        expect(await messages()).toEqual([]);
    });

    it("refuses an HTTPS listener with no policy (the API would apply ELBSecurityPolicy-2016-08)", async () => {
        const rs = edgeWith((r) => delete named(r, "https").inputs.sslPolicy);
        expect(await messages(rs)).toEqual([
            expect.stringContaining(
                "listener https (HTTPS 443) names no sslPolicy, so AWS applies ELBSecurityPolicy-2016-08",
            ),
        ]);
    });

    it.each([
        ["ELBSecurityPolicy-2016-08", 1],
        // TLS 1.3 only: Route53 HTTPS health checks (TLS 1.2 at most) would fail.
        ["ELBSecurityPolicy-TLS13-1-3-2021-06", 1],
        ["ELBSecurityPolicy-TLS13-1-2-2021-06", 0],
        ["ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", 0],
    ])("judges the TLS listener's policy %s (%i findings)", async (policy, count) => {
        const rs = edgeWith((r) => (named(r, "grpc").inputs.sslPolicy = policy));
        const found = await messages(rs);
        expect(found).toHaveLength(count as number);
        if (count) expect(found[0]).toContain(`listener grpc (TLS 9090) uses sslPolicy ${policy}`);
    });

    it("takes the allowed list from config", async () => {
        const config = { [POLICY]: { allowedPolicies: ["ELBSecurityPolicy-TLS13-1-2-2021-06"] } };
        expect(await messages(edge(), config)).toHaveLength(2);
    });

    it("reports a policy name unknown until deployment", async () => {
        const rs = edgeWith((r) => (named(r, "https").inputs.sslPolicy = UNKNOWN));
        expect(await messages(rs)).toEqual([expect.stringContaining("its sslPolicy is not known until deployment")]);
    });

    it("refuses an HTTP listener that forwards, and one that redirects to plain HTTP", async () => {
        const forwards = edgeWith(
            (r) => (named(r, "http").inputs.defaultActions = [{ type: "forward", targetGroupArn: UNKNOWN }]),
        );
        expect(await messages(forwards)).toEqual([
            expect.stringContaining("listener http (HTTP 80) serves plain HTTP (default actions: forward)"),
        ]);
        const toHttp = edgeWith(
            (r) =>
                (named(r, "http").inputs.defaultActions = [
                    { type: "redirect", redirect: { protocol: "HTTP", port: "8080" } },
                ]),
        );
        expect(await messages(toHttp)).toHaveLength(1);
    });

    it("refuses plain TCP on an internet-facing load balancer, and allows it on an internal one", async () => {
        const rs = edgeWith((r) => {
            named(r, "grpc").inputs.protocol = "TCP";
            delete named(r, "grpc").inputs.sslPolicy;
        });
        expect(await messages(rs)).toEqual([
            "listener grpc (TCP 9090) on internet-facing load balancer nlb carries plain TCP; " +
                "use a TLS listener with an allowed sslPolicy, or make the load balancer internal",
        ]);
        // The healthy fixture's internal NLB has a TCP listener (rest) and passes.
        const exposed = edgeWith((r) => (named(r, "internal-nlb").inputs.internal = false));
        expect(await messages(exposed)).toEqual([
            expect.stringContaining("listener rest (TCP 1317) on internet-facing"),
        ]);
    });

    it("reports a plain TCP listener whose load balancer it cannot see, rather than passing it", async () => {
        const rs = edgeWith((r) => (named(r, "rest").propertyDependencies = {}));
        expect(await messages(rs)).toEqual([
            expect.stringContaining("listener rest (TCP 1317): its load balancer is not known in this preview"),
        ]);
    });

    it("refuses a rule on the HTTP listener that forwards, and allows the same rule on HTTPS", async () => {
        const rs = edgeWith(
            (r) => (named(r, "api-redirect").inputs.actions = [{ type: "forward", targetGroupArn: UNKNOWN }]),
        );
        expect(await messages(rs)).toEqual([
            expect.stringContaining(
                "rule api-redirect on listener http (HTTP 80) serves plain HTTP (actions: forward)",
            ),
        ]);
    });
});
