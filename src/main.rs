//! Entry point of the Verdict web app (built by Trunk for wasm32).
fn main() {
    verdict_web::start();
}
