//! Constructing and serializing an error with a static message into a
//! reused buffer makes no heap allocation: a counting global allocator
//! proves it, counting only this test's own thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use errcat::Timestamp;
use errcat_tests::hook0::Hook0Error;

struct Counting;

thread_local! {
    // Per thread: the test harness's other threads allocate at any time.
    // A const-initialized `Cell` needs no allocation of its own.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    // `try_with`: a thread being torn down has no counter any more.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter has no effect on the memory handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn construct_and_serialize_without_allocating() {
    let ts: Timestamp = "2024-01-15T10:30:00Z".parse().unwrap();
    let mut buf = Vec::with_capacity(4096);
    // Warm up once (lazy statics, if any), then count.
    serde_json::to_writer(&mut buf, &Hook0Error::invalid_token().envelope()).unwrap();
    let before = allocations();
    for _ in 0..100 {
        buf.clear();
        let e = Hook0Error::payload_too_large(1_048_576u64, 2_097_152u64);
        serde_json::to_writer(&mut buf, &e.envelope().request_id("req_1").timestamp(ts)).unwrap();
        buf.clear();
        let e = Hook0Error::token_expired(ts);
        serde_json::to_writer(&mut buf, &e.envelope()).unwrap();
        buf.clear();
        let e = Hook0Error::invalid_token();
        serde_json::to_writer(&mut buf, &e).unwrap();
    }
    let after = allocations();
    assert_eq!(
        after - before,
        0,
        "allocations while constructing and serializing"
    );
    assert!(String::from_utf8_lossy(&buf).contains("INVALID_TOKEN"));
}
