//! Fixed-point decimals (counting-rules.md, notation): D5 and D9 stored as `i128` integers
//! scaled by 10^5 or 10^9. Addition and subtraction are exact; products and quotients are
//! rounded exactly as the rule asks (floor or ceiling); every operation is checked and
//! returns [`TallyError::Overflow`] instead of panicking.

use crate::error::TallyError;
use serde::{Serialize, Serializer};
use std::{cmp::Ordering, fmt};

/// A non-float decimal with `DECIMALS` places: the value is `raw / 10^DECIMALS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fixed<const DECIMALS: u32>(i128);

/// Five decimal places, remainder ignored (Scottish STV, counting-rules.md §3).
pub type D5 = Fixed<5>;
/// Nine decimal places (PRF reference Meek, counting-rules.md §4).
pub type D9 = Fixed<9>;

fn overflow() -> TallyError {
    TallyError::Overflow
}

/// `floor(a / b)` for `b > 0` on signed integers.
fn div_floor(a: i128, b: i128) -> Result<i128, TallyError> {
    let q = a.checked_div(b).ok_or_else(overflow)?;
    let r = a.checked_rem(b).ok_or_else(overflow)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        q.checked_sub(1).ok_or_else(overflow)
    } else {
        Ok(q)
    }
}

/// `ceil(a / b)` for `b > 0` on signed integers.
fn div_ceil(a: i128, b: i128) -> Result<i128, TallyError> {
    let q = a.checked_div(b).ok_or_else(overflow)?;
    let r = a.checked_rem(b).ok_or_else(overflow)?;
    if r != 0 && ((r < 0) == (b < 0)) {
        q.checked_add(1).ok_or_else(overflow)
    } else {
        Ok(q)
    }
}

impl<const DECIMALS: u32> Fixed<DECIMALS> {
    /// Zero.
    pub const ZERO: Self = Fixed(0);
    /// `10^DECIMALS`: the raw value of one.
    pub const SCALE: i128 = 10_i128.pow(DECIMALS);
    /// One.
    pub const ONE: Self = Fixed(Self::SCALE);
    /// The smallest positive value, `10^-DECIMALS`.
    pub const EPSILON: Self = Fixed(1);

    /// The value whose scaled integer is `raw` (so `from_raw(52941)` is 0.52941 in D5).
    pub const fn from_raw(raw: i128) -> Self {
        Fixed(raw)
    }

    /// The scaled integer.
    pub const fn raw(self) -> i128 {
        self.0
    }

    /// A whole number, exactly.
    pub fn from_int(n: i128) -> Result<Self, TallyError> {
        n.checked_mul(Self::SCALE).map(Fixed).ok_or_else(overflow)
    }

    /// A whole number given as an unsigned weight.
    pub fn from_u128(n: u128) -> Result<Self, TallyError> {
        Self::from_int(i128::try_from(n).map_err(|_| overflow())?)
    }

    /// Exact sum.
    pub fn checked_add(self, other: Self) -> Result<Self, TallyError> {
        self.0.checked_add(other.0).map(Fixed).ok_or_else(overflow)
    }

    /// Exact difference.
    pub fn checked_sub(self, other: Self) -> Result<Self, TallyError> {
        self.0.checked_sub(other.0).map(Fixed).ok_or_else(overflow)
    }

    /// Exact product with a whole number (a ballot count); never rounded.
    pub fn mul_int(self, n: i128) -> Result<Self, TallyError> {
        self.0.checked_mul(n).map(Fixed).ok_or_else(overflow)
    }

    /// Exact product with an unsigned weight.
    pub fn mul_weight(self, n: u128) -> Result<Self, TallyError> {
        self.mul_int(i128::try_from(n).map_err(|_| overflow())?)
    }

    /// `floor(self · other)` to `DECIMALS` places.
    pub fn mul_floor(self, other: Self) -> Result<Self, TallyError> {
        let p = self.0.checked_mul(other.0).ok_or_else(overflow)?;
        div_floor(p, Self::SCALE).map(Fixed)
    }

    /// `ceil(self · other)` to `DECIMALS` places.
    pub fn mul_ceil(self, other: Self) -> Result<Self, TallyError> {
        let p = self.0.checked_mul(other.0).ok_or_else(overflow)?;
        div_ceil(p, Self::SCALE).map(Fixed)
    }

    /// `floor(self / other)` to `DECIMALS` places; `other` must be positive.
    pub fn div_floor(self, other: Self) -> Result<Self, TallyError> {
        if other.0 <= 0 {
            return Err(TallyError::DivisionByZero);
        }
        let n = self.0.checked_mul(Self::SCALE).ok_or_else(overflow)?;
        div_floor(n, other.0).map(Fixed)
    }

    /// `ceil(self / other)` to `DECIMALS` places; `other` must be positive.
    pub fn div_ceil(self, other: Self) -> Result<Self, TallyError> {
        if other.0 <= 0 {
            return Err(TallyError::DivisionByZero);
        }
        let n = self.0.checked_mul(Self::SCALE).ok_or_else(overflow)?;
        div_ceil(n, other.0).map(Fixed)
    }

    /// `floor(self / n)` for a positive whole number `n`.
    pub fn div_int_floor(self, n: i128) -> Result<Self, TallyError> {
        if n <= 0 {
            return Err(TallyError::DivisionByZero);
        }
        div_floor(self.0, n).map(Fixed)
    }

    /// `floor(self · a / b)` in one exact step on the scaled integers (Scottish transfer
    /// value, counting-rules.md §3 step 5.4): `floor(self_s · a_s / b_s)`.
    pub fn mul_div_floor(self, a: Self, b: Self) -> Result<Self, TallyError> {
        if b.0 <= 0 {
            return Err(TallyError::DivisionByZero);
        }
        let p = self.0.checked_mul(a.0).ok_or_else(overflow)?;
        div_floor(p, b.0).map(Fixed)
    }

    /// `max(self, 0)`.
    pub fn clamp_non_negative(self) -> Self {
        if self.0 < 0 { Self::ZERO } else { self }
    }

    /// True when strictly above zero.
    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// Plain decimal without trailing zeros or bare point ("7.2501", "8", "0"), as the RCTab
    /// JSON wants (counting-rules.md §7.3).
    pub fn to_trimmed_string(self) -> String {
        let full = self.to_string();
        if DECIMALS == 0 {
            return full;
        }
        let trimmed = full.trim_end_matches('0').trim_end_matches('.');
        if trimmed == "-0" || trimmed.is_empty() {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        }
    }
}

impl<const DECIMALS: u32> fmt::Display for Fixed<DECIMALS> {
    /// Every decimal place, never rounded: D5 prints 5 decimals, D9 prints 9.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let scale = Self::SCALE.unsigned_abs();
        let whole = abs / scale;
        let frac = abs % scale;
        if DECIMALS == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let width = usize::try_from(DECIMALS).map_err(|_| fmt::Error)?;
            write!(f, "{sign}{whole}.{frac:0width$}")
        }
    }
}

impl<const DECIMALS: u32> Serialize for Fixed<DECIMALS> {
    /// As a decimal string with every place ("7.94115"), so JSON never goes through floats.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Compares `a/b` with `c/d` exactly for non-negative integers and positive denominators.
pub fn compare_fractions(a: u128, b: u128, c: u128, d: u128) -> Ordering {
    // Cross-multiplication in 256 bits, done as two u128 halves.
    let left = wide_mul(a, d);
    let right = wide_mul(c, b);
    left.cmp(&right)
}

/// The full 256-bit product as (high, low).
fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    let mask = u128::from(u64::MAX);
    let (a_hi, a_lo) = (a >> 64, a & mask);
    let (b_hi, b_lo) = (b >> 64, b & mask);
    let lo_lo = a_lo * b_lo;
    let hi_lo = a_hi * b_lo;
    let lo_hi = a_lo * b_hi;
    let hi_hi = a_hi * b_hi;
    let cross = (lo_lo >> 64) + (hi_lo & mask) + (lo_hi & mask);
    let low = (cross << 64) | (lo_lo & mask);
    let high = hi_hi + (hi_lo >> 64) + (lo_hi >> 64) + (cross >> 64);
    (high, low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d5_and_d9_print_every_decimal_place() {
        assert_eq!(D5::from_raw(794_115).to_string(), "7.94115");
        assert_eq!(D5::from_raw(5).to_string(), "0.00005");
        assert_eq!(D9::from_raw(10_000_000_001).to_string(), "10.000000001");
        assert_eq!(D9::from_raw(-1).to_string(), "-0.000000001");
    }

    #[test]
    fn trimmed_strings_have_no_trailing_zeros_or_bare_point() {
        assert_eq!(D5::from_raw(800_000).to_trimmed_string(), "8");
        assert_eq!(D5::from_raw(0).to_trimmed_string(), "0");
        assert_eq!(D5::from_raw(725_010).to_trimmed_string(), "7.2501");
    }

    #[test]
    fn the_scottish_transfer_value_truncates_in_one_step() {
        // counting-rules.md §3, stage 3: trunc5(3.94115 × 0.52941 / 11.94115) = 0.17473.
        let s = D5::from_raw(394_115);
        let v = D5::from_raw(52_941);
        let t = D5::from_raw(1_194_115);
        assert_eq!(s.mul_div_floor(v, t).ok(), Some(D5::from_raw(17_473)));
    }

    #[test]
    fn meek_keep_factor_rounds_up_twice() {
        // counting-rules.md §4, iteration 2: ceil9(ceil9(0.666666667 × 9.000000002) /
        // 10.000000005) = 0.600000001.
        let kf = D9::from_raw(666_666_667);
        let q = D9::from_raw(9_000_000_002);
        let vote = D9::from_raw(10_000_000_005);
        let step = kf.mul_ceil(q).and_then(|x| x.div_ceil(vote));
        assert_eq!(step.ok(), Some(D9::from_raw(600_000_001)));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let big = D9::from_raw(i128::MAX / 2);
        assert_eq!(big.mul_floor(big), Err(TallyError::Overflow));
        assert_eq!(
            D9::from_raw(i128::MAX).checked_add(D9::EPSILON),
            Err(TallyError::Overflow)
        );
    }

    #[test]
    fn floor_and_ceiling_differ_only_on_remainders() {
        let third = D9::ONE.div_floor(D9::from_raw(3_000_000_000));
        assert_eq!(third.ok(), Some(D9::from_raw(333_333_333)));
        let third_up = D9::ONE.div_ceil(D9::from_raw(3_000_000_000));
        assert_eq!(third_up.ok(), Some(D9::from_raw(333_333_334)));
    }

    #[test]
    fn fractions_compare_exactly_by_cross_multiplication() {
        assert_eq!(compare_fractions(2, 3, 2, 3), Ordering::Equal);
        assert_eq!(
            compare_fractions(u128::MAX, u128::MAX - 1, 1, 1),
            Ordering::Greater
        );
        assert_eq!(compare_fractions(1, 2, 2, 3), Ordering::Less);
    }
}
