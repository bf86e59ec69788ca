//! Doing the work of many concurrent requests as one (group commit; coalesced reads). When
//! many people act in the same instant, each request's statements would otherwise be a round
//! trip of its own to the database; here the requests that arrive while a batch is at work
//! wait, and the first of them to get the turn does everything that is waiting in one go. A
//! request that arrives alone is done at once, alone: batching adds no wait when idle.
//!
//! The work gets the waiting items in arrival order and answers each; it runs in a task of
//! its own, so a request that goes away (its connection closed) does not strand the others
//! waiting in its batch.

use super::{ServiceError, ServiceResult};
use std::{
    collections::HashMap,
    future::Future,
    hash::Hash,
    sync::{Arc, Mutex, PoisonError},
};

type Slot<R> = Arc<Mutex<Option<ServiceResult<R>>>>;

/// Items of type `T` waiting to be done together, each answered with an `R`.
pub struct Batcher<T, R> {
    waiting: Mutex<Vec<(T, Slot<R>)>>,
    turn: Arc<tokio::sync::Mutex<()>>,
}

impl<T, R> Default for Batcher<T, R> {
    fn default() -> Self {
        Batcher {
            waiting: Mutex::default(),
            turn: Arc::default(),
        }
    }
}

fn take<R>(slot: &Slot<R>) -> Option<ServiceResult<R>> {
    slot.lock().unwrap_or_else(PoisonError::into_inner).take()
}

/// The most items one batch takes: the statements' parameter lists stay far below the
/// engines' limits (SQLite 32,766, PostgreSQL 65,535), however many arrive at once.
pub const MOST_PER_BATCH: usize = 500;

/// Takes a request's item out of the queue if the request goes away (its connection
/// closed) before a batch took it: nothing is done later for nobody.
struct Withdraw<'a, T, R> {
    waiting: &'a Mutex<Vec<(T, Slot<R>)>>,
    slot: Slot<R>,
}

impl<T, R> Drop for Withdraw<'_, T, R> {
    fn drop(&mut self) {
        self.waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|(_, slot)| !Arc::ptr_eq(slot, &self.slot));
    }
}

impl<T: Send + 'static, R: Send + 'static> Batcher<T, R> {
    /// Does `item` with whatever else is waiting: whoever gets the turn hands the waiting
    /// items (up to [`MOST_PER_BATCH`], oldest first) to `work`, which answers each, in
    /// order. What became of `item`.
    ///
    /// Only the caller that gets the turn runs its `work`, for everyone's items: `work` must
    /// depend on nothing particular to its own request.
    pub async fn run<F, Fut>(self: &Arc<Self>, item: T, work: F) -> ServiceResult<R>
    where
        F: Fn(Vec<T>) -> Fut,
        Fut: Future<Output = Vec<ServiceResult<R>>> + Send + 'static,
    {
        let slot: Slot<R> = Arc::default();
        self.waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((item, Arc::clone(&slot)));
        let _withdraw = Withdraw {
            waiting: &self.waiting,
            slot: Arc::clone(&slot),
        };
        loop {
            // Whoever does a batch fills its slots before giving up the turn, so once we
            // have the turn our item is either done or still waiting (and then we do it).
            let turn = Arc::clone(&self.turn).lock_owned().await;
            if let Some(done) = take(&slot) {
                return done;
            }
            let batch: Vec<(T, Slot<R>)> = {
                let mut waiting = self.waiting.lock().unwrap_or_else(PoisonError::into_inner);
                let most = waiting.len().min(MOST_PER_BATCH);
                waiting.drain(..most).collect()
            };
            if batch.is_empty() {
                // Only after a batch that ended without answering (a panic): ours went with it.
                return Err(ServiceError::Internal(anyhow::anyhow!(
                    "the batch that held this request failed"
                )));
            }
            let (items, slots): (Vec<T>, Vec<Slot<R>>) = batch.into_iter().unzip();
            let working = work(items);
            // The task holds the batcher too, so `Keyed` sees it busy until it is done.
            let busy = Arc::clone(self);
            let doing = tokio::spawn(async move {
                let results = working.await;
                for (slot, result) in slots.iter().zip(results) {
                    *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
                }
                drop(turn);
                drop(busy);
            });
            if let Err(error) = doing.await {
                return Err(ServiceError::Internal(anyhow::anyhow!(
                    "a batch failed: {error}"
                )));
            }
            if let Some(done) = take(&slot) {
                return done;
            }
            // More were waiting than one batch takes, ours among the later ones: next turn.
        }
    }
}

/// How many keys [`Keyed`] holds before it forgets the idle ones.
const KEYS_KEPT: usize = 1_024;

/// One [`Batcher`] per key (an organisation, say), made when first asked for. Keys come from
/// requests (a slug in a path), so past [`KEYS_KEPT`] of them the batchers nobody is using
/// are forgotten: memory stays bounded whatever is asked for.
pub struct Keyed<K, T, R> {
    batchers: Mutex<HashMap<K, Arc<Batcher<T, R>>>>,
}

impl<K, T, R> Default for Keyed<K, T, R> {
    fn default() -> Self {
        Keyed {
            batchers: Mutex::default(),
        }
    }
}

impl<K: Eq + Hash, T, R> Keyed<K, T, R> {
    /// The batcher of `key`.
    pub fn of(&self, key: K) -> Arc<Batcher<T, R>> {
        let mut batchers = self.batchers.lock().unwrap_or_else(PoisonError::into_inner);
        if batchers.len() >= KEYS_KEPT && !batchers.contains_key(&key) {
            // Held only here: no request is in it, and the next one may start afresh.
            batchers.retain(|_, batcher| Arc::strong_count(batcher) > 1);
        }
        Arc::clone(batchers.entry(key).or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn requests_arriving_during_a_batch_are_done_together_in_order() {
        let batcher: Arc<Batcher<usize, usize>> = Arc::default();
        // Each gets its own answer (checked inside). The first arrives alone and is done at
        // once; the 19 that came while it was at work are done in one batch, in the order
        // they arrived.
        let batches = all_at_once(&batcher, 20).await;
        assert_eq!(batches, [vec![0], (1..20).collect::<Vec<_>>()]);
    }

    /// Runs `items` through `batcher` at once, each its own task; the batches done.
    async fn all_at_once(batcher: &Arc<Batcher<usize, usize>>, items: usize) -> Vec<Vec<usize>> {
        let batches = Arc::new(Mutex::new(Vec::<Vec<usize>>::new()));
        let tasks: Vec<_> = (0..items)
            .map(|n| {
                let (batcher, batches) = (Arc::clone(batcher), Arc::clone(&batches));
                tokio::spawn(async move {
                    let answer = batcher
                        .run(n, |items| {
                            let batches = Arc::clone(&batches);
                            async move {
                                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                                batches.lock().unwrap().push(items.clone());
                                items.into_iter().map(Ok).collect()
                            }
                        })
                        .await;
                    assert_eq!(answer.unwrap(), n);
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        Arc::try_unwrap(batches).unwrap().into_inner().unwrap()
    }

    #[tokio::test]
    async fn a_crowd_is_done_in_batches_of_at_most_the_limit_oldest_first() {
        let batcher: Arc<Batcher<usize, usize>> = Arc::default();
        let crowd = 2 * MOST_PER_BATCH + 200;
        let batches = all_at_once(&batcher, crowd).await;
        assert!(batches.iter().all(|b| b.len() <= MOST_PER_BATCH));
        let done: Vec<usize> = batches.concat();
        assert_eq!(done, (0..crowd).collect::<Vec<_>>(), "each once, in order");
    }

    #[tokio::test]
    async fn a_request_that_goes_away_before_its_turn_is_not_done() {
        let batcher: Arc<Batcher<usize, usize>> = Arc::default();
        let seen = Arc::new(Mutex::new(Vec::<usize>::new()));
        let run = |n: usize| {
            let (batcher, seen) = (Arc::clone(&batcher), Arc::clone(&seen));
            tokio::spawn(async move {
                batcher
                    .run(n, |items| {
                        let seen = Arc::clone(&seen);
                        async move {
                            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                            seen.lock().unwrap().extend(items.iter().copied());
                            items.into_iter().map(Ok).collect()
                        }
                    })
                    .await
            })
        };
        let first = run(1);
        let gone = run(2);
        // Both queue (the first does its batch, the second waits for the turn) ...
        tokio::task::yield_now().await;
        tokio::task::yield_now().await;
        // ... and the second's connection closes.
        gone.abort();
        assert_eq!(first.await.unwrap().unwrap(), 1);
        assert_eq!(run(3).await.unwrap().unwrap(), 3);
        assert_eq!(*seen.lock().unwrap(), [1, 3], "2 was never done");
    }

    #[test]
    fn keys_asked_for_do_not_grow_without_bound_but_busy_ones_stay() {
        let keyed: Keyed<usize, u8, u8> = Keyed::default();
        let busy = keyed.of(0);
        for key in 1..5 * KEYS_KEPT {
            keyed.of(key);
        }
        let held = keyed.batchers.lock().unwrap().len();
        assert!(held <= KEYS_KEPT, "{held} keys held");
        assert!(
            Arc::ptr_eq(&busy, &keyed.of(0)),
            "a batcher in use is never replaced"
        );
    }

    #[tokio::test]
    async fn an_item_the_work_did_not_answer_gets_an_error_not_a_hang() {
        let batcher: Arc<Batcher<u8, u8>> = Arc::default();
        let calls = AtomicUsize::new(0);
        let answer = batcher
            .run(1, |_| {
                calls.fetch_add(1, Ordering::SeqCst);
                async { Vec::new() }
            })
            .await;
        assert!(matches!(answer, Err(ServiceError::Internal(_))));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // The batcher still works afterwards.
        let next = batcher
            .run(
                2,
                |items| async move { items.into_iter().map(Ok).collect() },
            )
            .await;
        assert_eq!(next.unwrap(), 2);
    }
}
