//! Embed the default packs — every `*.json` in packs/, in file-name order, so that a new default
//! pack is a file dropped there — minified: whitespace outside strings is dropped, nothing else,
//! so the WebAssembly build carries no indentation. (Digests are over canonical JSON and do not
//! change.) The list is written to `default_packs.rs` in OUT_DIR, which src/policy/mod.rs
//! includes as `DEFAULT_PACKS`. And generated/divisions.tsv as three columns
//! (src/divisions/names.rs says why).

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    println!("cargo:rerun-if-changed=packs");
    let mut names: Vec<String> = fs::read_dir("packs")
        .expect("packs/ is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    let mut list = String::from(
        "/// The embedded default packs: every `*.json` in packs/, by file name (build.rs).\n\
         pub const DEFAULT_PACKS: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let source = Path::new("packs").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        fs::write(out.join(name), minify(&text)).expect("write to OUT_DIR");
        list.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),\n"
        ));
    }
    list.push_str("];\n");
    fs::write(out.join("default_packs.rs"), list).expect("write to OUT_DIR");
    divisions(out);
}

/// `code<TAB>中文<TAB>English` lines → `division-codes` (the codes, see `code_steps`),
/// `division-zh` and `division-en` (one name a line, in the same order).
fn divisions(out: &Path) {
    let source = Path::new("generated").join("divisions.tsv");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
    let (mut codes, mut zh, mut en) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[..] {
            [code, z, e] if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) => {
                codes.push(code.parse::<u32>().expect("six digits"));
                zh.push(z);
                en.push(e);
            }
            _ => panic!("{}: not `code<TAB>中文<TAB>English`: {line:?}", source.display()),
        }
    }
    fs::write(out.join("division-codes"), code_steps(&codes)).expect("write to OUT_DIR");
    fs::write(out.join("division-zh"), zh.join("\n")).expect("write to OUT_DIR");
    fs::write(out.join("division-en"), en.join("\n")).expect("write to OUT_DIR");
}

fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The division codes, in order, as steps from one to the next (src/divisions/names.rs reads
/// them): a byte `n` below 255 is the next multiple of 100 `n` hundreds on (the codes are
/// mostly prefectures, `xxyy00`, a hundred apart); 255 is followed by the code itself in three
/// bytes, little-endian. 380 B of brotli as digits, about 100 as steps.
fn code_steps(codes: &[u32]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = 0;
    for &code in codes {
        let hundreds = (code / 100)
            .checked_sub(at / 100)
            .filter(|n| code % 100 == 0 && (1..255).contains(n));
        match hundreds {
            Some(n) => out.push(n as u8),
            None => {
                out.push(255);
                out.extend_from_slice(&code.to_le_bytes()[..3]);
            }
        }
        at = code;
    }
    out
}
