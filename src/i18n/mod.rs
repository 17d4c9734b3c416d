//! Interface languages: Fluent catalogs (`www/i18n/<locale>.ftl`), the active locale, and
//! numbers, percentages and dates written the locale's way (the browser's `Intl`).
//!
//! Catalogs are fetched at start (`i18n/<locale>.ftl` beside the page, and English beside it as
//! the fallback), never compiled in: the rating page's bundle carries message ids only, which is
//! what keeps it within its size budget (docs/BENCHMARKS.md, "Interface languages"). The locale comes from
//! `?lang=`, then the rater's remembered choice (localStorage), then the page configuration's
//! `lang`, then the browser's languages. Switching re-mounts the page under the new language
//! (the evaluation reopens from this browser's storage at the same item).
//! A message missing from the chosen catalog falls back to English and is counted in
//! `<html data-i18n-missing>` (the end-to-end tests require 0 for every locale).

pub mod root;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use verdict_core::fluent::{is_rtl, plural_category, Arg, Catalog, Formatter};
use wasm_bindgen::JsValue;

pub use root::{preferences, switch_locale, Localized};

/// The interface languages: BCP 47 tag and the language's own name.
pub const LOCALES: &[(&str, &str)] = &[
    ("en", "English"),
    ("ar", "العربية"),
    ("zh-CN", "简体中文"),
    ("ja", "日本語"),
    ("id", "Bahasa Indonesia"),
    ("th", "ไทย"),
    ("vi", "Tiếng Việt"),
    ("es", "Español"),
    ("pt-BR", "Português (Brasil)"),
    ("fil", "Filipino"),
];

/// Where the rater's choice is remembered.
pub const LANG_KEY: &str = "verdict.lang";

/// The active language.
struct Active {
    locale: String,
    catalog: Catalog,
    /// English, when the active catalog is another language (the fallback for a missing message).
    fallback: Option<Catalog>,
    number: Option<js_sys::Intl::NumberFormat>,
}

thread_local! {
    static ACTIVE: RefCell<Rc<Active>> = RefCell::new(Rc::new(Active { locale: "en".into(), catalog: Catalog::default(), fallback: None, number: None }));
    static MISSING: Cell<u32> = const { Cell::new(0) };
}

struct IntlFormatter<'a>(&'a Active);

impl Formatter for IntlFormatter<'_> {
    fn number(&self, n: f64) -> String {
        match &self.0.number {
            Some(format) => format.format().call1(&JsValue::NULL, &n.into()).ok().and_then(|v| v.as_string()).unwrap_or_default(),
            None => String::new(),
        }
    }
    fn plural(&self, n: f64) -> &'static str {
        plural_category(&self.0.locale, n)
    }
    fn isolate(&self) -> bool {
        is_rtl(&self.0.locale)
    }
}

/// The active locale's tag.
pub fn locale() -> String {
    ACTIVE.with(|a| a.borrow().locale.clone())
}

/// True when the active locale writes right to left.
pub fn rtl() -> bool {
    is_rtl(&locale())
}

/// Message `id` without arguments.
pub fn t(id: &str) -> String {
    tr(id, &[])
}

/// Message `id` with arguments (numbers are formatted and select plural forms).
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    let active = ACTIVE.with(|a| a.borrow().clone());
    if let Some(text) = active.catalog.format(id, args, &IntlFormatter(&active)) {
        return text;
    }
    MISSING.with(|m| m.set(m.get() + 1));
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-i18n-missing", &MISSING.with(Cell::get).to_string());
    }
    active.fallback.as_ref().and_then(|c| c.format(id, args, &IntlFormatter(&active))).unwrap_or_else(|| id.to_owned())
}

/// `t!("id")` or `t!("id", name = value, …)`: a message of the active catalog.
#[macro_export]
macro_rules! t {
    ($id:literal) => { $crate::i18n::t($id) };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr($id, &[$((stringify!($name), verdict_core::fluent::Arg::from($value))),+])
    };
}

/// A number as the locale writes it (its digits and decimal separator), with exactly `digits`
/// fraction digits and no grouping.
pub fn number(n: f64, digits: u32) -> String {
    intl_number(n, digits, false)
}

/// A fraction (0.25) as the locale writes a percentage (25 %), with `digits` fraction digits.
pub fn percent(fraction: f64, digits: u32) -> String {
    intl_number(fraction, digits, true)
}

fn intl_number(n: f64, digits: u32, percent: bool) -> String {
    if !n.is_finite() {
        return "–".into();
    }
    let options = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v);
    };
    // Fixed decimals and no grouping: table columns line up and read like the CLI's numbers.
    set("maximumFractionDigits", digits.into());
    set("minimumFractionDigits", digits.into());
    set("useGrouping", false.into());
    if percent {
        set("style", "percent".into());
    }
    let format = js_sys::Intl::NumberFormat::new(&locales_array(), &options);
    format.format().call1(&JsValue::NULL, &n.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// A date and time (Unix ms) as the locale writes it (medium date, short time).
pub fn date_time(unix_ms: f64) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let format = js_sys::Intl::DateTimeFormat::new(&locales_array(), &options);
    format.format().call1(&JsValue::NULL, &js_sys::Date::new(&unix_ms.into())).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn locales_array() -> js_sys::Array {
    js_sys::Array::of1(&locale().into())
}

/// The supported locale that best matches a BCP 47 tag (`pt` → `pt-BR`, `zh-Hans-CN` → `zh-CN`, `tl` → `fil`).
pub fn supported(tag: &str) -> Option<&'static str> {
    let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
    if let Some((code, _)) = LOCALES.iter().find(|(code, _)| code.to_ascii_lowercase() == tag) {
        return Some(code);
    }
    let primary = tag.split('-').next().unwrap_or_default();
    let primary = match primary {
        "tl" => "fil",
        "in" => "id",
        other => other,
    };
    LOCALES.iter().find(|(code, _)| code.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case(primary))).map(|(code, _)| *code)
}

/// The locale to start with: `?lang=`, the remembered choice, the configuration's, the browser's.
pub fn negotiate(configured: Option<&str>) -> &'static str {
    let from_url = crate::state::browser::url_param("lang");
    let remembered = crate::state::browser::local_get(LANG_KEY);
    let browser: Vec<String> =
        web_sys::window().map(|w| w.navigator().languages().iter().filter_map(|l| l.as_string()).collect()).unwrap_or_default();
    from_url
        .iter()
        .chain(remembered.iter())
        .map(String::as_str)
        .chain(configured)
        .chain(browser.iter().map(String::as_str))
        .find_map(supported)
        .unwrap_or("en")
}

/// True when the locale was chosen by the URL or the rater (a page configuration must not override it).
pub fn chosen_by_rater() -> bool {
    let known = |v: Option<String>| v.as_deref().and_then(supported).is_some();
    known(crate::state::browser::url_param("lang")) || known(crate::state::browser::local_get(LANG_KEY))
}

/// Fetches and reads `i18n/<locale>.ftl` and the words for input problems,
/// `i18n/problems/<locale>.ftl` (from `crates/core/src/problem/i18n/`); problems go to the console.
async fn fetch_catalog(locale: &str) -> Result<Catalog, String> {
    let mut text = crate::state::loader::fetch_text(&format!("{}i18n/{locale}.ftl", catalog_base())).await?;
    match crate::state::loader::fetch_text(&format!("{}i18n/problems/{locale}.ftl", catalog_base())).await {
        Ok(problems) => {
            text.push('\n');
            text.push_str(&problems);
        }
        Err(error) => web_sys::console::warn_1(&format!("i18n/problems/{locale}.ftl: {error}").into()),
    }
    let (catalog, problems) = Catalog::parse(&text);
    for problem in problems {
        web_sys::console::warn_1(&format!("i18n/{locale}.ftl:{}: {}", problem.line, problem.message).into());
    }
    Ok(catalog)
}

/// Makes `locale` active: fetches its catalog and English (the fallback), sets `<html lang dir>`.
/// A catalog that cannot be fetched leaves English active; without English either, message ids show.
pub async fn activate(locale: &str) {
    let locale = supported(locale).unwrap_or("en");
    let english = fetch_catalog("en").await;
    let (locale, catalog, fallback) = match (locale, english) {
        ("en", english) => ("en", english.unwrap_or_default(), None),
        (_, english) => match fetch_catalog(locale).await {
            Ok(catalog) => (locale, catalog, english.ok()),
            Err(error) => {
                web_sys::console::warn_1(&format!("The {locale} interface could not be loaded ({error}); showing English.").into());
                ("en", english.unwrap_or_default(), None)
            }
        },
    };
    let options = js_sys::Object::new();
    let number = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&locale.into()), &options);
    ACTIVE.with(|a| *a.borrow_mut() = Rc::new(Active { locale: locale.into(), catalog, fallback, number: Some(number) }));
    MISSING.with(|m| m.set(0));
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.remove_attribute("data-i18n-missing");
        // A host page that mounts Verdict keeps its own language: only Verdict's pages set it.
        if !crate::api::is_mounted() {
            let _ = root.set_attribute("lang", locale);
            let _ = root.set_attribute("dir", if is_rtl(locale) { "rtl" } else { "ltr" });
        }
    }
}

/// Where `i18n/` lives: beside this module's script (so a host page that mounts Verdict from
/// another directory still finds it), else beside the page.
fn catalog_base() -> String {
    crate::api::asset_base().unwrap_or_default()
}

/// A core problem in the interface language, `file:line: field: what`: its words come from
/// the problem catalog (`i18n/problems/<locale>.ftl`, fetched with the interface catalog).
pub fn problem(problem: &verdict_core::Problem) -> String {
    let active = ACTIVE.with(|a| a.borrow().clone());
    let catalogs: Vec<&Catalog> = std::iter::once(&active.catalog).chain(active.fallback.as_ref()).collect();
    verdict_core::problem::render(problem, &catalogs, &IntlFormatter(&active))
}
