//! Entry point of the quality workspace page (`quality.html`), built with feature `quality`.
fn main() {
    verdict_web::start_quality();
}
