// A program whose inputs AWS or the provider refuse: a target group whose auto-name is too long,
// and a security group whose description has an apostrophe. Both must fail the run.
import * as aws from "@pulumi/aws";

const provider = new aws.Provider("us-east-1", { region: "us-east-1" });
new aws.lb.TargetGroup("a-target-group-named-too-long", { port: 80, protocol: "HTTP" }, { provider });
new aws.ec2.SecurityGroup("described", { description: "the chain's nodes" }, { provider });
