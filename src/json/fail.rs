//! A reader's refusal, boxed ([`Fail`], [`Res`]): below every reader of this module, so that
//! they share it without importing the module that re-exports them.

use crate::error::Error;

/// A refusal while a request is read from its tape, boxed: every `?` in the readers then moves
/// one pointer instead of the whole [`Error`], which in the page's `.wasm` was ≈70 bytes of
/// copying per `?` (the page's `.wasm` 1.5 KB brotli smaller; BENCHMARKS.md). Converts both
/// ways with `?`: into an `Error` at the readers' edges, from one where an `Error` is built.
pub(crate) type Fail = Box<Error>;
/// A reader's result with a boxed refusal ([`Fail`]).
pub(crate) type Res<T> = Result<T, Fail>;

impl From<Fail> for Error {
    fn from(e: Fail) -> Error {
        *e
    }
}
