//! Size probe: the smallest use of a Fluent implementation (parse a catalog, format one plural message), built alone for wasm32.
use verdict_core::fluent::{Arg, Catalog, PlainFormatter};
#[no_mangle]
pub extern "C" fn run(ptr: *const u8, len: usize, n: u32) -> usize {
    let text = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) };
    let (catalog, _) = Catalog::parse(text);
    let f = PlainFormatter { locale: "ar".into() };
    catalog.format("m", &[("count", Arg::from(n))], &f).map_or(0, |s| s.len())
}
