import type * as pulumi from "@pulumi/pulumi";
import { INVOKES, STATE, type InvokeTable, type StateTable } from "./mock-state";
import { inputRefusals } from "./mock-state/input-checks";

export { MOCK_AMI_ID } from "./mock-state";

/** The account id every mocked lookup and ARN answers with. */
export const MOCK_ACCOUNT_ID = "123456789012";

/** A lookup the mocks cannot answer: the run must fail, not see `undefined`. */
export class UnansweredInvokeError extends Error {
    constructor(public readonly token: string) {
        super(
            `the offline plan cannot answer the lookup ${token}: a real provider would answer it from a real ` +
                `account. Add an answer to tools/harness/mock-state/invokes.ts if AWS answers it the same ` +
                `for every account, or pass the value in as config.`,
        );
        this.name = "UnansweredInvokeError";
    }
}

export interface MockTables {
    state: StateTable;
    invokes: InvokeTable;
}

/**
 * Pulumi mocks that answer like AWS would for the resources and lookups this
 * program uses: in update mode plausible ids and ARNs and what providers
 * compute (tools/harness/mock-state), in preview mode only what a real
 * preview knows. A lookup with no answer throws.
 * Region-dependent answers come from `regionOf`, which maps a provider
 * reference to the region its provider was configured with.
 */
export function awsMocks(
    regionOf: (providerRef: string | undefined) => string | undefined,
    preview = false,
    tables: MockTables = { state: STATE, invokes: INVOKES },
): pulumi.runtime.Mocks {
    const regionFor = (provider: string | undefined, own: unknown) =>
        (typeof own === "string" && own) || regionOf(provider) || "us-east-1";
    return {
        newResource(args) {
            // What the provider or AWS would refuse fails the registration, in both modes.
            const refusals = inputRefusals({ type: args.type, name: args.name, inputs: args.inputs });
            if (refusals.length > 0) throw new Error(refusals.join("; "));
            // A preview knows a new resource's inputs and nothing else: an empty id
            // and no computed state make ids, ARNs and names unknown, as the engine
            // would, so nothing downstream can lean on values it will not have.
            if (preview) {
                return { id: args.id || "", state: args.inputs };
            }
            const region = regionFor(args.provider, args.inputs.region);
            const service = args.type.split(":")[1]?.split("/")[0] ?? "aws";
            const computed =
                tables.state[args.type]?.({
                    name: args.name,
                    inputs: args.inputs,
                    region,
                    accountId: MOCK_ACCOUNT_ID,
                }) ?? {};
            const { id: computedId, ...state } = computed;
            return {
                // New resources arrive with id "" (not undefined): `||`, not `??`.
                id: args.id || (typeof computedId === "string" ? computedId : `${args.name}-id`),
                state: {
                    ...args.inputs,
                    arn: `arn:aws:${service}:${region}:${MOCK_ACCOUNT_ID}:${args.name}`,
                    ...state,
                },
            };
        },
        call(args) {
            const answer = tables.invokes[args.token];
            if (!answer) throw new UnansweredInvokeError(args.token);
            return answer({
                args: args.inputs,
                region: regionFor(args.provider, args.inputs.region),
                accountId: MOCK_ACCOUNT_ID,
            });
        },
    };
}
