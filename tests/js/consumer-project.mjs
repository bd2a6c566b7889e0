// A fresh consumer project in a temporary directory, with the package installed from the tarball
// that `npm pack` makes of pkg/ — what a newcomer gets, not the files in this repository.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCases } from "./compare.mjs";

export const repo = fileURLToPath(new URL("../../", import.meta.url));
// YIBAO_PKG_DIR: test another assembled package than pkg/.
export const pkgDir = process.env.YIBAO_PKG_DIR ?? join(repo, "pkg");
export const bin = (name) => join(repo, "node_modules", ".bin", name);

/** The public case the tests run everywhere: the contract's example (fundPays 4003.50). */
export function contractCase() {
  const c = loadCases("public.json").find((x) => x.name.startsWith("Hotan: contract example"));
  if (!c) throw new Error("public.json has no case named 'Hotan: contract example…'");
  return c;
}

export function cargoVersion() {
  return readFileSync(join(repo, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
}

/** Runs a command; returns { status, stdout, stderr } and never throws on a non-zero exit. */
export function run(cmd, args, cwd) {
  try {
    const stdout = execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
    return { status: 0, stdout, stderr: "" };
  } catch (e) {
    if (e.status === null || e.status === undefined) throw e;
    return { status: e.status, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Like run(), but a non-zero exit fails with the command's output. */
export function ok(cmd, args, cwd) {
  const r = run(cmd, args, cwd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The last line of a command's output, parsed as JSON. */
export const json = (stdout) => JSON.parse(stdout.trim().split("\n").at(-1));

export function makeConsumer() {
  if (!existsSync(join(pkgDir, "package.json"))) throw new Error("pkg/ is not built: run scripts/build.sh");
  const tmp = mkdtempSync(join(tmpdir(), "yibao-consumer-"));
  const [packed] = JSON.parse(ok("npm", ["pack", "--json", "--pack-destination", tmp], pkgDir));
  const tarball = join(tmp, packed.filename);

  const dir = join(tmp, "app");
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  ok("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline"], dir);
  // A Node TypeScript project has @types/node; borrow the workspace's instead of downloading it.
  mkdirSync(join(dir, "node_modules", "@types"), { recursive: true });
  symlinkSync(join(repo, "node_modules", "@types", "node"), join(dir, "node_modules", "@types", "node"), "dir");

  cpSync(fileURLToPath(new URL("./consumer/", import.meta.url)), dir, { recursive: true });
  const c = contractCase();
  const packs = ["653200-hotan.json", "441900-dongguan.json", "places.json"].map((f) =>
    readFileSync(join(repo, "packs", f), "utf8"),
  );
  const data = {
    "cases.json": loadCases("public.json"),
    "case.json": c,
    "visits.json": loadCases("year.json")[0].visits,
    "packs.json": packs,
    "vite/request.json": c.request,
    "webpack/src/request.json": c.request,
  };
  for (const [name, value] of Object.entries(data)) writeFileSync(join(dir, name), JSON.stringify(value));

  return {
    dir,
    tarball,
    packed,
    cleanup: () => process.env.KEEP_CONSUMER || rmSync(tmp, { recursive: true, force: true }),
  };
}
