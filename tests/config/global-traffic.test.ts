import { validateConfig } from "../../config/schema";
import { productionWith } from "../helpers/fixtures";

const ID = "0123456789abcdef0123456789abcdef";
const problems = (change: (c: Record<string, unknown>) => void) => {
    const result = validateConfig(productionWith(change));
    return result.ok ? [] : result.problems.map((p) => `${p.key}: ${p.message}`);
};

describe("virtengine:globalTraffic", () => {
    it("defaults to aws", () => {
        const result = validateConfig(productionWith(() => undefined));
        expect(result.ok && result.config.globalTraffic).toBe("aws");
    });

    it("accepts cloudflare with both ids", () => {
        expect(
            problems((c) =>
                Object.assign(c, { globalTraffic: "cloudflare", cloudflareAccountId: ID, cloudflareZoneId: ID }),
            ),
        ).toEqual([]);
    });

    it("requires the account and zone ids when cloudflare is chosen, naming each key", () => {
        expect(problems((c) => (c.globalTraffic = "cloudflare"))).toEqual([
            "virtengine:cloudflareAccountId: is required when globalTraffic is cloudflare",
            "virtengine:cloudflareZoneId: is required when globalTraffic is cloudflare",
        ]);
    });

    it("rejects an unknown provider and malformed ids, showing what is allowed", () => {
        expect(problems((c) => (c.globalTraffic = "akamai"))).toEqual([
            'virtengine:globalTraffic: must be aws (Global Accelerator and Route53) or cloudflare (got "akamai")',
        ]);
        expect(
            problems((c) =>
                Object.assign(c, { globalTraffic: "cloudflare", cloudflareAccountId: "acme", cloudflareZoneId: ID }),
            ),
        ).toEqual([
            'virtengine:cloudflareAccountId: must be a Cloudflare account id (32 hexadecimal characters) (got "acme")',
        ]);
    });
});
