//! A value as the scalar readers in `json` see it, whether it comes from a [`Value`] (packs) or a
//! [`Tape`] (requests): one set of readers and messages for both.

use super::tape::{Kind, Node};
use super::value::Value;

/// A type's name in both languages, for "must be …, not …".
pub(crate) type TypeName = (&'static str, &'static str);

pub(crate) fn kind_name(kind: Kind) -> TypeName {
    match kind {
        Kind::Null => ("空值", "null"),
        Kind::True | Kind::False => ("布尔值", "a boolean"),
        Kind::Number => ("数字", "a number"),
        Kind::String => ("文本", "a string"),
        Kind::Array => ("数组", "an array"),
        Kind::Object => ("对象", "an object"),
    }
}

pub(crate) fn kind_of(v: &Value) -> Kind {
    match v {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::True,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::String,
        Value::Array(_) => Kind::Array,
        Value::Object(_) => Kind::Object,
    }
}

/// A value as the scalar readers below see it, from a [`Value`] or a [`Tape`]: one set of
/// readers (and messages) for packs and requests.
#[derive(Clone, Copy)]
pub(crate) enum Scalar<'a> {
    Str(&'a str),
    Num(&'a str),
    Other(TypeName),
}

impl Value {
    pub(crate) fn scalar(&self) -> Scalar<'_> {
        match self {
            Value::String(s) => Scalar::Str(s),
            Value::Number(n) => Scalar::Num(n),
            other => Scalar::Other(kind_name(kind_of(other))),
        }
    }
}

impl Node<'_> {
    pub(crate) fn scalar(&self) -> Scalar<'_> {
        match self.kind {
            Kind::String => Scalar::Str(&self.text),
            Kind::Number => Scalar::Num(&self.text),
            other => Scalar::Other(kind_name(other)),
        }
    }
}

impl Scalar<'_> {
    pub(crate) fn name(self) -> TypeName {
        match self {
            Scalar::Str(_) => kind_name(Kind::String),
            Scalar::Num(_) => kind_name(Kind::Number),
            Scalar::Other(name) => name,
        }
    }
}
