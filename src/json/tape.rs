//! A JSON document as a [`Tape`]: its values in one flat list, in document order, each borrowing
//! its key and text from the input (only a string with escapes is copied; the parser is in
//! `parse.rs`). Requests are read straight from the tape (`request.rs`, with [`super::Fields`]);
//! packs turn it into a [`Value`] tree.
//!
//! A request was first parsed into a `Value` tree and read from that: every key and value its own
//! `String`, every object its own key index, all of it dropped once the request was read. That was
//! more than a third of `settle` from JavaScript (BENCHMARKS.md, issue 13).

use super::value::{Map, Value};
use crate::path::{join_item, join_key};
use std::borrow::Cow;

/// What a value is. Objects and arrays are followed on the tape by their members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    True,
    False,
    Number,
    String,
    Array,
    Object,
}

/// One value on the tape.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// Its key in the enclosing object; empty in an array or at the top.
    pub key: Cow<'a, str>,
    pub kind: Kind,
    /// A string's text or a number's text as written; empty otherwise.
    pub text: Cow<'a, str>,
    /// The position just past its last member (its own position + 1 for a scalar).
    pub end: u32,
}

/// A JSON document as a flat list of values in document order (a container before its members).
#[derive(Debug, Default)]
pub struct Tape<'a> {
    pub nodes: Vec<Node<'a>>,
}

impl<'a> Tape<'a> {
    /// A tape over a parsed value, borrowing its keys and texts (for the entry points that take a
    /// [`Value`]).
    pub fn of_value(v: &'a Value) -> Tape<'a> {
        let mut tape = Tape::default();
        tape.push_value(Cow::Borrowed(""), v);
        tape
    }

    fn push_value(&mut self, key: Cow<'a, str>, v: &'a Value) {
        let (kind, text) = match v {
            Value::Null => (Kind::Null, ""),
            Value::Bool(true) => (Kind::True, ""),
            Value::Bool(false) => (Kind::False, ""),
            Value::Number(n) => (Kind::Number, n.as_str()),
            Value::String(s) => (Kind::String, s.as_str()),
            Value::Array(_) => (Kind::Array, ""),
            Value::Object(_) => (Kind::Object, ""),
        };
        let at = self.nodes.len();
        self.nodes.push(Node {
            key,
            kind,
            text: Cow::Borrowed(text),
            end: 0,
        });
        match v {
            Value::Array(items) => items.iter().for_each(|item| self.push_value(Cow::Borrowed(""), item)),
            Value::Object(map) => map.iter().for_each(|(k, item)| self.push_value(Cow::Borrowed(k), item)),
            _ => {}
        }
        self.close(at);
    }

    fn close(&mut self, at: usize) {
        let end = self.nodes.len() as u32;
        if let Some(n) = self.nodes.get_mut(at) {
            n.end = end;
        }
    }

    #[inline(always)]
    pub fn node(&self, i: usize) -> Option<&Node<'a>> {
        self.nodes.get(i)
    }

    /// The members of the container at `i`, as positions on the tape.
    pub fn members(&self, i: usize) -> Members<'_, 'a> {
        let end = self.node(i).map_or(0, |n| n.end as usize);
        Members {
            tape: self,
            next: i + 1,
            end,
        }
    }

    /// The document as a [`Value`] (how packs are read).
    pub fn to_value(&self) -> Value {
        self.value_at(0)
    }

    fn value_at(&self, i: usize) -> Value {
        let Some(n) = self.node(i) else {
            return Value::Null;
        };
        match n.kind {
            Kind::Null => Value::Null,
            Kind::True => Value::Bool(true),
            Kind::False => Value::Bool(false),
            Kind::Number => Value::Number(n.text.to_string()),
            Kind::String => Value::String(n.text.to_string()),
            Kind::Array => Value::Array(self.members(i).map(|m| self.value_at(m)).collect()),
            Kind::Object => Value::Object(Map::from_entries(
                self.members(i)
                    .map(|m| {
                        (
                            self.node(m).map_or_else(String::new, |c| c.key.to_string()),
                            self.value_at(m),
                        )
                    })
                    .collect(),
            )),
        }
    }

    /// The path of the value at `i` from the value at `from` (`visit.date`, `items[2]`): written
    /// out only for an error.
    pub fn path(&self, from: usize, to: usize) -> String {
        let mut out = String::new();
        let mut at = from;
        while at != to {
            let object = self.node(at).is_some_and(|n| n.kind == Kind::Object);
            let Some((index, child)) = self
                .members(at)
                .enumerate()
                .find(|&(_, m)| self.node(m).is_some_and(|n| to < n.end as usize))
            else {
                break;
            };
            out = match self.node(child) {
                Some(n) if object => join_key(&out, &n.key),
                _ => join_item(&out, index),
            };
            at = child;
        }
        out
    }

    /// The first key written twice in one object within the value at `i`, as its path from `i`
    /// and the key: objects in document order, the keys of each in key order (as
    /// [`super::repeated_keys`] lists them for a [`Value`]).
    pub fn repeated_key(&self, i: usize) -> Option<(String, &str)> {
        let end = self.node(i).map_or(i, |n| n.end as usize);
        (i..end).find_map(|o| {
            let key = self.first_repeat(o)?;
            Some((join_key(&self.path(i, o), key), key))
        })
    }

    /// Of the object at `o`, the least key (in key order) written more than once.
    fn first_repeat(&self, o: usize) -> Option<&str> {
        if self.node(o)?.kind != Kind::Object {
            return None;
        }
        let key = |m: usize| self.node(m).map_or("", |n| &*n.key);
        if self.members(o).count() > 16 {
            let members: Vec<usize> = self.members(o).collect();
            let at = |p: usize| members.get(p).map_or("", |&m| key(m));
            return super::repeats(members.len(), &at).first().map(|&p| at(p));
        }
        // A small object (every request's): each key against those after it, no allocation.
        let mut least: Option<&str> = None;
        let mut rest = self.members(o);
        while let Some(a) = rest.next() {
            let k = key(a);
            let repeated = rest.clone().any(|b| key(b) == k);
            if repeated && least.is_none_or(|l| super::key_order(k, l).is_lt()) {
                least = Some(k);
            }
        }
        least
    }
}

/// The members of an object or array, in document order.
#[derive(Clone)]
pub struct Members<'t, 'a> {
    tape: &'t Tape<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Members<'_, '_> {
    type Item = usize;

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let at = self.next;
        self.next = self.tape.node(at).map_or(self.end, |n| n.end as usize);
        Some(at)
    }
}
