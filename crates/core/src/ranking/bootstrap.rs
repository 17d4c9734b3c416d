//! Bootstrap pieces: exact multinomial resampling of outcome counts, percentile intervals,
//! and the rank range a model can take within its interval.
//!
//! Resampling N battles with replacement only changes how many times each distinct outcome
//! cell (pair, result) occurs: the cell counts of a resample are Multinomial(N, cᵢ/N). Drawing
//! N cells from a Walker alias table (Walker 1977; Vose 1991) built on integer weights gives that
//! distribution exactly, with two bounded integer draws per battle and no floating point, so a
//! seed gives the same resample in the CLI and in the browser. Round r draws from
//! `Pcg32::new(seed, r)`, so rounds are independent of how they are spread over threads.

use crate::rng::Pcg32;

/// An alias table over cells with integer weights (counts).
#[derive(Clone, Debug)]
pub struct AliasTable {
    /// Per column: (keep the column when a draw in `0..total` falls below this, else take this
    /// cell), packed together so that a draw touches one place.
    columns: Vec<(u32, u32)>,
    /// Sum of the weights (the N of the multinomial).
    total: u32,
}

impl AliasTable {
    /// Builds the table for `counts` (at least one positive; total below 2³²).
    pub fn new(counts: &[u64]) -> AliasTable {
        let n_cells = counts.len() as u64;
        let total: u64 = counts.iter().sum();
        assert!(total > 0 && total < (1 << 32), "alias table needs 0 < total < 2^32 battles");
        // Each column holds `total` units; cell i brings counts[i]·n_cells units.
        let mut units: Vec<u64> = counts.iter().map(|&c| c * n_cells).collect();
        let mut alias: Vec<u32> = (0..counts.len() as u32).collect();
        let mut small: Vec<usize> = Vec::new();
        let mut large: Vec<usize> = Vec::new();
        for (i, &u) in units.iter().enumerate() {
            if u < total {
                small.push(i)
            } else {
                large.push(i)
            }
        }
        while let (Some(&s), Some(&l)) = (small.last(), large.last()) {
            small.pop();
            alias[s] = l as u32;
            units[l] -= total - units[s];
            if units[l] < total {
                large.pop();
                small.push(l);
            }
        }
        // Whatever is left holds exactly `total` units (integer arithmetic: no rounding residue).
        for i in large.into_iter().chain(small) {
            units[i] = total;
        }
        let columns = units.iter().zip(&alias).map(|(&keep, &other)| (keep as u32, other)).collect();
        AliasTable { columns, total: total as u32 }
    }

    /// Draws `total` cells and returns how often each was drawn (one multinomial resample).
    pub fn resample(&self, rng: &mut Pcg32, counts: &mut [u32]) {
        counts.iter_mut().for_each(|c| *c = 0);
        let n_columns = self.columns.len() as u32;
        for _ in 0..self.total {
            let column = rng.below(n_columns);
            let (keep_below, other) = self.columns[column as usize];
            // Branch-free select: the coin is unpredictable, a branch would mispredict half the time.
            let keep = rng.below(self.total) < keep_below;
            let cell = if keep { column } else { other };
            counts[cell as usize] += 1;
        }
    }
}

/// The q-quantile of sorted finite `values` with linear interpolation between order statistics
/// (numpy's default, "type 7" of Hyndman & Fan 1996). `None` for no values.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = q.clamp(0.0, 1.0) * last as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(last);
    Some(sorted[below] + (position - below as f64) * (sorted[above] - sorted[below]))
}

/// Rank ranges from intervals: model i's best rank is 1 + #{j: low_j > high_i} and its worst is
/// n − #{j: high_j < low_i} (Chatbot Arena's "rank (UB)" is the best rank). Models without an
/// interval get `None` and do not count against others.
pub fn rank_ranges(intervals: &[Option<(f64, f64)>]) -> Vec<Option<(u32, u32)>> {
    let n_rated = intervals.iter().flatten().count() as u32;
    intervals
        .iter()
        .map(|interval| {
            let (low, high) = (*interval)?;
            let surely_above = intervals.iter().flatten().filter(|(other_low, _)| *other_low > high).count() as u32;
            let surely_below = intervals.iter().flatten().filter(|(_, other_high)| *other_high < low).count() as u32;
            Some((1 + surely_above, n_rated - surely_below))
        })
        .collect()
}

/// Runs `round(r)` for r in `0..rounds` on up to `threads` threads (round r always gets the
/// same seed, so the result does not depend on `threads`). Where threads cannot be started
/// (wasm32 without threads), everything runs on the calling thread.
pub fn run_rounds<T: Send>(rounds: u32, threads: u32, round: impl Fn(u32) -> T + Sync) -> Vec<T> {
    let threads = threads.clamp(1, rounds.max(1));
    if threads == 1 {
        return (0..rounds).map(&round).collect();
    }
    let per_thread = rounds.div_ceil(threads);
    let round = &round;
    let mut chunks: Vec<(u32, Vec<T>)> = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        let mut chunks = Vec::new();
        for t in 0..threads {
            let range = (t * per_thread)..((t + 1) * per_thread).min(rounds);
            let first = range.start;
            let spawned = std::thread::Builder::new().spawn_scoped(scope, {
                let range = range.clone();
                move || range.map(round).collect::<Vec<T>>()
            });
            match spawned {
                Ok(handle) => handles.push((first, handle)),
                Err(_) => chunks.push((first, range.map(round).collect())),
            }
        }
        for (first, handle) in handles {
            chunks.push((first, handle.join().expect("a bootstrap round does not panic")));
        }
        chunks
    });
    chunks.sort_by_key(|(first, _)| *first);
    chunks.into_iter().flat_map(|(_, results)| results).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resampling_keeps_the_total_and_the_proportions() {
        let counts = [600u64, 300, 100, 0];
        let table = AliasTable::new(&counts);
        let mut rng = Pcg32::new(11, 0);
        let mut drawn = [0u32; 4];
        let mut sums = [0u64; 4];
        for _ in 0..200 {
            table.resample(&mut rng, &mut drawn);
            assert_eq!(drawn.iter().sum::<u32>(), 1000);
            assert_eq!(drawn[3], 0, "an empty cell is never drawn");
            for k in 0..4 {
                sums[k] += u64::from(drawn[k]);
            }
        }
        // Means within 4 standard errors: sd of a cell mean over 200 rounds = sqrt(N p (1-p) / 200).
        for (k, &c) in counts.iter().enumerate().take(3) {
            let p = c as f64 / 1000.0;
            let mean = sums[k] as f64 / 200.0;
            let se = (1000.0 * p * (1.0 - p) / 200.0).sqrt();
            assert!((mean - c as f64).abs() < 4.0 * se, "cell {k}: {mean} vs {c}");
        }
    }

    #[test]
    fn quantile_interpolates_like_numpy() {
        // numpy.quantile([1, 2, 3, 4], 0.25) == 1.75; ([1, 2, 3, 4], 0.975) == 3.925.
        assert!((quantile(&[1.0, 2.0, 3.0, 4.0], 0.25).unwrap() - 1.75).abs() < 1e-12);
        assert!((quantile(&[1.0, 2.0, 3.0, 4.0], 0.975).unwrap() - 3.925).abs() < 1e-12);
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn rank_ranges_follow_interval_overlap() {
        let ranges = rank_ranges(&[Some((1100.0, 1200.0)), Some((1050.0, 1150.0)), Some((900.0, 1000.0)), None]);
        assert_eq!(ranges, vec![Some((1, 2)), Some((1, 2)), Some((3, 3)), None]);
    }

    #[test]
    fn rounds_do_not_depend_on_threads() {
        let one = run_rounds(7, 1, |r| Pcg32::new(5, u64::from(r)).next_u32());
        let three = run_rounds(7, 3, |r| Pcg32::new(5, u64::from(r)).next_u32());
        assert_eq!(one, three);
    }
}
