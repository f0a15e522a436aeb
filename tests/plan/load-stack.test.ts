import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildEngineConfig, listStacks, loadStack, type LoadStackResult } from "../../tools/plan/load-stack";

const REPO = path.resolve(__dirname, "../..");

const PROJECT = `name: virtengine
runtime: nodejs
config:
  virtengine:chainId:
    type: string
    default: virtengine-1
  virtengine:flowLogRetentionDays:
    type: integer
    default: 30
  virtengine:natGateways:
    type: string
    description: no default, so nothing is set
`;

const STACK = `config:
  virtengine:environment: staging
  virtengine:domain: staging.virtengine.network
  virtengine:instanceTypes:
    validator: r6i.large
    fullNode: r6i.large
    providerDaemon: m6i.large
  virtengine:regions:
    - name: us-east-1
      role: primary
      cidr: 10.100.0.0/16
      zones: [us-east-1a, us-east-1b]
      validators: 1
      fullNodes: 2
      providerDaemons: 1
      trafficDial: 100
`;

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-load-stack-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), PROJECT);
    fs.writeFileSync(path.join(dir, "Pulumi.staging.yaml"), STACK);
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), STACK.replace("staging.virtengine", "dev.virtengine"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
};
const problems = (result: LoadStackResult) => (result.ok ? [] : result.problems);

describe("loadStack", () => {
    it("builds the engine config the CLI would pass: JSON text for structure, strings as-is", () => {
        const result = loadStack({ projectDir: dir, stack: "staging" });
        if (!result.ok) throw new Error(result.problems.join("\n"));
        expect(result.project).toBe("virtengine");
        expect(result.source).toBe("Pulumi.staging.yaml");
        expect(result.engineConfig["virtengine:environment"]).toBe("staging");
        expect(JSON.parse(result.engineConfig["virtengine:regions"])[0].zones).toEqual(["us-east-1a", "us-east-1b"]);
        expect(result.config.regions[0].validators).toBe(1);
    });

    it("applies Pulumi.yaml defaults for keys the stack lacks, and only those", () => {
        write("Pulumi.staging.yaml", `${STACK}  virtengine:chainId: virtengine-staging-1\n`);
        const result = loadStack({ projectDir: dir, stack: "staging" });
        if (!result.ok) throw new Error(result.problems.join("\n"));
        expect(result.engineConfig["virtengine:chainId"]).toBe("virtengine-staging-1");
        expect(result.engineConfig["virtengine:flowLogRetentionDays"]).toBe("30");
        expect(result.config.flowLogRetentionDays).toBe(30);
        expect("virtengine:natGateways" in result.engineConfig).toBe(false);
    });

    it("plans another file with --config, relative to cwd, under the given stack name", () => {
        const file = write("candidate.yaml", STACK.replace("cidr: 10.100.0.0/16", "cidr: 10.200.0.0/16"));
        const result = loadStack({ projectDir: dir, stack: "production", configFile: file, cwd: dir });
        if (!result.ok) throw new Error(result.problems.join("\n"));
        expect(result.stack).toBe("production");
        expect(result.source).toBe("candidate.yaml");
        expect(result.config.regions[0].cidr).toBe("10.200.0.0/16");
    });

    it("names the stacks that exist when the stack is unknown", () => {
        expect(problems(loadStack({ projectDir: dir, stack: "prod" }))).toEqual([
            'unknown stack "prod": there is no Pulumi.prod.yaml; stacks in this project: dev, staging',
        ]);
    });

    it("reports a missing --config file", () => {
        expect(problems(loadStack({ projectDir: dir, stack: "staging", configFile: "nope.yaml", cwd: dir }))).toEqual([
            "nope.yaml: cannot read it: no such file",
        ]);
    });

    it("reports a file that is not YAML with its line and column", () => {
        const file = write("broken.yaml", "config:\n  virtengine:regions: [unclosed\n  x: 1\n");
        const [line, ...rest] = problems(loadStack({ projectDir: dir, stack: "staging", configFile: file, cwd: dir }));
        expect(line).toMatch(/^broken\.yaml: not valid YAML: .+ \(line \d+, column \d+\)$/);
        expect(rest).toEqual([]);
    });

    it.each([
        ["an empty file", ""],
        ["a file of comments", "# production, one day\n\n"],
        ["an empty config:", "config:\n"],
    ])("takes %s as Pulumi does, as a stack with no config: validation names the required keys", (_, text) => {
        const result = loadStack({ projectDir: dir, stack: "staging", configFile: write("e.yaml", text), cwd: dir });
        expect(problems(result)).toEqual([
            "e.yaml: invalid stack configuration (4 problems):",
            "virtengine:environment: is required: it must be production or staging",
            "virtengine:domain: is required: it must be a DNS domain such as virtengine.network",
            "virtengine:instanceTypes: is required: it must be a map with validator, fullNode and providerDaemon instance types",
            "virtengine:regions: is required: it must be a list of regions (name, role, cidr, zones, counts)",
        ]);
    });

    it.each([
        ["scalar.yaml", "just some text\n"],
        ["list.yaml", "- config\n"],
    ])("rejects %s, which is not a YAML map", (name, text) => {
        const result = loadStack({ projectDir: dir, stack: "staging", configFile: write(name, text), cwd: dir });
        expect(problems(result)).toHaveLength(1);
        expect(problems(result)[0]).toMatch(new RegExp(`^${name.replace(".", "\\.")}: not`));
    });

    it("rejects a file without a config: map", () => {
        for (const text of ["other: 1\n", "config: [a, b]\n"]) {
            const result = loadStack({
                projectDir: dir,
                stack: "staging",
                configFile: write("c.yaml", text),
                cwd: dir,
            });
            expect(problems(result)).toEqual([expect.stringMatching(/^c\.yaml: has no config: map/)]);
        }
    });

    it("rejects config keys without a namespace, naming each", () => {
        const file = write("bare.yaml", "config:\n  domain: x.network\n  regions: []\n");
        expect(problems(loadStack({ projectDir: dir, stack: "staging", configFile: file, cwd: dir }))).toEqual([
            'bare.yaml: config key "domain" has no namespace; write it as virtengine:domain',
            'bare.yaml: config key "regions" has no namespace; write it as virtengine:regions',
        ]);
    });

    it("reports every invalid value as `key: message`, one per line, after a header", () => {
        const file = write(
            "bad.yaml",
            STACK.replace("10.100.0.0/16", "10.100.0.0/33").replace("validators: 1", "validators: -1"),
        );
        const lines = problems(loadStack({ projectDir: dir, stack: "staging", configFile: file, cwd: dir }));
        expect(lines[0]).toBe("bad.yaml: invalid stack configuration (2 problems):");
        expect(lines.slice(1).sort()).toEqual([
            expect.stringMatching(/^virtengine:regions\[0\]\.cidr: "10\.100\.0\.0\/33" is not/),
            expect.stringMatching(/^virtengine:regions\[0\]\.validators: /),
        ]);
    });

    it("says so when the project file is given where a stack file belongs", () => {
        expect(problems(loadStack({ projectDir: dir, stack: "staging", configFile: "Pulumi.yaml", cwd: dir }))).toEqual(
            [
                "Pulumi.yaml: is a Pulumi project file (it has runtime:), not a stack file; give a stack file such as Pulumi.production.yaml",
            ],
        );
        expect(
            problems(loadStack({ projectDir: REPO, stack: "production", configFile: "Pulumi.yaml", cwd: REPO })),
        ).toEqual([expect.stringMatching(/^Pulumi\.yaml: is a Pulumi project file/)]);
    });

    it("reads merge keys as Pulumi does: a region written as `<<: *base` plans like one written out", () => {
        const merged = STACK.replace(
            "  virtengine:regions:\n    - name: us-east-1\n      role: primary\n",
            "  virtengine:regions:\n    - <<: &base\n        role: primary\n      name: us-east-1\n",
        );
        expect(merged).not.toBe(STACK);
        const plain = loadStack({ projectDir: dir, stack: "staging" });
        const result = loadStack({
            projectDir: dir,
            stack: "staging",
            configFile: write("merged.yaml", merged),
            cwd: dir,
        });
        if (!result.ok || !plain.ok) throw new Error(problems(result).join("\n"));
        expect(result.config).toEqual(plain.config);
        expect(JSON.parse(result.engineConfig["virtengine:regions"])).toEqual(
            JSON.parse(plain.engineConfig["virtengine:regions"]),
        );
    });

    it("passes a top-level scalar as the text written, as the Pulumi CLI does", () => {
        const file = write(
            "texts.yaml",
            `${STACK}  virtengine:nodeAmiOwner: 012345678901\n  virtengine:chainId: 0x1f\n  virtengine:snapshotInterval: 1e3\n`,
        );
        const result = loadStack({ projectDir: dir, stack: "staging", configFile: file, cwd: dir });
        if (!result.ok) throw new Error(result.problems.join("\n"));
        // As numbers these would be 12345678901 (not an account id) and 31.
        expect(result.engineConfig["virtengine:nodeAmiOwner"]).toBe("012345678901");
        expect(result.config.nodeAmiOwner).toBe("012345678901");
        expect(result.config.chainId).toBe("0x1f");
        expect(result.engineConfig["virtengine:snapshotInterval"]).toBe("1e3");
        expect(result.config.snapshotInterval).toBe(1000);
        // Structured values keep YAML's types: the program reads them as JSON.
        expect(JSON.parse(result.engineConfig["virtengine:regions"])[0].validators).toBe(1);
    });

    it("names the file for every unreadable input, one line each", () => {
        for (const [configFile, message] of [
            ["/dev/zero", "/dev/zero: cannot read it: not a regular file (a device, pipe or socket)"],
            [".", ".: cannot read it: is a directory"],
        ]) {
            expect(problems(loadStack({ projectDir: dir, stack: "staging", configFile, cwd: dir }))).toEqual([message]);
        }
    });

    it("shows .inf and .nan as written, not as the null JSON would make them", () => {
        const file = write(
            "inf.yaml",
            `${STACK.replace("trafficDial: 100", "trafficDial: .inf")}  virtengine:snapshotInterval: -.inf\n  virtengine:validatorVolumeGiB: .nan\n`,
        );
        const lines = problems(loadStack({ projectDir: dir, stack: "staging", configFile: file, cwd: dir }));
        expect(lines.slice(1).sort()).toEqual([
            "virtengine:regions[0].trafficDial: must be a whole percentage from 0 to 100 (got .inf)",
            "virtengine:snapshotInterval: must be a whole number of blocks from 100 to 100000 (got -.inf)",
            "virtengine:validatorVolumeGiB: must be a size in GiB from 100 to 16384 (got .nan)",
        ]);
    });

    it("reports a missing or nameless Pulumi.yaml", () => {
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "runtime: nodejs\n");
        expect(problems(loadStack({ projectDir: dir, stack: "staging" }))).toEqual([
            "Pulumi.yaml: has no project name (name:)",
        ]);
        fs.rmSync(path.join(dir, "Pulumi.yaml"));
        expect(problems(loadStack({ projectDir: dir, stack: "staging" }))).toEqual([
            "Pulumi.yaml: cannot read it: no such file",
        ]);
    });

    it("loads the repository's own stacks", () => {
        expect(listStacks(REPO)).toEqual(expect.arrayContaining(["production", "staging"]));
        for (const stack of ["production", "staging"]) {
            expect(problems(loadStack({ projectDir: REPO, stack }))).toEqual([]);
        }
    });
});

describe("buildEngineConfig", () => {
    it("serialises values as the CLI does and namespaces bare project keys", () => {
        const engine = buildEngineConfig(
            "virtengine",
            {
                "virtengine:chainId": { type: "string", default: "x" },
                snapshotInterval: 500,
                "aws:region": { value: "us-east-1" },
            },
            { "virtengine:validatorVolumeGiB": 2000, "virtengine:tags": { a: true }, "virtengine:list": [1, "b"] },
        );
        expect(engine).toEqual({
            "virtengine:validatorVolumeGiB": "2000",
            "virtengine:tags": '{"a":true}',
            "virtengine:list": '[1,"b"]',
            "virtengine:chainId": "x",
            "virtengine:snapshotInterval": "500",
            "aws:region": "us-east-1",
        });
    });
});
