//! Entry point of the quality workspace's shell (`quality.html`), built with feature `workspace`:
//! the analysis code stays in `verdict-quality`, which the analysis worker loads on demand.
fn main() {
    verdict_web::start_workspace();
}
