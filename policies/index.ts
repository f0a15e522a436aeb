import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// Loaded by `pulumi preview --policy-pack policies` and by the offline plan.
// The pack name is stable: CI and `policies/config/<stack>.json` refer to it.
new PolicyPack("virtengine-guardrails", { policies });
