//! Online Elo over battles in input order, for comparison with Bradley–Terry.
//!
//! Every model starts at 1000. For a battle of a against b with score s (1 a win, 0 a loss,
//! ½ a tie or both-bad), the expected score is E = 1 / (1 + 10^{(R_b − R_a)/400}) and both
//! ratings move by K·(s − E) in opposite directions (Elo 1978), so the mean stays 1000.
//! Online Elo depends on battle order and on K; Chatbot Arena moved from it to Bradley–Terry for
//! that reason (Chiang et al. 2024, §5). The default K = 4 is the one Arena's notebook used.

use super::battles::{Battle, Outcome};

/// Default K-factor.
pub const DEFAULT_K: f64 = 4.0;
/// Starting (and mean) rating.
pub const INITIAL_RATING: f64 = 1000.0;

/// Runs online Elo over `battles` in the order `order` yields their indices.
pub fn online_elo(n_models: usize, battles: &[Battle], order: impl IntoIterator<Item = usize>, k: f64) -> Vec<f64> {
    let mut ratings = vec![INITIAL_RATING; n_models];
    for index in order {
        let battle = &battles[index];
        let (a, b) = (battle.first as usize, battle.second as usize);
        let expected = 1.0 / (1.0 + 10f64.powf((ratings[b] - ratings[a]) / 400.0));
        let score = match battle.outcome {
            Outcome::FirstWins => 1.0,
            Outcome::SecondWins => 0.0,
            Outcome::Tie | Outcome::BothBad => 0.5,
        };
        let delta = k * (score - expected);
        ratings[a] += delta;
        ratings[b] -= delta;
    }
    ratings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_win_between_equals_moves_k_over_two() {
        let battle = Battle { first: 0, second: 1, outcome: Outcome::FirstWins, positioned: true, annotator: 0, item: 0 };
        let ratings = online_elo(2, &[battle], [0], 4.0);
        assert!((ratings[0] - 1002.0).abs() < 1e-12 && (ratings[1] - 998.0).abs() < 1e-12, "{ratings:?}");
    }
}
