import { UNKNOWN } from "../../tools/harness/recorded";
import { defaultProviderUrn, previewSteps, redactSecrets } from "../../tools/plan/steps";
import { SECRET_PLACEHOLDER } from "../../tools/plan/load-stack";
import { runIsolated, testProgram } from "../harness/run-isolated";
import { resource } from "./fixtures";

const secret = (value: unknown) => ({
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    value,
});

describe("previewSteps", () => {
    const provider = resource("pulumi:providers:aws", "us-east-1", { inputs: { region: "us-east-1" } });
    const component = resource("virtengine:region:Region", "us-east-1");
    const subnet = {
        ...resource("aws:ec2/subnet:Subnet", "a", {
            region: "us-east-1",
            parent: component.urn,
            inputs: { vpcId: UNKNOWN, cidrBlock: "10.0.0.0/24" },
        }),
        protect: true,
        propertyDependencies: { vpcId: ["urn:vpc"], cidrBlock: [] },
    };

    it("gives one create step per resource, providers and components included, in order", () => {
        const steps = previewSteps([provider, component, subnet]);
        expect(steps.map((s) => [s.op, s.urn])).toEqual([
            ["create", provider.urn],
            ["create", component.urn],
            ["create", subnet.urn],
        ]);
        expect(steps[0].newState.inputs).toEqual({ region: "us-east-1" });
    });

    it("gives resources with no provider their package's default provider, created once before its first user", () => {
        const password = (name: string) => ({
            ...resource("random:index/randomPassword:RandomPassword", name, { parent: component.urn }),
            version: "4.19.2",
        });
        const steps = previewSteps([provider, component, password("a"), subnet, password("b")]);
        const defaultUrn = "urn:pulumi:test::virtengine::pulumi:providers:random::default_4_19_2";
        expect(steps.map((s) => s.urn)).toEqual([
            provider.urn,
            component.urn,
            defaultUrn,
            password("a").urn,
            subnet.urn,
            password("b").urn,
        ]);
        expect(steps[2]).toEqual({
            op: "create",
            urn: defaultUrn,
            newState: { urn: defaultUrn, type: "pulumi:providers:random", custom: true, inputs: { version: "4.19.2" } },
        });
        expect([steps[3].provider, steps[5].provider]).toEqual([
            `${defaultUrn}::${UNKNOWN}`,
            `${defaultUrn}::${UNKNOWN}`,
        ]);
        // Explicit providers, providers themselves and components are left as they are.
        expect([steps[0].provider, steps[1].provider, steps[4].provider]).toEqual([
            undefined,
            undefined,
            subnet.provider,
        ]);
    });

    it("names a default provider without a version plain `default`", () => {
        expect(defaultProviderUrn("urn:pulumi:s::p::random:index/randomId:RandomId::x", "random", undefined)).toBe(
            "urn:pulumi:s::p::pulumi:providers:random::default",
        );
        expect(defaultProviderUrn("urn:pulumi:s::p::t::x", "tls", "5.0.0-alpha.1+dev")).toBe(
            "urn:pulumi:s::p::pulumi:providers:tls::default_5_0_0_alpha_1_dev",
        );
    });

    it("fills newState as pulumi preview --json does, leaving out what Go's omitempty leaves out", () => {
        const [providerStep, componentStep, subnetStep] = previewSteps([provider, component, subnet]);
        expect(providerStep).toEqual({
            op: "create",
            urn: provider.urn,
            newState: {
                urn: provider.urn,
                type: "pulumi:providers:aws",
                custom: true,
                inputs: { region: "us-east-1" },
            },
        });
        expect(componentStep.provider).toBeUndefined();
        expect(subnetStep).toEqual({
            op: "create",
            urn: subnet.urn,
            provider: subnet.provider,
            newState: {
                urn: subnet.urn,
                type: "aws:ec2/subnet:Subnet",
                custom: true,
                parent: component.urn,
                protect: true,
                inputs: { vpcId: UNKNOWN, cidrBlock: "10.0.0.0/24" },
                propertyDependencies: { vpcId: ["urn:vpc"] },
            },
        });
    });

    it("prints secrets as [secret] at any depth", () => {
        expect(redactSecrets({ a: secret("s1"), b: [{ c: secret({ d: "s2" }) }], e: "plain" })).toEqual({
            a: "[secret]",
            b: [{ c: "[secret]" }],
            e: "plain",
        });
    });
});

describe("a secure: config value", () => {
    it("reaches the program as a secret and prints as [secret] in the steps", async () => {
        const run = await runIsolated({
            project: "harness",
            stack: "test",
            config: { "harness:apiToken": SECRET_PLACEHOLDER },
            secretKeys: ["harness:apiToken"],
            program: testProgram("secret-input.ts"),
        });
        const steps = previewSteps(run.resources);
        const parameter = steps.find((s) => s.newState.type === "aws:ssm/parameter:Parameter");
        expect(parameter?.newState.inputs).toMatchObject({ value: "[secret]", tags: { plain: "visible" } });
        expect(JSON.stringify(steps)).not.toContain(SECRET_PLACEHOLDER);
    });
});
