// A fresh consumer project in a temporary directory, with the package installed from the tarball
// that `npm pack` makes of pkg/ — what a newcomer gets, not the files in this repository.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compareOutcome, loadCases } from "./compare.mjs";

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
  // A Node TypeScript project has @types/node, a Rollup project its resolve plugin: borrow the
  // workspace's (package.json, installed by scripts/setup.sh) instead of downloading them again.
  for (const dep of ["@types/node", "@rollup/plugin-node-resolve"]) {
    mkdirSync(join(dir, "node_modules", dep, ".."), { recursive: true });
    symlinkSync(join(repo, "node_modules", dep), join(dir, "node_modules", dep), "dir");
  }

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
  };
  for (const [name, value] of Object.entries(data)) writeFileSync(join(dir, name), JSON.stringify(value));
  // The same cases as a module, for bundled pages and apps (every bundler reads JavaScript; not
  // every one reads JSON without a plugin).
  writeFileSync(join(dir, "cases.js"), `export default ${JSON.stringify(data["cases.json"])};\n`);

  return {
    dir,
    tarball,
    packed,
    cleanup: () => process.env.KEEP_CONSUMER || rmSync(tmp, { recursive: true, force: true }),
  };
}

/**
 * The fenced block of the installed package's README (in the consumer at `dir`) whose first line
 * is `firstLine`, e.g. "// rollup.config.mjs": recipes are tested as a reader copies them.
 */
export function readmeBlock(dir, firstLine) {
  const readme = readFileSync(join(dir, "node_modules", "yibao-policy", "README.md"), "utf8");
  const block = [...readme.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.startsWith(firstLine + "\n"));
  if (!block) throw new Error(`the installed README has no block starting with ${JSON.stringify(firstLine)}`);
  return block;
}

/**
 * Runs the README's shell block that starts with the comment `firstLine` ("# esbuild, a page"),
 * line by line with bash in `cwd` (given a node_modules of its own, as a project has), with the
 * workspace's tools and any `binDirs` first on PATH. Returns what the commands printed.
 */
export function runReadmeCommands(dir, firstLine, cwd, binDirs = []) {
  if (!existsSync(join(cwd, "node_modules"))) symlinkSync(join(dir, "node_modules"), join(cwd, "node_modules"), "dir");
  const lines = readmeBlock(dir, firstLine).split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  const PATH = [...binDirs, join(repo, "node_modules", ".bin"), process.env.PATH].join(":");
  return lines.map((line) => {
    const r = spawnSync("bash", ["-euo", "pipefail", "-c", line], { cwd, encoding: "utf8", env: { ...process.env, PATH } });
    if (r.status !== 0) throw new Error(`README command \`${line}\` (in ${cwd}) exited ${r.status}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }).join("");
}

/**
 * Throws unless `out` (what a page, app or worker printed: { version, outcomes }) answers every
 * public case as the case expects, naming each difference.
 */
export function assertCases(out, where) {
  const cases = loadCases("public.json");
  const problems = [];
  if (out?.version !== cargoVersion()) problems.push(`version ${out?.version}, not ${cargoVersion()}`);
  if (out?.outcomes?.length !== cases.length) problems.push(`${out?.outcomes?.length} outcomes for ${cases.length} cases`);
  else problems.push(...cases.flatMap((c, i) => compareOutcome(c, out.outcomes[i])));
  if (problems.length) throw new Error(`${where}:\n  ${problems.join("\n  ")}`);
}
