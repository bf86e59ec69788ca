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

impl<T: Send + 'static, R: Send + 'static> Batcher<T, R> {
    /// Does `item` with whatever else is waiting: whoever gets the turn hands all waiting
    /// items to `work`, which answers each, in order. What became of `item`.
    pub async fn run<F, Fut>(&self, item: T, work: F) -> ServiceResult<R>
    where
        F: FnOnce(Vec<T>) -> Fut,
        Fut: Future<Output = Vec<ServiceResult<R>>> + Send + 'static,
    {
        let slot: Slot<R> = Arc::default();
        self.waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((item, Arc::clone(&slot)));
        // Whoever does a batch fills its slots before giving up the turn, so once we have
        // the turn our item is either done or still waiting (and then we do it).
        let turn = Arc::clone(&self.turn).lock_owned().await;
        if let Some(done) = take(&slot) {
            return done;
        }
        let batch =
            std::mem::take(&mut *self.waiting.lock().unwrap_or_else(PoisonError::into_inner));
        if batch.is_empty() {
            // Only after a batch that ended without answering (a panic): ours went with it.
            return Err(ServiceError::Internal(anyhow::anyhow!(
                "the batch that held this request failed"
            )));
        }
        let (items, slots): (Vec<T>, Vec<Slot<R>>) = batch.into_iter().unzip();
        let working = work(items);
        let doing = tokio::spawn(async move {
            let results = working.await;
            for (slot, result) in slots.iter().zip(results) {
                *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
            }
            drop(turn);
        });
        if let Err(error) = doing.await {
            return Err(ServiceError::Internal(anyhow::anyhow!(
                "a batch failed: {error}"
            )));
        }
        take(&slot).unwrap_or_else(|| {
            Err(ServiceError::Internal(anyhow::anyhow!(
                "the batch done did not answer this request"
            )))
        })
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

    /// How many keys are held.
    pub fn len(&self) -> usize {
        self.batchers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether no key is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn requests_arriving_during_a_batch_are_done_together_in_order() {
        let batcher: Arc<Batcher<usize, usize>> = Arc::default();
        let batches = Arc::new(Mutex::new(Vec::<Vec<usize>>::new()));
        let mut answers = Vec::new();
        for n in 0..20 {
            let (batcher, batches) = (Arc::clone(&batcher), Arc::clone(&batches));
            answers.push(tokio::spawn(async move {
                batcher
                    .run(n, |items| async move {
                        // Slow enough that the others queue up behind the first batch.
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                        batches.lock().unwrap().push(items.clone());
                        items.into_iter().map(|i| Ok(i * 10)).collect()
                    })
                    .await
            }));
        }
        for (n, answer) in answers.into_iter().enumerate() {
            assert_eq!(
                answer.await.unwrap().unwrap(),
                n * 10,
                "each gets its own answer"
            );
        }
        // The first arrives alone and is done at once; the 19 that came while it was at
        // work are done in one batch, in the order they arrived.
        let batches = batches.lock().unwrap();
        assert_eq!(*batches, [vec![0], (1..20).collect::<Vec<_>>()]);
    }

    #[test]
    fn keys_asked_for_do_not_grow_without_bound_but_busy_ones_stay() {
        let keyed: Keyed<usize, u8, u8> = Keyed::default();
        let busy = keyed.of(0);
        for key in 1..5 * KEYS_KEPT {
            keyed.of(key);
        }
        assert!(keyed.len() <= KEYS_KEPT, "{} keys held", keyed.len());
        assert!(
            Arc::ptr_eq(&busy, &keyed.of(0)),
            "a batcher in use is never replaced"
        );
    }

    #[tokio::test]
    async fn an_item_the_work_did_not_answer_gets_an_error_not_a_hang() {
        let batcher: Batcher<u8, u8> = Batcher::default();
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
