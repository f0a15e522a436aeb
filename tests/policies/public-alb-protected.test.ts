import { edge, edgeWith, named, RATE_RULE, REGION } from "./edge-fixtures";
import { resource } from "./fixtures";
import { messagesOf } from "./pack";

const POLICY = "public-alb-protected";
const messages = (rs = edge(), config?: unknown) => messagesOf(POLICY, rs, config);

describe("public-alb-protected", () => {
    it("accepts an internet-facing ALB with access logs and a WAF with a blocking rate rule", async () => {
        expect(await messages()).toEqual([]);
    });

    it("refuses an ALB without a web ACL", async () => {
        const rs = edgeWith((r) => r.splice(r.indexOf(named(r, "association")), 1));
        expect(await messages(rs)).toEqual([
            expect.stringContaining("us-east-1: internet-facing ALB alb has no WAF web ACL"),
        ]);
    });

    it("refuses an ALB whose ACL is associated with another load balancer", async () => {
        const rs = edgeWith((r) => {
            const other = resource("aws:lb/loadBalancer:LoadBalancer", "other", { internal: true }, REGION);
            r.push(other);
            named(r, "association").propertyDependencies.resourceArn = [other.urn];
        });
        expect(await messages(rs)).toEqual([expect.stringContaining("ALB alb has no WAF web ACL")]);
    });

    it("refuses a web ACL whose rate rule only counts, or that has none", async () => {
        const counting = edgeWith((r) => (named(r, "acl").inputs.rules = [{ ...RATE_RULE, action: { count: {} } }]));
        expect(await messages(counting)).toEqual([
            expect.stringContaining("its web ACL acl has no rate-based rule with action block"),
        ]);
        const none = edgeWith((r) => (named(r, "acl").inputs.rules = []));
        expect(await messages(none)).toHaveLength(1);
    });

    it("refuses an ALB without access logs, or with logging not enabled", async () => {
        const off = edgeWith((r) => ((named(r, "alb").inputs.accessLogs as Record<string, unknown>).enabled = false));
        expect(await messages(off)).toEqual([expect.stringContaining("internet-facing ALB alb writes no access logs")]);
        const missing = edgeWith((r) => delete named(r, "alb").inputs.accessLogs);
        expect(await messages(missing)).toHaveLength(1);
        expect(await messages(missing, { [POLICY]: { requireAccessLogs: false } })).toEqual([]);
    });

    it("leaves internal ALBs and network load balancers alone", async () => {
        const internal = edgeWith((r) => {
            named(r, "alb").inputs.internal = true;
            r.splice(r.indexOf(named(r, "association")), 1);
        });
        expect(await messages(internal)).toEqual([]);
        const network = edgeWith((r) => {
            named(r, "alb").inputs.loadBalancerType = "network";
            r.splice(r.indexOf(named(r, "association")), 1);
        });
        expect(await messages(network)).toEqual([]);
    });
});
