import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { rawFromEngineConfig } from "../../config/engine-config";
import { configSchema, validateConfig } from "../../config/schema";
import { engineConfig, rawStackConfig, REPO_ROOT } from "../helpers/fixtures";

describe("rawFromEngineConfig", () => {
    it("round-trips a stack file through the engine's text form", () => {
        const raw = rawStackConfig("production");
        expect(rawFromEngineConfig(engineConfig(raw))).toEqual(raw);
    });

    it("keeps other namespaces out and text that is not JSON as text", () => {
        const raw = rawFromEngineConfig({
            "aws:region": "us-east-1",
            "virtengine:domain": "123",
            "virtengine:validatorVolumeGiB": "lots",
        });
        expect(raw).toEqual({ domain: "123", validatorVolumeGiB: "lots" });
        const result = validateConfig(raw);
        expect(result.ok).toBe(false);
    });
});

describe("Pulumi.yaml declarations", () => {
    const project = yaml.load(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8")) as {
        name: string;
        config: Record<string, { type: string; description: string; default?: unknown }>;
    };
    const declared = Object.keys(project.config).map((k) => k.replace(/^virtengine:/, ""));
    const structured = ["instanceTypes", "regions"]; // Pulumi cannot type maps (documented in Pulumi.yaml)

    it("is the virtengine project, so config keys are virtengine:*", () => {
        expect(project.name).toBe("virtengine");
    });

    it("declares every scalar key the program reads, with a description", () => {
        const keys = Object.keys(configSchema.shape).filter((k) => !structured.includes(k));
        expect(declared.sort()).toEqual(keys.sort());
        for (const entry of Object.values(project.config)) expect(entry.description.length).toBeGreaterThan(10);
    });

    it("declares the same defaults the program applies", () => {
        const result = validateConfig(rawStackConfig("production"));
        if (!result.ok) throw new Error("production config invalid");
        for (const [key, entry] of Object.entries(project.config)) {
            if (entry.default === undefined) continue;
            const short = key.replace(/^virtengine:/, "") as keyof typeof result.config;
            const applied = validateConfig({ ...rawStackConfig("staging"), [short]: undefined });
            if (!applied.ok) throw new Error(`${key}: ${JSON.stringify(applied.problems)}`);
            expect(applied.config[short]).toEqual(entry.default);
        }
    });
});
