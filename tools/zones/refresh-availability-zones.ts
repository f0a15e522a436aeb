import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { SUPPORTED_REGIONS } from "../../config/regions";
import { zoneTable, type DescribeAvailabilityZonesOutput } from "./zone-table";

/**
 * Rewrites `config/availability-zones.json` from the EC2 API:
 *
 *     npx tsx tools/zones/refresh-availability-zones.ts            # asks AWS, one call per region
 *     npx tsx tools/zones/refresh-availability-zones.ts --from DIR # reads DIR/<region>.json instead
 *
 * The first form runs `aws ec2 describe-availability-zones
 * --all-availability-zones --region R --output json` for every region the
 * program supports; it needs AWS credentials whose account has the opt-in
 * regions enabled (a disabled region answers with an error, and the script
 * stops rather than write a partial table). The second form reads answers
 * saved from that same command, one file per region, e.g. on a machine
 * without the AWS CLI. Then run `npx prettier --write config/availability-zones.json` and review the diff before committing: a zone that
 * disappears from the table makes stacks using it fail the config check.
 */

const TABLE = path.resolve(__dirname, "../../config/availability-zones.json");

function describe(region: string, fromDir: string | undefined): DescribeAvailabilityZonesOutput {
    const text = fromDir
        ? fs.readFileSync(path.join(fromDir, `${region}.json`), "utf8")
        : execFileSync(
              "aws",
              [
                  "ec2",
                  "describe-availability-zones",
                  "--all-availability-zones",
                  "--region",
                  region,
                  "--output",
                  "json",
              ],
              { encoding: "utf8" },
          );
    return JSON.parse(text) as DescribeAvailabilityZonesOutput;
}

export interface RefreshOptions {
    /** Read `<region>.json` answers from this directory instead of calling the AWS CLI. */
    fromDir?: string;
    /** The table to rewrite. Default: config/availability-zones.json. */
    table?: string;
    /** The date the table is stamped with. Default: today. */
    today?: string;
}

/** Rewrites the table from one answer per supported region; other fields (source, refresh, note) are kept. */
export function refresh(options: RefreshOptions = {}): void {
    const file = options.table ?? TABLE;
    const answers = Object.fromEntries(SUPPORTED_REGIONS.map((region) => [region, describe(region, options.fromDir)]));
    const previous = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    const table = {
        ...previous,
        asOf: options.today ?? new Date().toISOString().slice(0, 10),
        method: options.fromDir
            ? "written by the refresh script from saved API answers"
            : "written by the refresh script",
        zones: zoneTable(answers),
    };
    fs.writeFileSync(file, `${JSON.stringify(table, null, 4)}\n`);
}

if (require.main === module) {
    const argv = process.argv.slice(2);
    const from = argv.indexOf("--from");
    refresh({ fromDir: from >= 0 ? argv[from + 1] : undefined });
    process.stdout.write(`wrote ${path.relative(process.cwd(), TABLE)}: ${SUPPORTED_REGIONS.length} regions\n`);
}
