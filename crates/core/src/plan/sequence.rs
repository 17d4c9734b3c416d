//! One rater's queue: calibration items first, then the rater's task items with hidden gold
//! spread evenly among them and test–retest repeats placed at least `min_gap` items after
//! their first showing, each item with a counterbalanced display order ([`crate::order`]).

use crate::order::Balancer;
use crate::rng::{seed_from_text, Pcg32};

use super::{Assignment, Kind};

/// What the sequence of one rater is built from.
pub(crate) struct RaterInput<'a> {
    /// Roster index of the rater.
    pub rater: u32,
    /// Seed text of the rater's display orders and random choices.
    pub seed_text: String,
    /// Calibration item task indices, in campaign order.
    pub calibration: &'a [u32],
    /// The rater's task items (task indices), in assignment order.
    pub tasks: &'a [u32],
    /// The gold items (task indices) the rater gets.
    pub gold: Vec<u32>,
    /// Repeats wanted.
    pub repeats: u32,
    /// Least number of other items between an item and its repeat.
    pub min_gap: u32,
    /// Whether a repeat shows the outputs in reverse order.
    pub swap_order: bool,
}

/// The rater's assignments in queue order, and how many repeats could not be placed.
pub(crate) fn build<'t>(input: &RaterInput<'_>, models_of: &dyn Fn(u32) -> Vec<&'t str>) -> (Vec<Assignment>, u32) {
    let mut rng = Pcg32::new(seed_from_text(&input.seed_text), 0x5e9);
    let mut balancer = Balancer::new(&input.seed_text);
    let mut queue: Vec<Assignment> =
        Vec::with_capacity(input.calibration.len() + input.tasks.len() + input.gold.len() + input.repeats as usize);
    let push = |queue: &mut Vec<Assignment>, item: u32, kind: Kind, order: Vec<u32>| {
        let seq = queue.len() as u32;
        queue.push(Assignment { rater: input.rater, item, seq, kind, order });
    };
    for &item in input.calibration {
        push(&mut queue, item, Kind::Calibration, balancer.next_order(&models_of(item)));
    }
    let base = interleave_gold(input.tasks, &input.gold, &mut rng);
    let slots = repeat_slots(base.len() as u32, input.repeats, input.min_gap, &mut rng);
    let start = queue.len();
    // Task items already placed (queue position, position in `queue`), and those far enough back.
    let mut placed: Vec<usize> = Vec::new();
    let mut far_enough = 0;
    let mut eligible: Vec<usize> = Vec::new();
    let mut next_slot = 0;
    let mut base_items = base.into_iter().peekable();
    let mut unplaced = input.repeats - slots.len() as u32;
    loop {
        let position = (queue.len() - start) as u32;
        let slot_due = next_slot < slots.len() && (slots[next_slot] <= position || base_items.peek().is_none());
        if slot_due {
            next_slot += 1;
            while far_enough < placed.len() && (placed[far_enough] - start) as u32 + input.min_gap < position {
                eligible.push(placed[far_enough]);
                far_enough += 1;
            }
            if eligible.is_empty() {
                unplaced += 1;
                continue;
            }
            let source = eligible.swap_remove(rng.below(eligible.len() as u32) as usize);
            let mut order = queue[source].order.clone();
            if input.swap_order {
                order.reverse();
            }
            let item = queue[source].item;
            push(&mut queue, item, Kind::Repeat, order);
            continue;
        }
        let Some((item, kind)) = base_items.next() else { break };
        if kind == Kind::Task {
            placed.push(queue.len());
        }
        push(&mut queue, item, kind, balancer.next_order(&models_of(item)));
    }
    (queue, unplaced)
}

/// The rater's task items with `gold` spread over them: the `g` gold items fall one in each of
/// `g` equal blocks of the combined sequence, at a seeded place inside the block.
fn interleave_gold(tasks: &[u32], gold: &[u32], rng: &mut Pcg32) -> Vec<(u32, Kind)> {
    let total = tasks.len() + gold.len();
    let mut gold_at = vec![false; total];
    let n_gold = gold.len();
    for block in 0..n_gold {
        let (begin, end) = (block * total / n_gold, (block + 1) * total / n_gold);
        gold_at[begin + rng.below((end - begin) as u32) as usize] = true;
    }
    let (mut next_task, mut next_gold) = (tasks.iter(), gold.iter());
    gold_at
        .into_iter()
        .map(|is_gold| match is_gold {
            true => (*next_gold.next().expect("one gold item per gold slot"), Kind::Gold),
            false => (*next_task.next().expect("one task item per other slot"), Kind::Task),
        })
        .collect()
}

/// Queue positions (counting from the first production item, in the final sequence of
/// `base_len + repeats` items) where repeats go: one in each of `repeats` equal blocks of the
/// positions from `min_gap + 1` on. Fewer when the queue is too short for them.
fn repeat_slots(base_len: u32, repeats: u32, min_gap: u32, rng: &mut Pcg32) -> Vec<u32> {
    let total = base_len + repeats;
    let first = min_gap.saturating_add(1);
    if repeats == 0 || total <= first {
        return Vec::new();
    }
    let span = total - first;
    let n = repeats.min(span);
    (0..n)
        .map(|block| {
            let (begin, end) = (u64::from(block) * u64::from(span) / u64::from(n), u64::from(block + 1) * u64::from(span) / u64::from(n));
            first + begin as u32 + rng.below((end - begin) as u32)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(tasks: &[u32], gold: Vec<u32>, repeats: u32, min_gap: u32) -> RaterInput<'_> {
        RaterInput { rater: 0, seed_text: "7\nann".into(), calibration: &[], tasks, gold, repeats, min_gap, swap_order: true }
    }

    #[test]
    fn gold_is_spread_and_repeats_come_back_swapped_after_the_gap() {
        let tasks: Vec<u32> = (0..60).collect();
        let input = input(&tasks, vec![100, 101, 102, 103], 5, 10);
        let models = |_item: u32| vec!["a", "b"];
        let (queue, unplaced) = build(&input, &models);
        assert_eq!(unplaced, 0);
        assert_eq!(queue.len(), 69);
        let gold_positions: Vec<usize> = queue.iter().enumerate().filter(|(_, a)| a.kind == Kind::Gold).map(|(p, _)| p).collect();
        assert_eq!(gold_positions.len(), 4);
        for (p, repeat) in queue.iter().enumerate().filter(|(_, a)| a.kind == Kind::Repeat) {
            let first = queue.iter().position(|a| a.item == repeat.item && a.kind == Kind::Task).unwrap();
            assert!(p - first > 10, "gap {} < 10", p - first - 1);
            let mut swapped = queue[first].order.clone();
            swapped.reverse();
            assert_eq!(repeat.order, swapped);
        }
        assert!(queue.iter().enumerate().all(|(p, a)| a.seq == p as u32));
    }

    #[test]
    fn a_queue_shorter_than_the_gap_places_no_repeat() {
        let tasks: Vec<u32> = (0..5).collect();
        let (queue, _) = build(&input(&tasks, vec![], 2, 40), &|_| vec!["a", "b"]);
        assert!(queue.iter().all(|a| a.kind == Kind::Task));
        assert_eq!(repeat_slots(5, 2, 40, &mut Pcg32::new(1, 1)), Vec::<u32>::new());
    }
}
