//! Paths of fields in a request or pack (`items[2].amount`, `[3].visit.date`): how errors name
//! where they are. Kept apart from the JSON reader, so errors and their paths need no JSON.

/// `a` + `b` → `a.b`; the root path is empty.
pub fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// `items` + 2 → `items[2]`.
pub fn join_item(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// 3 + `visit.date` → `[3].visit.date`: a path seen from an enclosing array.
pub fn join_index(index: usize, path: &str) -> String {
    if path.is_empty() || path.starts_with('[') {
        format!("[{index}]{path}")
    } else {
        format!("[{index}].{path}")
    }
}

/// Where a value is, built up without allocating: the path is only written out for an error.
#[derive(Clone, Copy)]
pub enum At<'a> {
    Text(&'a str),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    pub fn render(&self) -> String {
        match self {
            At::Text(s) => s.to_string(),
            At::Key(parent, key) => join_key(&parent.render(), key),
            At::Index(parent, i) => join_item(&parent.render(), *i),
        }
    }
}
