//! Size limits, enforced with `LIMIT_EXCEEDED` so that hostile input cannot exhaust a phone, and
//! the largest amount an input may give (`INVALID_INPUT` beyond it).
//! The refusals of `MAX_ITEMS`, `MAX_VISITS`, `MAX_RECOGNIZED`, `MAX_MEMBERS` and `MAX_PACKS` spell
//! the limit out as text, not `format!`ed (≈0.4 KB raw of the page's `.wasm`): change both
//! together (tests/limits.rs checks that they agree).

pub use crate::money::MAX_AMOUNT;

/// Lines in one request (docs/contract.md: 1 to 1000).
pub const MAX_ITEMS: usize = 1000;
/// Visits in one `estimate_year` call.
pub const MAX_VISITS: usize = 1000;
/// Recognised diseases listed for one person.
pub const MAX_RECOGNIZED: usize = 100;
/// A request's JSON text, in bytes (1000 long lines fit comfortably).
pub const MAX_REQUEST_BYTES: usize = 1 << 20;
/// A `estimate_year` request's JSON text, in bytes.
pub const MAX_YEAR_BYTES: usize = 8 << 20;
/// A pack's JSON text, in bytes.
pub const MAX_PACK_BYTES: usize = 4 << 20;
/// Packs given to one engine.
pub const MAX_PACKS: usize = 64;
/// Effective-dated versions of one region.
pub const MAX_VERSIONS: usize = 100;
/// Item codes and ids.
pub const MAX_CODE_CHARS: usize = 64;
/// Item names.
pub const MAX_NAME_CHARS: usize = 200;
/// Members of one JSON object (requests and packs have a dozen at most): bounds the work of
/// reading an object of many keys, which a 1 MiB request could otherwise hold 80,000 of.
pub const MAX_MEMBERS: usize = 1000;
/// Nesting of JSON objects and arrays (requests are 3 deep, packs about 8).
pub const MAX_DEPTH: usize = 64;
