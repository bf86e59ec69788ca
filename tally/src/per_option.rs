//! Per-option values indexed by an option index that was checked against the count's options.
//! Every staged method keeps a tally, a status or a keep factor per option; reading one with
//! `.get(o).unwrap_or(0)` would turn a logic error (an index from another count) into zero
//! votes. An [`Opt`] is made only by [`Options::check`] or [`Options::all`], and every
//! [`PerOption`] of a count has one value per option of that count, so indexing cannot miss;
//! if a bug ever mixed counts, the index fails loudly instead of reading a wrong number.
#![deny(clippy::indexing_slicing)]

use crate::{ballot::OptionIndex, error::TallyError};
use std::ops::{Index, IndexMut};

/// An option index checked against the options of one count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Opt(u32);

impl Opt {
    /// The option's index in ballot order.
    pub(crate) fn index(self) -> OptionIndex {
        usize::try_from(self.0).unwrap_or(usize::MAX)
    }
}

/// The options of one count: how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Options {
    count: u32,
}

impl Options {
    /// The options of a count with `count` options.
    pub(crate) fn new(count: usize) -> Result<Options, TallyError> {
        let count = u32::try_from(count).map_err(|_| TallyError::Overflow)?;
        Ok(Options { count })
    }

    /// How many options there are.
    pub(crate) fn len(self) -> usize {
        usize::try_from(self.count).unwrap_or(usize::MAX)
    }

    /// `index` as an [`Opt`], or an invariant error when it is not one of the options (the
    /// ballots were validated before counting, so this is a bug, reported, not guessed).
    pub(crate) fn check(self, index: OptionIndex) -> Result<Opt, TallyError> {
        u32::try_from(index)
            .ok()
            .filter(|i| *i < self.count)
            .map(Opt)
            .ok_or_else(|| {
                TallyError::Invariant(format!(
                    "option {index} is not one of the {} options",
                    self.count
                ))
            })
    }

    /// Every option, in ballot order.
    pub(crate) fn all(self) -> impl Iterator<Item = Opt> {
        (0..self.count).map(Opt)
    }

    /// One `value` per option.
    pub(crate) fn filled<T: Clone>(self, value: T) -> PerOption<T> {
        PerOption {
            values: vec![value; self.len()],
        }
    }
}

/// One value per option of a count, indexed by [`Opt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PerOption<T> {
    values: Vec<T>,
}

impl<T> PerOption<T> {
    /// Values given in ballot order, one per option, with the options they are for.
    pub(crate) fn from_vec(values: Vec<T>) -> Result<(Options, PerOption<T>), TallyError> {
        Ok((Options::new(values.len())?, PerOption { values }))
    }

    /// The values in ballot order (for reports and the tie breaker's history).
    pub(crate) fn as_slice(&self) -> &[T] {
        &self.values
    }

    /// Each option with its value, in ballot order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Opt, &T)> {
        (0_u32..).map(Opt).zip(&self.values)
    }

    /// Each option with its value, mutably.
    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = (Opt, &mut T)> {
        (0_u32..).map(Opt).zip(&mut self.values)
    }
}

impl<T: Clone> PerOption<T> {
    /// The values in ballot order, copied (for reports).
    pub(crate) fn to_vec(&self) -> Vec<T> {
        self.values.clone()
    }
}

impl<T> Index<Opt> for PerOption<T> {
    type Output = T;

    #[expect(
        clippy::indexing_slicing,
        reason = "an Opt is below its count's option count, the length of every PerOption of \
                  that count; anything else is a bug that must stop the count"
    )]
    fn index(&self, option: Opt) -> &T {
        &self.values[option.index()]
    }
}

impl<T> IndexMut<Opt> for PerOption<T> {
    #[expect(
        clippy::indexing_slicing,
        reason = "as for Index: the Opt was checked against this count's options"
    )]
    fn index_mut(&mut self, option: Opt) -> &mut T {
        &mut self.values[option.index()]
    }
}

/// One value per ordered pair of options of a count (Schulze's `d` and `p`), indexed by two
/// checked [`Opt`]s: as for [`PerOption`], an index from another count fails loudly instead of
/// reading a zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PerPair<T> {
    /// The number of options (the side of the square).
    side: usize,
    /// Row `a` is `values[a * side..(a + 1) * side]`.
    values: Vec<T>,
}

impl Options {
    /// One `value` per ordered pair of options; fails when the square does not fit a `usize`.
    pub(crate) fn pairs<T: Clone>(self, value: T) -> Result<PerPair<T>, TallyError> {
        let side = self.len();
        let len = side.checked_mul(side).ok_or(TallyError::Overflow)?;
        Ok(PerPair {
            side,
            values: vec![value; len],
        })
    }
}

impl<T> PerPair<T> {
    /// The rows in ballot order: row `a` holds the values of `(a, b)` for every `b`.
    pub(crate) fn rows(&self) -> impl Iterator<Item = &[T]> {
        self.values.chunks(self.side.max(1))
    }

    /// Row `a`, mutably.
    pub(crate) fn row_mut(&mut self, a: Opt) -> &mut [T] {
        let start = a.index().saturating_mul(self.side);
        let end = start.saturating_add(self.side);
        #[expect(
            clippy::indexing_slicing,
            reason = "as for PerOption: `a` was checked against this count's options"
        )]
        &mut self.values[start..end]
    }

    /// Where `(a, b)` is in `values` (beyond it for options of a larger count).
    fn at(&self, (a, b): (Opt, Opt)) -> usize {
        a.index()
            .saturating_mul(self.side)
            .saturating_add(b.index())
    }
}

impl<T> Index<(Opt, Opt)> for PerPair<T> {
    type Output = T;

    #[expect(
        clippy::indexing_slicing,
        reason = "as for PerOption: both options were checked against this count's options"
    )]
    fn index(&self, pair: (Opt, Opt)) -> &T {
        &self.values[self.at(pair)]
    }
}

impl<T> IndexMut<(Opt, Opt)> for PerPair<T> {
    #[expect(
        clippy::indexing_slicing,
        reason = "as for PerOption: both options were checked against this count's options"
    )]
    fn index_mut(&mut self, pair: (Opt, Opt)) -> &mut T {
        let at = self.at(pair);
        &mut self.values[at]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_indices_of_the_count_become_options() {
        let options = Options::new(3).unwrap();
        assert_eq!(options.check(2).map(Opt::index), Ok(2));
        assert!(matches!(options.check(3), Err(TallyError::Invariant(_))));
        let mut tallies = options.filled(0_u128);
        for o in options.all() {
            tallies[o] += u128::try_from(o.index()).unwrap() * 10;
        }
        assert_eq!(tallies.as_slice(), [0, 10, 20]);
    }

    #[test]
    fn pairs_are_rows_in_ballot_order() {
        let options = Options::new(3).unwrap();
        let mut d = options.pairs(0_u128).unwrap();
        let (a, c) = (options.check(0).unwrap(), options.check(2).unwrap());
        d[(a, c)] = 5;
        d.row_mut(c)[0] = 7;
        let rows: Vec<&[u128]> = d.rows().collect();
        assert_eq!(rows, [&[0, 0, 5][..], &[0, 0, 0], &[7, 0, 0]]);
        assert_eq!(d[(c, a)], 7);
    }

    #[test]
    #[should_panic(expected = "index out of bounds")]
    fn a_pair_of_a_larger_count_fails_instead_of_reading_zero() {
        let big = Options::new(5).unwrap().check(4).unwrap();
        let small = Options::new(2).unwrap();
        let pairs = small.pairs(7_u128).unwrap();
        let _ = pairs[(big, small.check(0).unwrap())];
    }

    #[test]
    #[should_panic(expected = "index out of bounds")]
    fn an_option_of_a_larger_count_fails_instead_of_reading_zero() {
        let big = Options::new(5).unwrap().check(4).unwrap();
        let small = Options::new(2).unwrap().filled(7_u128);
        let _ = small[big];
    }
}
