import { edge, edgeWith, named } from "./edge-fixtures";
import { resource } from "./fixtures";
import { messagesOf } from "./pack";

const POLICY = "dns-routing-consistent";
const messages = (rs = edge(), config?: unknown) => messagesOf(POLICY, rs, config);

describe("dns-routing-consistent", () => {
    it("accepts a simple record, a failover pair and a geolocation set with a default", async () => {
        expect(await messages()).toEqual([]);
    });

    it("refuses a geolocation set without a * default", async () => {
        const rs = edgeWith((r) => r.splice(r.indexOf(named(r, "api-default")), 1));
        expect(await messages(rs)).toEqual([
            expect.stringContaining("api.example.network A is routed by geolocation without a default record"),
        ]);
        expect(await messages(rs, { [POLICY]: { requireGeolocationDefault: false } })).toEqual([]);
    });

    it("refuses a name that mixes routing policies", async () => {
        const rs = edgeWith((r) => {
            const copy = structuredClone(named(r, "rpc"));
            copy.urn += "-geo";
            copy.name = "rpc-geo";
            copy.inputs.geolocationRoutingPolicies = [{ country: "*" }];
            copy.inputs.setIdentifier = "rpc-default";
            r.push(copy);
        });
        expect(await messages(rs)).toEqual([
            expect.stringContaining("rpc.example.network A mixes routing policies (geolocation, simple)"),
        ]);
    });

    it("refuses a failover set without exactly one primary and one secondary", async () => {
        const rs = edgeWith(
            (r) => (named(r, "east-rpc-secondary").inputs.failoverRoutingPolicies = [{ type: "PRIMARY" }]),
        );
        expect(await messages(rs)).toEqual([
            expect.stringContaining("us-east-1.rpc.example.network A is a failover set of PRIMARY, PRIMARY"),
        ]);
        const alone = edgeWith((r) => r.splice(r.indexOf(named(r, "east-rpc-secondary")), 1));
        expect(await messages(alone)).toHaveLength(1);
    });

    it("refuses a simple record defined twice, whatever the trailing dot", async () => {
        const rs = edgeWith((r) => {
            const copy = structuredClone(named(r, "rpc"));
            copy.urn += "-again";
            copy.name = "rpc-again";
            copy.inputs.name = "RPC.example.network.";
            r.push(copy);
        });
        expect(await messages(rs)).toEqual([expect.stringContaining("rpc.example.network A is defined 2 times")]);
    });

    it("keeps apart the same name in another zone or of another type", async () => {
        const rs = edgeWith((r) => {
            const zone = resource("aws:route53/zone:Zone", "other-zone", { name: "example.network" });
            r.push(zone);
            const copy = structuredClone(named(r, "rpc"));
            copy.urn += "-other";
            copy.name = "rpc-other";
            copy.propertyDependencies = { zoneId: [zone.urn] };
            copy.inputs.geolocationRoutingPolicies = [{ continent: "EU" }];
            r.push(copy);
            const aaaa = structuredClone(named(r, "rpc"));
            aaaa.urn += "-aaaa";
            aaaa.name = "rpc-aaaa";
            aaaa.inputs.type = "AAAA";
            aaaa.inputs.failoverRoutingPolicies = [{ type: "PRIMARY" }, { type: "SECONDARY" }];
            r.push(aaaa);
        });
        // The other zone's geolocation set lacks a default: that set alone is reported.
        expect(await messages(rs)).toEqual([expect.stringContaining("is routed by geolocation without a default")]);
    });
});
