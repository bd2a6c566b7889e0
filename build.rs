//! Embed the default packs minified: whitespace outside strings is dropped, nothing else, so the
//! WebAssembly build carries no indentation. (Digests are over canonical JSON and do not change.)
//! And generated/divisions.tsv as three columns (src/divisions.rs says why).

use std::{env, fs, path::Path};

const PACKS: [&str; 3] = ["653200-hotan.json", "441900-dongguan.json", "places.json"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=packs");
    for name in PACKS {
        let source = Path::new("packs").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        fs::write(Path::new(&out).join(name), minify(&text)).expect("write to OUT_DIR");
    }
    divisions(Path::new(&out));
}

/// `code<TAB>中文<TAB>English` lines → `division-codes` (the six-digit codes run together),
/// `division-zh` and `division-en` (one name a line, in the same order).
fn divisions(out: &Path) {
    let source = Path::new("generated").join("divisions.tsv");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
    let (mut codes, mut zh, mut en) = (String::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[..] {
            [code, z, e] if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) => {
                codes.push_str(code);
                zh.push(z);
                en.push(e);
            }
            _ => panic!("{}: not `code<TAB>中文<TAB>English`: {line:?}", source.display()),
        }
    }
    fs::write(out.join("division-codes"), codes).expect("write to OUT_DIR");
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
