//! A campaign link's pages: the calibration gate around the rating page.

mod campaign_page;

pub use campaign_page::CampaignPage;
