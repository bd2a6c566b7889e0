//! An object on a [`Tape`] being read, with its path: [`super::Obj`]'s readers for the request,
//! which is read straight from the tape. Same lookups (a key written twice: the last, `null` as
//! absent where `Obj` says so), same scalar readers, so the same errors.

use super::fail::Res;
use super::read::{date_at, division_code_at, missing, money_at, one_of_at, ratio_at, string_at, wrong_kind};
use super::scalar::kind_name;
use super::tape::{Kind, Node, Tape};
use crate::bilingual::t;
use crate::date::Date;
use crate::error::Error;
use crate::path::{join_key, At};
use rust_decimal::Decimal;

#[derive(Clone, Copy)]
pub(crate) struct Fields<'t, 'a> {
    pub tape: &'t Tape<'a>,
    /// The object's position on the tape.
    pub object: usize,
    pub at: At<'t>,
}

impl<'t, 'a> Fields<'t, 'a> {
    /// The object at `i`, or "must be an object, not …" at its path.
    pub fn new(tape: &'t Tape<'a>, i: usize, at: At<'t>) -> Res<Fields<'t, 'a>> {
        match tape.node(i) {
            Some(n) if n.kind == Kind::Object => Ok(Fields { tape, object: i, at }),
            n => Err(Box::new(wrong_kind(
                &at.render(),
                kind_name(n.map_or(Kind::Null, |n| n.kind)),
                "对象",
                "an object",
            ))),
        }
    }

    /// A member object at `i`, its path written as `path` (`insured.terms`).
    pub fn object(&self, path: &'t str, i: usize) -> Res<Fields<'t, 'a>> {
        Fields::new(self.tape, i, At::Text(path))
    }

    pub fn at(&self, key: &str) -> String {
        join_key(&self.at.render(), key)
    }

    pub fn field<'k>(&'k self, key: &'k str) -> At<'k> {
        At::Key(&self.at, key)
    }

    /// The member's position, `null` included; of a key written twice, the last.
    pub fn raw(&self, key: &str) -> Option<usize> {
        self.tape
            .members(self.object)
            .filter(|&m| self.tape.node(m).is_some_and(|n| n.key == key))
            .last()
    }

    fn node(&self, i: usize) -> Option<&'t Node<'a>> {
        self.tape.node(i)
    }

    /// The member's value; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'t Node<'a>> {
        self.raw(key)
            .and_then(|i| self.node(i))
            .filter(|n| n.kind != Kind::Null)
    }

    /// The member's position; `null` counts as absent.
    pub fn get_at(&self, key: &str) -> Option<usize> {
        self.raw(key)
            .filter(|&i| self.node(i).is_some_and(|n| n.kind != Kind::Null))
    }

    pub fn require_at(&self, key: &str) -> Res<usize> {
        match self.raw(key) {
            Some(i) if self.node(i).is_some_and(|n| n.kind == Kind::Null) => Err(Box::new(Error::invalid(
                self.at(key),
                t(
                    format!("{key} 不能为空（null），请填写有效的值"),
                    format!("'{key}' must not be null"),
                ),
            ))),
            Some(i) => Ok(i),
            None => Err(missing(&self.at(key), key)),
        }
    }

    pub fn require(&self, key: &str) -> Res<&'t Node<'a>> {
        let i = self.require_at(key)?;
        self.node(i).ok_or_else(|| missing(&self.at(key), key))
    }

    pub fn str(&self, key: &str, max_chars: usize) -> Res<Option<&'t str>> {
        self.get(key)
            .map(|v| string_at(v.scalar(), &self.field(key), max_chars))
            .transpose()
    }

    pub fn req_str(&self, key: &str, max_chars: usize) -> Res<&'t str> {
        string_at(self.require(key)?.scalar(), &self.field(key), max_chars)
    }

    pub fn bool(&self, key: &str) -> Res<Option<bool>> {
        match self.get(key).map(|n| n.kind) {
            None => Ok(None),
            Some(Kind::True) => Ok(Some(true)),
            Some(Kind::False) => Ok(Some(false)),
            Some(other) => Err(Box::new(wrong_kind(
                &self.at(key),
                kind_name(other),
                "true 或 false",
                "true or false",
            ))),
        }
    }

    pub fn money(&self, key: &str) -> Res<Option<Decimal>> {
        self.get(key)
            .map(|v| money_at(v.scalar(), &self.field(key)))
            .transpose()
    }

    pub fn ratio(&self, key: &str) -> Res<Option<Decimal>> {
        self.get(key)
            .map(|v| ratio_at(v.scalar(), &self.field(key)))
            .transpose()
    }

    pub fn date(&self, key: &str) -> Res<Option<Date>> {
        self.get(key).map(|v| date_at(v.scalar(), &self.field(key))).transpose()
    }

    pub fn req_date(&self, key: &str) -> Res<Date> {
        date_at(self.require(key)?.scalar(), &self.field(key))
    }

    pub fn req_money(&self, key: &str) -> Res<Decimal> {
        money_at(self.require(key)?.scalar(), &self.field(key))
    }

    pub fn req_code(&self, key: &str) -> Res<&'t str> {
        division_code_at(self.require(key)?.scalar(), &self.field(key))
    }

    pub fn req_one_of<'w>(&self, key: &str, allowed: &[&'w str]) -> Res<&'w str> {
        one_of_at(self.require(key)?.scalar(), &self.field(key), allowed)
    }

    pub fn one_of<'w>(&self, key: &str, allowed: &[&'w str]) -> Res<Option<&'w str>> {
        self.get(key)
            .map(|v| one_of_at(v.scalar(), &self.field(key), allowed))
            .transpose()
    }

    pub fn code(&self, key: &str) -> Res<Option<&'t str>> {
        self.get(key)
            .map(|v| division_code_at(v.scalar(), &self.field(key)))
            .transpose()
    }

    /// An array member: its position and length.
    pub fn array(&self, key: &str) -> Res<Option<(usize, usize)>> {
        match self.get_at(key) {
            None => Ok(None),
            Some(i) => match self.node(i).map(|n| n.kind) {
                Some(Kind::Array) => Ok(Some((i, self.tape.members(i).count()))),
                other => Err(Box::new(wrong_kind(
                    &self.at(key),
                    kind_name(other.unwrap_or(Kind::Null)),
                    "数组",
                    "an array",
                ))),
            },
        }
    }
}
