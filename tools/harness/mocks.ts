import type * as pulumi from "@pulumi/pulumi";
import { edgeMockState } from "./mock-state/edge";

/** The account id every mocked lookup answers with. */
export const MOCK_ACCOUNT_ID = "123456789012";
/** The image id the mocked AMI lookup answers with. */
export const MOCK_AMI_ID = "ami-0123456789abcdef0";

/**
 * Pulumi mocks that answer like AWS would for the resources and lookups this
 * program uses: in update mode plausible ids and ARNs, in preview mode only
 * what a real preview knows.
 * Region-dependent answers come from `regionOf`, which maps a provider
 * reference to the region its provider was configured with.
 */
export function awsMocks(
    regionOf: (providerRef: string | undefined) => string | undefined,
    preview = false,
): pulumi.runtime.Mocks {
    return {
        newResource(args) {
            // A preview knows a new resource's inputs and nothing else: an empty id
            // and no computed state make ids, ARNs and names unknown, as the engine
            // would, so nothing downstream can lean on values it will not have.
            if (preview) {
                return { id: args.id || "", state: args.inputs };
            }
            // New resources arrive with id "" (not undefined): `||`, not `??`.
            const id = args.id || `${args.name}-id`;
            const region = regionOf(args.provider) ?? "us-east-1";
            const service = args.type.split(":")[1]?.split("/")[0] ?? "aws";
            const state: Record<string, unknown> = {
                ...args.inputs,
                arn: `arn:aws:${service}:${region}:${MOCK_ACCOUNT_ID}:${args.name}`,
            };
            Object.assign(state, edgeMockState(args.type, args.name, args.inputs, region));
            switch (args.type) {
                case "aws:iam/role:Role":
                case "aws:iam/instanceProfile:InstanceProfile":
                    state.name = args.inputs.name ?? args.name;
                    state.arn = `arn:aws:iam::${MOCK_ACCOUNT_ID}:${args.type.includes("role") ? "role" : "instance-profile"}/${args.name}`;
                    break;
                case "aws:cloudwatch/logGroup:LogGroup":
                    state.arn = `arn:aws:logs:${region}:${MOCK_ACCOUNT_ID}:log-group:${args.name}`;
                    break;
                case "aws:ec2/launchTemplate:LaunchTemplate":
                    state.latestVersion = 1;
                    break;
                case "aws:kms/key:Key":
                    state.keyId = `${args.name}-key-id`;
                    break;
                case "aws:ec2/eip:Eip":
                    state.allocationId = `eipalloc-${args.name}`;
                    break;
                case "aws:autoscaling/group:Group":
                    state.name = args.inputs.name ?? args.name;
                    break;
                case "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter":
                    state.vpcPeeringConnectionId = args.inputs.vpcPeeringConnectionId;
                    break;
            }
            return { id, state };
        },
        call(args) {
            switch (args.token) {
                case "aws:index/getCallerIdentity:getCallerIdentity":
                    return {
                        accountId: MOCK_ACCOUNT_ID,
                        arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/offline-plan`,
                        userId: "OFFLINEPLAN",
                        id: MOCK_ACCOUNT_ID,
                    };
                case "aws:index/getPartition:getPartition":
                    return {
                        partition: "aws",
                        dnsSuffix: "amazonaws.com",
                        reverseDnsPrefix: "com.amazonaws",
                        id: "aws",
                    };
                case "aws:ec2/getAmi:getAmi":
                    return {
                        id: MOCK_AMI_ID,
                        imageId: MOCK_AMI_ID,
                        name: "virtengine-node-offline-plan",
                        architecture: "x86_64",
                    };
                default:
                    return args.inputs;
            }
        },
    };
}
