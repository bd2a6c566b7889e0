//! A JSON value that keeps what the engine needs and nothing more: numbers as their exact text
//! (so 860.5 stays 860.5 and 1e400 can be refused with its path rather than lost), and objects in
//! document order (so a pack lists diseases in the order its maintainer wrote them).

use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's text as written, validated against the JSON grammar.
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's members in document order, with an index sorted by key built once, when the
/// object is made: lookups cost a binary search, and an object of many keys is read in
/// O(n log n) rather than the O(n²) of checking each new key against all before it.
///
/// A key written twice is kept twice (its last value is the one [`Map::get`] gives, as in
/// JavaScript) and listed in [`Map::repeated`]: readers refuse such an object with the key's path
/// rather than silently use one of the two values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Map {
    entries: Vec<(String, Value)>,
    /// Positions in `entries`, ordered by key in UTF-16 code units (the order RFC 8785 wants, so
    /// the pack digest needs no sort of its own).
    sorted: Vec<u32>,
    repeated: Vec<String>,
}

/// Objects this small are searched from end to end: cheaper than a binary search over UTF-16.
const SCAN: usize = 8;

/// The order of keys in `Map::sorted` and in canonical JSON.
pub fn key_order(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    /// An object from its members in document order (the parser's one way of making objects).
    pub fn from_entries(entries: Vec<(String, Value)>) -> Map {
        let key = |i: usize| entries.get(i).map_or("", |(k, _)| k.as_str());
        let sorted = order_by_key(entries.len(), &key);
        let mut repeated: Vec<String> = Vec::new();
        for pair in sorted.windows(2) {
            if let &[a, b] = pair {
                let k = key(a as usize);
                if k == key(b as usize) && repeated.last().map(String::as_str) != Some(k) {
                    repeated.push(k.to_string());
                }
            }
        }
        Map {
            entries,
            sorted,
            repeated,
        }
    }

    /// The member's value; of a key written twice, the last (as in JavaScript).
    pub fn get(&self, key: &str) -> Option<&Value> {
        if self.entries.len() <= SCAN {
            return self.entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
        }
        // Equal keys are ordered by position: the last of them is just before the partition point.
        let after = self
            .sorted
            .partition_point(|&i| key_order(self.key(i), key) != Ordering::Greater);
        let i = *self.sorted.get(after.checked_sub(1)?)?;
        let (k, v) = self.entries.get(i as usize)?;
        (k == key).then_some(v)
    }

    fn key(&self, i: u32) -> &str {
        self.entries.get(i as usize).map_or("", |(k, _)| k.as_str())
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Keys written more than once, each listed once, in key order.
    pub fn repeated(&self) -> &[String] {
        &self.repeated
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The members ordered by key in UTF-16 code units (canonical JSON's order).
    pub fn iter_sorted(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.sorted
            .iter()
            .filter_map(|&i| self.entries.get(i as usize))
            .map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Positions `0..n` ordered by `key` ([`key_order`]), equal keys by position: one sort for the
/// whole crate (an object's index, and repeated codes in a pack).
pub fn order_by_key<'a>(n: usize, key: &dyn Fn(usize) -> &'a str) -> Vec<u32> {
    let mut sorted: Vec<u32> = (0..n as u32).collect();
    heap_sort(&mut sorted, &|a, b| {
        key_order(key(a as usize), key(b as usize)).then(a.cmp(&b)) == Ordering::Less
    });
    sorted
}

/// Positions whose key is also at an earlier position, in key order.
pub fn repeats<'a>(n: usize, key: &dyn Fn(usize) -> &'a str) -> Vec<usize> {
    let mut out = Vec::new();
    for pair in order_by_key(n, key).windows(2) {
        if let &[a, b] = pair {
            if key(a as usize) == key(b as usize) {
                out.push(b as usize);
            }
        }
    }
    out
}

/// Heapsort: O(n log n) in every case and a few hundred bytes of wasm, where the standard
/// library's sort, instantiated per comparator, added 30 KB to the WebAssembly build.
fn heap_sort(v: &mut [u32], less: &dyn Fn(u32, u32) -> bool) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n, less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, less);
    }
}

fn sift_down(v: &mut [u32], mut root: usize, end: usize, less: &dyn Fn(u32, u32) -> bool) {
    let at = |v: &[u32], i: usize| v.get(i).copied().unwrap_or(0);
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(at(v, child), at(v, child + 1)) {
            child += 1;
        }
        if !less(at(v, root), at(v, child)) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, Value)>, fn(&'a (String, Value)) -> (&'a String, &'a Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// `value["key"]`-style lookup that never panics: `None` for non-objects and missing keys.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }
}
