// A program that reads an existing VPC, which exists only in a real account.
import * as aws from "@pulumi/aws";

const provider = new aws.Provider("us-east-1", { region: "us-east-1" });
const vpc = aws.ec2.Vpc.get("existing", "vpc-0123456789abcdef0", undefined, { provider });
new aws.ec2.Subnet("in-existing", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24" }, { provider });
