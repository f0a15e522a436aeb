import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadStack, SECRET_PLACEHOLDER } from "../../tools/plan/load-stack";

// `secure:` values need the stack's secrets provider to decrypt; the offline
// plan has none. It must accept them as secrets and never print them.
const REPO = path.resolve(__dirname, "../..");
const CIPHERTEXT = "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";

let dir: string;
let file: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-secure-"));
    file = path.join(dir, "Pulumi.staging.yaml");
    const staging = fs.readFileSync(path.join(REPO, "Pulumi.staging.yaml"), "utf8");
    fs.writeFileSync(file, `${staging.trimEnd()}\n  aws:secretKey:\n    secure: ${CIPHERTEXT}\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a secure: value in a stack file", () => {
    it("is passed to the program as a secret placeholder, never as its ciphertext", () => {
        const loaded = loadStack({ projectDir: REPO, stack: "staging", configFile: file });
        if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
        expect(loaded.secretKeys).toEqual(["aws:secretKey"]);
        expect(loaded.engineConfig["aws:secretKey"]).toBe(SECRET_PLACEHOLDER);
        expect(JSON.stringify(loaded)).not.toContain(CIPHERTEXT);
    });

    it("plans, with steps for every resource, and the JSON never shows it", async () => {
        const env = { ...process.env };
        delete env.npm_lifecycle_event;
        const args = [path.join(REPO, "node_modules/.bin/tsx"), "tools/plan/cli.ts", "--stack", "staging"];
        const child = spawn(process.execPath, [...args, "--config", file, "--format", "json"], { cwd: REPO, env });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (c) => (stdout += c));
        child.stderr.on("data", (c) => (stderr += c));
        const code = await new Promise((resolve) => child.on("close", resolve));
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
    });
});
