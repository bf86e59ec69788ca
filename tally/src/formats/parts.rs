//! Cutting a file held in memory into parts of whole rows (line ends outside quoted
//! fields), for reading the parts in parallel.

/// A run of whole rows of a file and the line it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    /// The rows' bytes.
    pub bytes: &'a [u8],
    /// The line of the first row, from 1.
    pub first_line: u64,
}

/// Runs `read` on every part (of a file, or of any work), each on a thread of its own, and
/// returns the results in the parts' order. Where threads cannot be started (wasm), the parts
/// are read one after the other; a thread that panicked (a bug) gives `failed()`.
pub(crate) fn in_parallel<P: Sync, T: Send>(
    parts: &[P],
    read: impl Fn(&P) -> T + Sync,
    failed: impl Fn() -> T,
) -> Vec<T> {
    std::thread::scope(|scope| {
        let read = &read;
        let spawned: Vec<_> = parts
            .iter()
            .map(|part| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || read(part))
                    .map_err(|_| part)
            })
            .collect();
        spawned
            .into_iter()
            .map(|handle| match handle {
                Ok(handle) => handle.join().unwrap_or_else(|_| failed()),
                Err(part) => read(part),
            })
            .collect()
    })
}

/// Cuts `body` (starting on `line`) into about equal parts at line ends outside quotes.
pub(crate) fn cut(body: &[u8], line: u64, parts: usize) -> Vec<Part<'_>> {
    // `memchr` (vectorised) rather than a byte loop: these two scans of the whole file run
    // before any thread starts.
    let quoted = memchr::memchr(b'"', body).is_some();
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut line) = (0, line);
    for k in 1..parts {
        let want = body.len().checked_div(parts).unwrap_or(0).saturating_mul(k);
        if want <= start {
            continue;
        }
        let end = if quoted {
            row_end_outside_quotes(body, start, want)
        } else {
            body.get(want..)
                .and_then(|rest| rest.iter().position(|b| *b == b'\n'))
                .map(|at| want.saturating_add(at).saturating_add(1))
        };
        let Some(end) = end else { break };
        let part = body.get(start..end).unwrap_or_default();
        out.push(Part {
            bytes: part,
            first_line: line,
        });
        let lines = memchr::memchr_iter(b'\n', part).count();
        line = line.saturating_add(u64::try_from(lines).unwrap_or(u64::MAX));
        start = end;
    }
    out.push(Part {
        bytes: body.get(start..).unwrap_or_default(),
        first_line: line,
    });
    out
}

/// The end (after its line break) of the first row ending at or after `want`, counting
/// quotes from `start` (a row start, so outside quotes).
fn row_end_outside_quotes(body: &[u8], start: usize, want: usize) -> Option<usize> {
    let mut open = false;
    for (i, &b) in body.iter().enumerate().skip(start) {
        match b {
            b'"' => open = !open,
            b'\n' if !open && i >= want => return Some(i.saturating_add(1)),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_end_on_line_ends_outside_quotes_and_know_their_first_line() {
        let body = b"1,a\n2,\"b\nc\"\n3,d\n4,e\n";
        for parts in 1..6 {
            let cut = cut(body, 2, parts);
            let joined: Vec<u8> = cut.iter().flat_map(|p| p.bytes.iter().copied()).collect();
            assert_eq!(joined, body, "{parts}");
            let mut offset = 0;
            for Part {
                bytes: part,
                first_line: line,
            } in &cut
            {
                let lines_before = body[..offset].iter().filter(|b| **b == b'\n').count();
                assert_eq!(*line, 2 + u64::try_from(lines_before).unwrap());
                offset += part.len();
                if part.is_empty() {
                    continue;
                }
                assert!(part.ends_with(b"\n"));
                assert_eq!(part.iter().filter(|b| **b == b'"').count() % 2, 0);
            }
        }
    }
}
