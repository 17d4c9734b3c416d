//! Entry point of the analysis module (feature `quality`): the analysis worker's functions, and
//! the campaign page (`campaign.html`: the rating app with the campaign planner).
fn main() {
    verdict_web::start_quality();
}
