//! Administrative division codes (行政区划代码): which province a place is in, and whether a
//! filing's place contains a treatment place (a province filing covers all its cities).

/// The provinces, autonomous regions and municipalities, and the Xinjiang Production and
/// Construction Corps (66, a provincial-level unit in medical insurance): the first two digits
/// of a valid code, run together — the 31 mainland ones and the Corps first (`MAINLAND`), then
/// 台湾, 香港, 澳门. (One text: a list of `&str` was a table of pointers in the page's `.wasm`.)
const PROVINCES: &[u8] = b"1112131415212223313233343536374142434445465051525354616263646566718182";

/// How many bytes of `PROVINCES` are the mainland's and the Corps'.
const MAINLAND: usize = 64;

/// Six ASCII digits whose first two name a province.
pub fn is_division_code(code: &str) -> bool {
    is_under(code, PROVINCES)
}

/// Six ASCII digits whose first two are one of `firsts` (two digits each, run together).
fn is_under(code: &str, firsts: &[u8]) -> bool {
    let b = code.as_bytes();
    b.len() == 6 && b.iter().all(u8::is_ascii_digit) && firsts.chunks(2).any(|p| p == &b[..2])
}

/// Six digits under a mainland province or the Corps.
pub fn is_mainland(code: &str) -> bool {
    is_under(code, &PROVINCES[..MAINLAND])
}

/// `430100` → `430000`. Callers pass validated codes.
pub fn province_of(code: &str) -> String {
    format!("{}0000", code.get(..2).unwrap_or("00"))
}

pub fn is_province(code: &str) -> bool {
    code.ends_with("0000")
}

pub fn same_province(a: &str, b: &str) -> bool {
    a.get(..2) == b.get(..2)
}

/// Does a filing for `filed` cover treatment in `place`? A province covers every code in it, a
/// prefecture (`xxyy00`) every county in it, a county only itself.
pub fn contains(filed: &str, place: &str) -> bool {
    if is_province(filed) {
        same_province(filed, place)
    } else if filed.ends_with("00") {
        filed.get(..4) == place.get(..4)
    } else {
        filed == place
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_follows_the_division_hierarchy() {
        assert!(contains("430000", "430100"));
        assert!(contains("430000", "430000"));
        assert!(contains("441900", "441900"));
        assert!(!contains("430100", "430000"));
        assert!(!contains("430000", "510100"));
        assert!(contains("330100", "330106"));
        assert!(!contains("330106", "330100"));
    }

    #[test]
    fn division_codes_need_a_real_province() {
        assert!(is_division_code("653200"));
        assert!(!is_division_code("003200"));
        assert!(!is_division_code("65320"));
        assert!(!is_division_code("65320a"));
        assert_eq!(province_of("653200"), "650000");
    }

    #[test]
    fn the_provinces_are_the_list_of_gb_t_2260() {
        let mainland = [
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
            62, 63, 64, 65, 66,
        ];
        for p in 0..100 {
            let code = format!("{p:02}0101");
            assert_eq!(is_mainland(&code), mainland.contains(&p), "{code}");
            assert_eq!(
                is_division_code(&code),
                mainland.contains(&p) || [71, 81, 82].contains(&p),
                "{code}"
            );
        }
        assert!(!is_mainland("11000") && !is_mainland("11000a") && !is_mainland("1100000"));
    }
}
