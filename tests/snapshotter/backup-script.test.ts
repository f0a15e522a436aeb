import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderBackupScript, renderSnapshotEnvironment } from "../../components/snapshotter/backup-script";

/*
 * Runs the real backup script in bash against fakes placed first on PATH:
 * `curl` answers from canned RPC responses, `systemctl` and `virtengine`
 * record what they were asked, `aws` is the uploader/signer/metrics client
 * (S3 copies land in a local directory). tar, jq, sha256sum and stat are the
 * machine's own, so the archive is a real one and its contents are checked.
 */

const LOCAL = "http://127.0.0.1:26657";
const PEERS = ["https://eu-west-1.rpc.example.org:443", "https://ap-south-1.rpc.example.org:443"];

interface Node {
    catchingUp?: boolean;
    height: number;
    /** Peer heights; undefined = that peer does not answer. */
    peers: (number | undefined)[];
    /** `aws s3 cp` of a key ending with this fails. */
    failUpload?: string;
}

const FAKES: Record<string, string> = {
    curl: `#!/bin/bash
url="\${@: -1}"
echo "curl $url" >>"$FAKE_LOG"
f="$FAKE_RPC/$(printf '%s' "$url" | tr -c 'a-zA-Z0-9' '_')"
[ -f "$f" ] || exit 22
cat "$f"
`,
    systemctl: `#!/bin/bash
echo "systemctl $*" >>"$FAKE_LOG"
`,
    virtengine: `#!/bin/bash
echo "v1.4.2"
`,
    aws: `#!/bin/bash
echo "aws $*" >>"$FAKE_LOG"
args=("$@")
if [ "$1 $2" = "s3 cp" ]; then
  src="\${args[-2]}"; dst="\${args[-1]}"
  if [ -n "\${FAIL_UPLOAD:-}" ] && [[ "$dst" == *"$FAIL_UPLOAD" ]]; then echo "upload failed" >&2; exit 1; fi
  out="$FAKE_S3/\${dst#s3://}"; mkdir -p "$(dirname "$out")"; cp "$src" "$out"
elif [ "$1 $2" = "kms sign" ]; then
  echo "ZmFrZS1zaWduYXR1cmU="
fi
`,
};

const key = (url: string) => url.replace(/[^a-zA-Z0-9]/g, "_");
const status = (height: number, catchingUp = false) =>
    JSON.stringify({ result: { sync_info: { latest_block_height: String(height), catching_up: catchingUp } } });

interface Run {
    code: number | null;
    stderr: string;
    log: string[];
    /** Uploaded objects: key -> local path. */
    uploads: Record<string, string>;
    root: string;
}

function setUp(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-test-"));
    for (const dir of ["bin", "rpc", "s3", "state", "work", "home/data/application.db", "home/config"]) {
        fs.mkdirSync(path.join(root, dir), { recursive: true });
    }
    for (const [name, text] of Object.entries(FAKES)) {
        fs.writeFileSync(path.join(root, "bin", name), text, { mode: 0o755 });
    }
    fs.writeFileSync(path.join(root, "home/data/application.db/000001.ldb"), "chain state");
    fs.writeFileSync(path.join(root, "home/data/priv_validator_state.json"), '{"height":"0","round":0,"step":0}');
    fs.writeFileSync(path.join(root, "home/config/node_key.json"), '{"priv_key":"secret"}');
    fs.writeFileSync(path.join(root, "home/config/priv_validator_key.json"), '{"priv_key":"secret"}');
    fs.writeFileSync(path.join(root, "script.sh"), renderBackupScript(), { mode: 0o755 });
    return root;
}

function run(root: string, node: Node): Run {
    const rpc = path.join(root, "rpc");
    for (const f of fs.readdirSync(rpc)) fs.rmSync(path.join(rpc, f));
    fs.writeFileSync(path.join(rpc, key(`${LOCAL}/status`)), status(node.height, node.catchingUp));
    fs.writeFileSync(
        path.join(rpc, key(`${LOCAL}/block?height=${node.height}`)),
        JSON.stringify({ result: { block_id: { hash: "BLOCKHASH" }, block: { header: { app_hash: "APPHASH" } } } }),
    );
    node.peers.forEach((h, i) => {
        if (h !== undefined) fs.writeFileSync(path.join(rpc, key(`${PEERS[i]}/status`)), status(h));
    });
    const logFile = path.join(root, "log");
    fs.writeFileSync(logFile, "");
    const env = {
        ...renderSnapshotEnvironment({
            chainId: "virtengine-1",
            home: path.join(root, "home"),
            bucket: "backups-bucket",
            bucketRegion: "us-east-1",
            nodeRegion: "us-west-2",
            signingKeyId: "alias/signing",
            localRpc: LOCAL,
            peerRpcs: PEERS,
            maxLagBlocks: 50,
        }),
        STATE_DIR: path.join(root, "state"),
        WORK_DIR: path.join(root, "work"),
        PATH: `${path.join(root, "bin")}:${process.env.PATH}`,
        FAKE_LOG: logFile,
        FAKE_RPC: rpc,
        FAKE_S3: path.join(root, "s3"),
        FAIL_UPLOAD: node.failUpload ?? "",
    };
    const result = spawnSync("bash", [path.join(root, "script.sh")], { env, encoding: "utf8" });
    const uploads: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p);
            else uploads[path.relative(path.join(root, "s3"), p)] = p;
        }
    };
    walk(path.join(root, "s3"));
    return {
        code: result.status,
        stderr: result.stderr,
        log: fs.readFileSync(logFile, "utf8").trim().split("\n").filter(Boolean),
        uploads,
        root,
    };
}

const listArchive = (file: string) =>
    spawnSync("tar", ["-tzf", file], { encoding: "utf8" })
        .stdout.trim()
        .split("\n")
        .map((l) => l.replace(/\/$/, ""));

const metrics = (r: Run) => r.log.filter((l) => l.includes("put-metric-data"));
const systemctl = (r: Run) => r.log.filter((l) => l.startsWith("systemctl"));

describe("chain-state backup script", () => {
    let root: string;
    beforeEach(() => {
        root = setUp();
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("stops the node, archives data/ without the signing state or keys, restarts it and uploads archive, manifest and signature", () => {
        const r = run(root, { height: 12345, peers: [12350, 12348] });
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.stringContaining("uploaded") });

        const prefix = "backups-bucket/chain-state/daily/virtengine-1/000000012345/us-west-2";
        expect(Object.keys(r.uploads).sort()).toEqual([
            `${prefix}/data.tar.gz`,
            `${prefix}/manifest.json`,
            `${prefix}/manifest.json.sig`,
        ]);
        const entries = listArchive(r.uploads[`${prefix}/data.tar.gz`]);
        expect(entries).toContain("data/application.db/000001.ldb");
        expect(entries).not.toContain("data/priv_validator_state.json");
        expect(entries.filter((e) => !e.startsWith("data"))).toEqual([]);

        const manifest = JSON.parse(fs.readFileSync(r.uploads[`${prefix}/manifest.json`], "utf8"));
        const archiveSha = spawnSync("sha256sum", [r.uploads[`${prefix}/data.tar.gz`]], {
            encoding: "utf8",
        }).stdout.split(" ")[0];
        expect(manifest).toMatchObject({
            chain_id: "virtengine-1",
            height: 12345,
            block_hash: "BLOCKHASH",
            app_hash: "APPHASH",
            binary_version: "v1.4.2",
            sha256: archiveSha,
            size_bytes: fs.statSync(r.uploads[`${prefix}/data.tar.gz`]).size,
        });
        expect(fs.readFileSync(r.uploads[`${prefix}/manifest.json.sig`], "utf8").trim()).toBe("ZmFrZS1zaWduYXR1cmU=");

        // Stopped before archiving, started after; signed in the node's region, uploaded to the bucket's.
        expect(systemctl(r)[0]).toBe("systemctl stop virtengine.service");
        expect(systemctl(r)[1]).toBe("systemctl start virtengine.service");
        expect(r.log.find((l) => l.includes("kms sign"))).toContain("--region us-west-2");
        expect(r.log.filter((l) => l.includes("s3 cp")).every((l) => l.includes("--region us-east-1"))).toBe(true);
        const uploadsInOrder = r.log.filter((l) => l.includes("s3 cp")).map((l) => l.split("/").pop());
        expect(uploadsInOrder).toEqual(["data.tar.gz", "manifest.json", "manifest.json.sig"]);
        expect(metrics(r).at(-1)).toContain("--metric-name SecondsSinceLastSuccess");
        expect(metrics(r).at(-1)).toContain("--value 0 ");
        // The local copies are removed.
        expect(fs.readdirSync(path.join(root, "work"))).toEqual([]);
    });

    it("puts the day's first archive in the daily tier and later ones in the 4-hourly tier", () => {
        run(root, { height: 100, peers: [100, 100] });
        const second = run(root, { height: 200, peers: [200, 200] });
        expect(Object.keys(second.uploads).filter((k) => k.includes("/000000000200/"))).toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^backups-bucket\/chain-state\/4h\/virtengine-1\/000000000200\//),
            ]),
        );
    });

    it("skips a node that is catching up: no stop, no upload, a Skipped metric", () => {
        const r = run(root, { catchingUp: true, height: 12345, peers: [12350, 12350] });
        expect(r.code).toBe(0);
        expect(r.stderr).toMatch(/skipped: local node is catching up/);
        expect(systemctl(r)).toEqual([]);
        expect(r.uploads).toEqual({});
        expect(metrics(r).map((m) => m.match(/--metric-name (\S+)/)?.[1])).toEqual(["Skipped"]);
    });

    it("skips a node more than MAX_LAG_BLOCKS behind the highest other region, and takes one exactly at the limit", () => {
        const behind = run(root, { height: 1000, peers: [1051, 990] });
        expect(behind.stderr).toMatch(/skipped: height 1000 is 51 blocks behind/);
        expect(systemctl(behind)).toEqual([]);
        expect(behind.uploads).toEqual({});

        const atLimit = run(root, { height: 1000, peers: [1050, 990] });
        expect(atLimit.code).toBe(0);
        expect(Object.keys(atLimit.uploads)).toHaveLength(3);
    });

    it("skips when no other region answers, since it cannot tell whether the node is current", () => {
        const r = run(root, { height: 1000, peers: [undefined, undefined] });
        expect(r.stderr).toMatch(/skipped: no other region answered/);
        expect(r.uploads).toEqual({});
    });

    it("reports the age of the last success on a skipped run after a success", () => {
        run(root, { height: 100, peers: [100, 100] });
        fs.writeFileSync(path.join(root, "state/last-success"), String(Math.floor(Date.now() / 1000) - 7200));
        const r = run(root, { catchingUp: true, height: 100, peers: [100, 100] });
        const age = metrics(r).find((m) => m.includes("SecondsSinceLastSuccess"));
        expect(Number(age?.match(/--value (\d+)/)?.[1])).toBeGreaterThanOrEqual(7200);
    });

    it("never publishes a manifest without its archive, fails the run and still restarts the node", () => {
        const r = run(root, { height: 12345, peers: [12345, 12345], failUpload: "data.tar.gz" });
        expect(r.code).not.toBe(0);
        expect(Object.keys(r.uploads)).toEqual([]);
        expect(systemctl(r).at(-1)).toBe("systemctl start virtengine.service");
        expect(fs.existsSync(path.join(root, "state/last-success"))).toBe(false);
        expect(metrics(r)).toEqual([]);
    });
});
