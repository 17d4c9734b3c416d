//! Size probe: the smallest use of a Fluent implementation (parse a catalog, format one plural message), built alone for wasm32.
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
#[no_mangle]
pub extern "C" fn run(ptr: *const u8, len: usize, n: u32) -> usize {
    let text = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) }.to_owned();
    let resource = FluentResource::try_new(text).unwrap_or_else(|(r, _)| r);
    let lang: unic_langid::LanguageIdentifier = "ar".parse().unwrap();
    let mut bundle = FluentBundle::new(vec![lang]);
    let _ = bundle.add_resource(resource);
    let mut args = FluentArgs::new();
    args.set("count", n);
    let msg = bundle.get_message("m").and_then(|m| m.value());
    let mut errors = vec![];
    msg.map(|p| bundle.format_pattern(p, Some(&args), &mut errors).len()).unwrap_or(0)
}
