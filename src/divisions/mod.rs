//! Administrative divisions (行政区划, GB/T 2260): what a code says about where it is
//! ([`codes`]: its province, whether a filing's place contains a treatment place) and the names the
//! engine knows for codes no pack names ([`names`]).

pub mod codes;
pub mod names;
