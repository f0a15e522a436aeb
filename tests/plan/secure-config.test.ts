import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { engineConfigFromRaw, rawFromEngineConfig } from "../../config/engine-config";
import { configSchema, validateConfig } from "../../config/schema";
import { loadStack, SECRET_PLACEHOLDER } from "../../tools/plan/load-stack";
import { secureStandIn } from "../../tools/plan/secure-stand-ins";
import { PLAN_COMMAND } from "../../tools/bench/measure";
import { collect } from "../helpers/spawn";

// `secure:` values need the stack's secrets provider to decrypt; the offline
// plan has none. It must accept them as secrets and never print them.
const REPO = path.resolve(__dirname, "../..");
const CIPHERTEXT = "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";

/** Keys a stack may keep secret: one without a default (domain, clusterAdminRoleArn), one with (redisNodeType). */
const SECURE_VIRTENGINE_KEYS = ["virtengine:domain", "virtengine:clusterAdminRoleArn", "virtengine:redisNodeType"];

let dir: string;
let file: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-secure-"));
    file = path.join(dir, "Pulumi.staging.yaml");
    const staging = fs.readFileSync(path.join(REPO, "Pulumi.staging.yaml"), "utf8");
    const secure = ["aws:secretKey", ...SECURE_VIRTENGINE_KEYS].map((key) => `  ${key}:\n    secure: ${CIPHERTEXT}\n`);
    // The stack file's own plain domain goes: a key appears once.
    const plain = staging.replace(/^ {2}virtengine:domain:.*\n/m, "");
    fs.writeFileSync(file, `${plain.trimEnd()}\n${secure.join("")}`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a secure: value in a stack file", () => {
    it("is passed to the program as a secret placeholder, never as its ciphertext", () => {
        const loaded = loadStack({ projectDir: REPO, stack: "staging", configFile: file });
        if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
        expect(loaded.secretKeys).toEqual(["aws:secretKey", ...SECURE_VIRTENGINE_KEYS]);
        expect(loaded.engineConfig["aws:secretKey"]).toBe(SECRET_PLACEHOLDER);
        expect(JSON.stringify(loaded)).not.toContain(CIPHERTEXT);
    });

    it("on a virtengine:* key, is accepted: the program gets a stand-in its schema accepts, and a warning says it was not checked", () => {
        const loaded = loadStack({ projectDir: REPO, stack: "staging", configFile: file });
        if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
        expect(loaded.engineConfig["virtengine:domain"]).toBe("not-decrypted.invalid");
        expect(loaded.engineConfig["virtengine:clusterAdminRoleArn"]).toBe(
            "arn:aws:iam::000000000000:role/not-decrypted",
        );
        expect(loaded.engineConfig["virtengine:redisNodeType"]).toBe("cache.m7g.large"); // the key's default
        expect(loaded.config.domain).toBe("not-decrypted.invalid");
        expect(loaded.warnings).toEqual([
            "virtengine:domain is a secure: value the offline plan cannot decrypt: it was not checked, and the plan used the stand-in not-decrypted.invalid in its place",
            "virtengine:clusterAdminRoleArn is a secure: value the offline plan cannot decrypt: it was not checked, and the plan used the stand-in arn:aws:iam::000000000000:role/not-decrypted in its place",
            "virtengine:redisNodeType is a secure: value the offline plan cannot decrypt: it was not checked, and the plan used the stand-in cache.m7g.large in its place",
        ]);
    });

    it("on a key the stack cannot be built without (regions), is an input error naming the key", () => {
        const regionsSecure = path.join(dir, "Pulumi.regions-secure.yaml");
        const text = fs.readFileSync(path.join(REPO, "Pulumi.staging.yaml"), "utf8");
        fs.writeFileSync(
            regionsSecure,
            text.replace(
                /^ {2}virtengine:regions:\n( {4}.*\n)+/m,
                `  virtengine:regions:\n    secure: ${CIPHERTEXT}\n`,
            ),
        );
        const loaded = loadStack({ projectDir: REPO, stack: "staging", configFile: regionsSecure });
        expect(loaded).toEqual({
            ok: false,
            problems: [
                `${regionsSecure}: virtengine:regions: is a secure: value, which the offline plan cannot decrypt, and the plan cannot build the stack without it; set it in plain text to plan`,
            ],
        });
    });

    it.each(Object.keys(configSchema.shape))(
        "%s: a stand-in, where there is one, passes the key's own validation",
        (key) => {
            const standIn = secureStandIn(key);
            if (standIn === undefined || !standIn.ok) return;
            const staging = loadStack({ projectDir: REPO, stack: "staging" });
            if (!staging.ok) throw new Error(staging.problems.join("\n"));
            const engine = {
                ...engineConfigFromRaw(staging.config),
                [`virtengine:${key}`]: standIn.engineText,
            };
            expect(validateConfig(rawFromEngineConfig(engine))).toMatchObject({ ok: true });
        },
    );

    it("plans, with steps for every resource, and the JSON never shows it", async () => {
        const env = { ...process.env };
        delete env.npm_lifecycle_event;
        const args = [...PLAN_COMMAND, "--stack", "staging", "--config", file, "--format", "json"];
        const { code, stdout, stderr } = await collect(process.execPath, args, env, REPO);
        expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
        expect(stdout).not.toContain(CIPHERTEXT);
        expect(stdout).not.toContain(SECRET_PLACEHOLDER);
        const report = JSON.parse(stdout);
        // Every resource, and the default provider of the random package (its passwords name none).
        expect(report.steps).toHaveLength(report.resourceCount + 1);
        const providers = report.steps.filter(
            (s: { newState: { type: string } }) => s.newState.type === "pulumi:providers:aws",
        );
        expect(providers.map((p: { newState: { inputs: { region: string } } }) => p.newState.inputs.region)).toEqual(
            expect.arrayContaining(["us-east-1", "eu-west-1", "ap-south-1"]),
        );
        for (const step of report.steps) expect(step.op).toBe("create");
        expect(report.warnings).toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^virtengine:clusterAdminRoleArn is a secure: value .* not checked/),
            ]),
        );
    });
});
