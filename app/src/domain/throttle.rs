//! Sign-in throttling, as pure arithmetic over counters (the service stores them).
//!
//! Wrong passwords are counted per (account, client address) pair, with delays that grow
//! with each failure: someone who mistypes waits seconds, a guesser from one address waits
//! longer and longer. A slower ceiling per account (all addresses together) stops guessing
//! spread over many addresses, and a ceiling per client address slows one address trying
//! many accounts. No counter ever refuses the right password from another address: locking
//! someone out takes the ceiling's many attempts, not five.

use chrono::{DateTime, Duration, Utc};

/// How one kind of counter limits attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Failures are counted within this window from the first one.
    pub window: Duration,
    /// Failures allowed before any wait.
    pub free: u32,
    /// The wait after the first failure beyond `free`; it doubles with each further one.
    pub first_wait: Duration,
    /// The longest wait.
    pub longest_wait: Duration,
}

/// Per (account, client address): 3 free tries, then 2 s, 4 s, 8 s, … up to 15 minutes.
pub const PAIR: Rule = Rule {
    window: Duration::hours(1),
    free: 3,
    first_wait: Duration::seconds(2),
    longest_wait: Duration::minutes(15),
};

/// Per account, from every address: 50 failures in an hour, then 15 minutes' wait.
pub const ACCOUNT: Rule = Rule {
    window: Duration::hours(1),
    free: 50,
    first_wait: Duration::minutes(15),
    longest_wait: Duration::minutes(15),
};

/// Per client address, over every account: 100 failures in an hour, then growing waits.
pub const ADDRESS: Rule = Rule {
    window: Duration::hours(1),
    free: 100,
    first_wait: Duration::seconds(30),
    longest_wait: Duration::minutes(15),
};

/// A stored counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    /// Failures in the current window.
    pub failures: u32,
    /// When the window started.
    pub window_start: DateTime<Utc>,
    /// No attempt is taken before this.
    pub locked_until: Option<DateTime<Utc>>,
}

/// Seconds (at least 1) until an attempt is taken again, if it must wait now.
pub fn wait(counter: Option<&Counter>, now: DateTime<Utc>) -> Option<i64> {
    counter
        .and_then(|c| c.locked_until)
        .filter(|until| *until > now)
        .map(|until| (until - now).num_seconds().max(1))
}

/// The counter after one more failure at `now`.
pub fn after_failure(rule: &Rule, counter: Option<&Counter>, now: DateTime<Utc>) -> Counter {
    let (failures, window_start) = match counter {
        Some(c) if now - c.window_start < rule.window => {
            (c.failures.saturating_add(1), c.window_start)
        }
        _ => (1, now),
    };
    let locked_until = (failures > rule.free).then(|| now + wait_after(rule, failures - rule.free));
    Counter {
        failures,
        window_start,
        locked_until,
    }
}

/// The wait after the `beyond`-th failure past the free ones: doubling, capped.
fn wait_after(rule: &Rule, beyond: u32) -> Duration {
    let doublings = beyond.saturating_sub(1).min(30);
    let factor = 1_i32.checked_shl(doublings).unwrap_or(i32::MAX);
    rule.first_wait
        .checked_mul(factor)
        .unwrap_or(rule.longest_wait)
        .min(rule.longest_wait)
}

/// Whether a stored counter can be forgotten: its window is over and it holds no wait.
pub fn is_stale(rule_window: Duration, counter: &Counter, now: DateTime<Utc>) -> bool {
    now - counter.window_start >= rule_window && wait(Some(counter), now).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(seconds: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::seconds(1_800_000_000 + seconds)
    }

    fn fail_times(rule: &Rule, n: u32, at: DateTime<Utc>) -> Counter {
        let mut counter = None;
        for _ in 0..n {
            counter = Some(after_failure(rule, counter.as_ref(), at));
        }
        counter.unwrap()
    }

    #[test]
    fn three_mistakes_cost_nothing_then_the_wait_doubles() {
        assert_eq!(wait(Some(&fail_times(&PAIR, 3, t(0))), t(0)), None);
        assert_eq!(wait(Some(&fail_times(&PAIR, 4, t(0))), t(0)), Some(2));
        assert_eq!(wait(Some(&fail_times(&PAIR, 5, t(0))), t(0)), Some(4));
        assert_eq!(wait(Some(&fail_times(&PAIR, 8, t(0))), t(0)), Some(32));
    }

    #[test]
    fn the_wait_never_passes_its_cap() {
        let counter = fail_times(&PAIR, 40, t(0));
        assert_eq!(wait(Some(&counter), t(0)), Some(15 * 60));
    }

    #[test]
    fn the_wait_ends_and_the_window_starts_again() {
        let counter = fail_times(&PAIR, 4, t(0));
        assert_eq!(wait(Some(&counter), t(2)), None);
        let later = after_failure(&PAIR, Some(&counter), t(3600));
        assert_eq!(later.failures, 1);
        assert!(is_stale(PAIR.window, &counter, t(3600)));
        assert!(!is_stale(PAIR.window, &counter, t(10)));
    }

    #[test]
    fn five_wrong_passwords_do_not_lock_an_account_for_everyone() {
        let counter = fail_times(&ACCOUNT, 5, t(0));
        assert_eq!(wait(Some(&counter), t(0)), None);
        let counter = fail_times(&ACCOUNT, 51, t(0));
        assert_eq!(wait(Some(&counter), t(0)), Some(15 * 60));
    }
}
