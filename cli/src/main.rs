//! `yibao-policy`: the maintainer's and integrator's command line.
//!
//! ```text
//! yibao-policy estimate [--packs DIR] < request.json     result JSON on stdout
//! yibao-policy check    [--packs DIR] < request.json     eligibility only
//! yibao-policy year     [--packs DIR] < requests.json    one result per visit
//! yibao-policy national [--packs DIR] < request.json     the estimate under national field names
//! yibao-policy validate PACK.json…                       every problem with its path
//! yibao-policy regions | places | packs [--packs DIR]
//! yibao-policy diseases REGION DATE | catalogue PLACE [--packs DIR]
//! yibao-policy schema [pack|request]                     JSON Schema for editors
//! ```
//! Errors are printed as JSON (`{"error": {code, path, message}}`) on stderr, exit status 1;
//! usage mistakes exit with status 2.

use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yibao_policy::wire::{self, Wire};
use yibao_policy::{Engine, Error};

const USAGE: &str = r#"usage: yibao-policy <command> [--packs DIR [--manifest FILE]] [--compact]
  estimate  < request.json     estimate one visit (docs/contract.md result)
  check     < request.json     eligibility only
  year      < requests.json    estimate a year of visits, carrying ytd from one to the next
  national  < request.json     the estimate under the national interface's field names
  validate  PACK.json...       validate packs; every problem with its path; non-zero exit on any
  regions | places             list loaded regions / treatment places
  diseases REGION DATE         the region's diseases on a date
  catalogue PLACE              the treatment place's catalogue
  schema [pack|request]        JSON Schema of the pack or request format
  packs                        the loaded packs: id, version, sha256 digest
options:
  --packs DIR   load every *.json pack in DIR instead of the embedded 2025 defaults
  --manifest F  with --packs: refuse any pack whose id and digest are not pinned in F
                ({"<pack id>": "sha256:<hex>", ...}; `yibao-policy packs` prints them)
  --compact     print JSON on one line"#;

const PACK_SCHEMA: &str = include_str!("../../schema/pack.schema.json");
const REQUEST_SCHEMA: &str = include_str!("../../schema/request.schema.json");

struct Options {
    command: String,
    args: Vec<String>,
    packs: Option<PathBuf>,
    manifest: Option<PathBuf>,
    compact: bool,
}

fn main() -> ExitCode {
    let options = match parse_args(lexopt::Parser::from_env()) {
        Ok(Parsed::Run(o)) => o,
        Ok(Parsed::Say(text)) => return say(&text),
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("{message}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Engine(e)) => {
            eprintln!("{}", to_json(&ErrorOut { error: &e }, options.compact));
            ExitCode::from(1)
        }
        // The reader went away (`yibao-policy packs | head -1`): nothing more to say, to anyone.
        Err(Failure::Closed) => ExitCode::SUCCESS,
    }
}

enum Failure {
    Usage(String),
    Engine(Error),
    /// Standard output was closed by its reader.
    Closed,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Engine(e)
    }
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    error: &'a Error,
}

enum Parsed {
    Run(Options),
    /// `--help` or `--version`: print this and stop.
    Say(String),
}

fn parse_args(mut parser: lexopt::Parser) -> Result<Parsed, String> {
    use lexopt::prelude::*;
    let mut command = None;
    let mut args = Vec::new();
    let mut packs = None;
    let mut manifest = None;
    let mut compact = false;
    let text = |v: std::ffi::OsString| v.string().map_err(|e| e.to_string());
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Parsed::Say(USAGE.into())),
            Short('V') | Long("version") => {
                return Ok(Parsed::Say(format!("yibao-policy {}", env!("CARGO_PKG_VERSION"))))
            }
            Long("packs") => packs = Some(PathBuf::from(parser.value().map_err(|_| "--packs needs a directory")?)),
            Long("manifest") => manifest = Some(PathBuf::from(parser.value().map_err(|_| "--manifest needs a file")?)),
            Long("compact") => compact = true,
            Value(v) if command.is_none() => {
                let v = text(v)?;
                if v == "help" {
                    return Ok(Parsed::Say(USAGE.into()));
                }
                command = Some(v);
            }
            Value(v) => args.push(text(v)?),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let command = command.ok_or("missing command")?;
    if manifest.is_some() && packs.is_none() {
        return Err("--manifest pins packs loaded with --packs".into());
    }
    Ok(Parsed::Run(Options {
        command,
        args,
        packs,
        manifest,
        compact,
    }))
}

fn run(o: &Options) -> Result<ExitCode, Failure> {
    let arg = |i: usize, what: &str| {
        o.args
            .get(i)
            .cloned()
            .ok_or_else(|| Failure::Usage(format!("{} needs {what}", o.command)))
    };
    match o.command.as_str() {
        "estimate" => print(&engine(o)?.estimate_text(&stdin()?)?, o),
        "check" => print(&engine(o)?.check_eligibility_text(&stdin()?)?, o),
        "year" => print(&engine(o)?.estimate_year_text(&stdin()?)?, o),
        "national" => print(&engine(o)?.national_fields_text(&stdin()?)?, o),
        "validate" => return validate(&o.args),
        "regions" => print(&engine(o)?.regions(), o),
        "packs" => print(&engine(o)?.packs(), o),
        "places" => print(&engine(o)?.places(), o),
        "diseases" => print(&engine(o)?.diseases(&arg(0, "a region code")?, &arg(1, "a date")?)?, o),
        "catalogue" => print(&engine(o)?.catalogue(&arg(0, "a place code")?)?, o),
        "schema" => match o.args.first().map(String::as_str) {
            None | Some("pack") => write_out(PACK_SCHEMA.trim_end()),
            Some("request") => write_out(REQUEST_SCHEMA.trim_end()),
            Some(other) => return Err(Failure::Usage(format!("unknown schema '{other}'"))),
        },
        other => return Err(Failure::Usage(format!("unknown command '{other}'"))),
    }?;
    Ok(ExitCode::SUCCESS)
}

fn engine(o: &Options) -> Result<Engine, Failure> {
    match &o.packs {
        None => Ok(Engine::with_defaults()?),
        Some(dir) => {
            let files = pack_files(dir)?;
            let texts = files.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>();
            match &o.manifest {
                None => Ok(Engine::from_pack_texts(&texts)?),
                Some(path) => {
                    let manifest = wire::parse_text(&read(path)?, yibao_policy::limits::MAX_PACK_BYTES)?;
                    let values = texts
                        .iter()
                        .enumerate()
                        .map(|(i, t)| yibao_policy::packs::parse_pack_text(t, i))
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok(Engine::from_packs_pinned(&values, &wire::read_manifest(&manifest)?)?)
                }
            }
        }
    }
}

fn pack_files(dir: &Path) -> Result<Vec<(PathBuf, String)>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", dir.display())))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths.into_iter().map(|p| read(&p).map(|t| (p, t))).collect()
}

fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))
}

fn stdin() -> Result<String, Failure> {
    let mut text = String::new();
    std::io::stdin()
        .take(yibao_policy::limits::MAX_YEAR_BYTES as u64 + 1)
        .read_to_string(&mut text)
        .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
    Ok(text)
}

/// Validate the packs one by one and then together (duplicate regions, two place sets).
fn validate(files: &[String]) -> Result<ExitCode, Failure> {
    if files.is_empty() {
        return Err(Failure::Usage("validate needs at least one pack file".into()));
    }
    let texts = files
        .iter()
        .map(|f| read(Path::new(f)))
        .collect::<Result<Vec<_>, _>>()?;
    let refs = texts.iter().map(String::as_str).collect::<Vec<_>>();
    match Engine::from_pack_texts(&refs) {
        Ok(engine) => {
            for (file, info) in files.iter().zip(engine.packs()) {
                write_out(&format!("ok  {file}  {} {}  {}", info.id, info.version, info.digest))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            if e.problems.is_empty() {
                eprintln!("{}: {} — {}", e.code.as_str(), e.message.zh, e.message.en);
            }
            for p in &e.problems {
                let file = files.get(p.pack).map_or("?", String::as_str);
                let path = if p.path.is_empty() { "(root)" } else { &p.path };
                eprintln!("{file}: {path}: {} — {}", p.message.zh, p.message.en);
            }
            eprintln!("{} problem(s) found", e.problems.len().max(1));
            Ok(ExitCode::from(1))
        }
    }
}

fn print<T: Serialize>(value: &T, o: &Options) -> Result<(), Failure> {
    write_out(&to_json(value, o.compact))
}

/// One line on standard output. `println!` panics when the reader has gone (a closed pipe);
/// here that ends the command quietly instead (`Failure::Closed`).
fn write_out(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::Closed),
        Err(e) => Err(Failure::Usage(format!("cannot write standard output: {e}"))),
    }
}

/// `--help` and `--version`.
fn say(text: &str) -> ExitCode {
    match write_out(text) {
        Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

fn to_json<T: Serialize>(value: &T, compact: bool) -> String {
    let text = if compact {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    // Our types hold only strings, decimals as text, booleans, options, lists and string-keyed
    // structs and maps, which serde_json never refuses; should one fail, say so as JSON.
    text.unwrap_or_else(|e| {
        serde_json::json!({ "error": { "code": "INTERNAL", "message": e.to_string() } }).to_string()
    })
}
