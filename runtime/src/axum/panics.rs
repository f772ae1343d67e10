//! Handler panics caught, and the panic hook kept quiet for them.

use super::*;

/// A future that turns a panic while polling into an `Err`.
pub(super) struct CatchUnwind<F>(pub(super) Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match catching(|| inner.poll(cx)) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

thread_local! {
    /// How many layers on this thread are running a handler under
    /// `catch_unwind` (for [`quiet_panic_hook`]).
    static CATCHING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// `f` under `catch_unwind`, marked as caught for [`quiet_panic_hook`].
pub(super) fn catching<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get().saturating_sub(1)));
    result
}

/// Keeps Rust's panic hook quiet for the panics [`ErrorLayer`] catches:
/// the layer answers them with the internal error and logs their message
/// in its event (`source="handler panicked: …"`), so the hook's own
/// message and backtrace on stderr would say it twice. Panics anywhere
/// else (a spawned task, the server itself) still go to the hook that was
/// installed before. Call it once, at startup.
pub fn quiet_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.with(std::cell::Cell::get) == 0 {
            previous(info);
        }
    }));
}

pub(super) fn panic_message(panic: &(dyn Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        String::new()
    }
}
