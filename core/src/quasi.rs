//! `rust!`: quasi-quotation into Rust source text, with `quote!`'s syntax
//! (`#var`, `#(#items),*`, `#(#items)*`).
//!
//! The expansion is written as text and handed to the compiler's lexer
//! whole, as cache hits always were: building `proc_macro2` tokens one by
//! one cost about 100 ns a token (4.7 million of them for a 10,000-code
//! catalog), and inside rustc every token also crosses the proc-macro
//! bridge. Writing is a `push_str` per token. The macros below are
//! `quote`'s own `macro_rules!` design (a window of seven token positions
//! instead of recursion, the same repetition rules), writing text instead
//! of building tokens.
//!
//! Hygiene and spans are those of `quote!` at `Span::call_site()`, which is
//! what the generated items always had: text lexed by the compiler gets the
//! call site's span. Diagnostics that point into user code (`compile_error!`
//! at the catalog path) stay real tokens (see [`crate::cache::Output`]).
//!
//! Every token is followed by one space, so adjacent tokens never fuse.

use std::fmt::Write as _;

use proc_macro2::{Ident, Literal, TokenStream};

/// Rust source text: tokens, each followed by a space.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rust(String);

impl Rust {
    /// Empty text.
    pub fn new() -> Rust {
        Rust(String::new())
    }

    /// Empty text with room for `bytes`.
    pub fn with_capacity(bytes: usize) -> Rust {
        Rust(String::with_capacity(bytes))
    }

    /// Appends `tokens`, which must be whole tokens: the text of a token
    /// stream, or a token already spelled.
    fn push_verbatim(&mut self, tokens: &str) {
        self.0.push_str(tokens);
        self.0.push(' ');
    }

    /// Appends one token that `write` spells (a literal the caller builds
    /// in place), and its space.
    pub fn push_token_with(&mut self, write: impl FnOnce(&mut String)) {
        write(&mut self.0);
        self.0.push(' ');
    }

    /// Appends a single token spelled by `stringify!`, with its space.
    #[doc(hidden)]
    pub fn push_token(&mut self, token_and_space: &'static str) {
        self.0.push_str(token_and_space);
    }

    /// Appends `item`.
    pub fn extend(&mut self, item: impl ToRust) {
        item.to_rust(self);
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text lexed by `proc_macro2` (outside the compiler: tests, tools).
    /// Text written by `rust!` always lexes; a failure says why rather than
    /// panicking.
    pub fn to_token_stream(&self) -> TokenStream {
        self.0.parse().unwrap_or_else(|e| {
            let message = format!("errcat: internal error: generated code does not lex: {e}");
            quote::quote!(::core::compile_error!(#message);)
        })
    }
}

impl std::fmt::Display for Rust {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A value that `rust!` can interpolate: what `quote::ToTokens` is to
/// `quote!`, with the same meaning for each type (a `&str` is a string
/// literal, an integer a suffixed literal, an `Option` its value or
/// nothing).
pub trait ToRust {
    /// Appends this value's tokens.
    fn to_rust(&self, out: &mut Rust);

    /// How many bytes [`to_rust`](ToRust::to_rust) will write, when that is
    /// known and large: `rust!` reserves it, so that a template holding big
    /// texts is written without growing its buffer again and again.
    fn len_hint(&self) -> usize {
        0
    }
}

impl<T: ToRust + ?Sized> ToRust for &T {
    fn to_rust(&self, out: &mut Rust) {
        (**self).to_rust(out);
    }
    fn len_hint(&self) -> usize {
        (**self).len_hint()
    }
}

impl<T: ToRust + ?Sized> ToRust for Box<T> {
    fn to_rust(&self, out: &mut Rust) {
        (**self).to_rust(out);
    }
    fn len_hint(&self) -> usize {
        (**self).len_hint()
    }
}

impl<T: ToRust> ToRust for Option<T> {
    fn to_rust(&self, out: &mut Rust) {
        if let Some(t) = self {
            t.to_rust(out);
        }
    }
    fn len_hint(&self) -> usize {
        self.as_ref().map_or(0, T::len_hint)
    }
}

impl ToRust for Rust {
    fn to_rust(&self, out: &mut Rust) {
        out.0.push_str(&self.0);
    }
    fn len_hint(&self) -> usize {
        self.0.len()
    }
}

impl ToRust for Ident {
    fn to_rust(&self, out: &mut Rust) {
        // `Display` writes `r#` for raw identifiers.
        let _ = write!(out.0, "{self} ");
    }
}

impl ToRust for str {
    fn to_rust(&self, out: &mut Rust) {
        // Most texts need no escape and are written as they stand; `Debug`
        // of a `str` is a valid Rust string literal for the rest.
        let plain = self
            .bytes()
            .all(|b| b >= 0x20 && b != b'"' && b != b'\\' && b != 0x7f);
        if plain {
            out.0.reserve(self.len() + 3);
            out.0.push('"');
            out.0.push_str(self);
            out.0.push_str("\" ");
        } else {
            let _ = write!(out.0, "{self:?} ");
        }
    }
}

impl ToRust for String {
    fn to_rust(&self, out: &mut Rust) {
        self.as_str().to_rust(out);
    }
}

impl ToRust for bool {
    fn to_rust(&self, out: &mut Rust) {
        out.push_token(if *self { "true " } else { "false " });
    }
}

impl ToRust for char {
    fn to_rust(&self, out: &mut Rust) {
        let _ = write!(out.0, "{self:?} ");
    }
}

macro_rules! suffixed {
    ($($t:ident)*) => {$(
        impl ToRust for $t {
            fn to_rust(&self, out: &mut Rust) {
                let _ = write!(out.0, concat!("{}", stringify!($t), " "), self);
            }
        }
    )*};
}
suffixed!(u8 u16 u32 u64 usize i8 i16 i32 i64 isize);

impl ToRust for f64 {
    fn to_rust(&self, out: &mut Rust) {
        // `Literal` spells every finite value so that it reads back exactly
        // (and panics on the others, which no literal can spell).
        if self.is_finite() {
            out.push_verbatim(&Literal::f64_suffixed(*self).to_string());
        } else if self.is_nan() {
            out.push_token("<f64>::NAN ");
        } else if *self > 0.0 {
            out.push_token("<f64>::INFINITY ");
        } else {
            out.push_token("<f64>::NEG_INFINITY ");
        }
    }
}

/// Tokens made with `syn` or `quote` (the user's attributes, paths and
/// types), written as their text.
macro_rules! via_tokens {
    ($($t:ty)*) => {$(
        impl ToRust for $t {
            fn to_rust(&self, out: &mut Rust) {
                out.push_verbatim(&quote::ToTokens::to_token_stream(self).to_string());
            }
        }
    )*};
}
via_tokens!(TokenStream Literal syn::Visibility syn::Attribute syn::Path syn::Type syn::Generics);

/// What `rust!`'s repetitions use to tell iterated values from repeated
/// ones: `quote`'s `ext` module and `RepInterp`, unchanged in spirit.
#[doc(hidden)]
pub mod rep {
    use super::{Rust, ToRust};

    /// Whether a repetition has at least one iterated value.
    #[derive(Debug)]
    pub struct HasIterator<const B: bool>;

    macro_rules! or {
        ($($a:literal | $b:literal = $c:literal;)*) => {$(
            impl std::ops::BitOr<HasIterator<$b>> for HasIterator<$a> {
                type Output = HasIterator<$c>;
                fn bitor(self, _: HasIterator<$b>) -> HasIterator<$c> {
                    HasIterator
                }
            }
        )*};
    }
    or! {
        false | false = false;
        false | true = true;
        true | false = true;
        true | true = true;
    }

    /// Refuses, at compile time, a repetition with nothing to iterate
    /// (it would never end).
    #[diagnostic::on_unimplemented(
        message = "repetition contains no interpolated value that is an iterator"
    )]
    pub trait CheckHasIterator<const B: bool>: Sized {
        /// Compiles only for `HasIterator<true>`.
        fn check(self) {}
    }
    impl CheckHasIterator<true> for HasIterator<true> {}

    /// A value bound by one round of a repetition: repeated, not iterated,
    /// by a nested repetition.
    #[derive(Debug, Clone, Copy)]
    pub struct RepInterp<T>(pub T);

    impl<T> RepInterp<T> {
        /// Looks like `Iterator::next` for a name bound twice.
        #[allow(clippy::should_implement_trait)]
        pub fn next(self) -> Option<T> {
            Some(self.0)
        }
    }

    impl<T: ToRust> ToRust for RepInterp<T> {
        fn to_rust(&self, out: &mut Rust) {
            self.0.to_rust(out);
        }
    }

    /// `rust_into_iter` for iterators: iterated.
    pub trait RepIteratorExt: Iterator + Sized {
        /// The iterator itself.
        fn rust_into_iter(self) -> (Self, HasIterator<true>) {
            (self, HasIterator)
        }
    }
    impl<T: Iterator> RepIteratorExt for T {}

    /// `rust_into_iter` for single values: repeated.
    pub trait RepToRustExt {
        /// Pretends to be an iterator that never ends.
        fn next(&self) -> Option<&Self> {
            Some(self)
        }
        /// The value itself.
        fn rust_into_iter(&self) -> (&Self, HasIterator<false>) {
            (self, HasIterator)
        }
    }
    impl<T: ToRust + ?Sized> RepToRustExt for T {}

    /// `rust_into_iter` for collections: iterated by reference.
    pub trait RepAsIteratorExt<'q> {
        /// The iterator.
        type Iter: Iterator;
        /// Iterates by reference.
        fn rust_into_iter(&'q self) -> (Self::Iter, HasIterator<true>);
    }
    impl<'q, T: RepAsIteratorExt<'q> + ?Sized> RepAsIteratorExt<'q> for &T {
        type Iter = T::Iter;
        fn rust_into_iter(&'q self) -> (Self::Iter, HasIterator<true>) {
            <T as RepAsIteratorExt>::rust_into_iter(*self)
        }
    }
    impl<'q, T: 'q> RepAsIteratorExt<'q> for [T] {
        type Iter = std::slice::Iter<'q, T>;
        fn rust_into_iter(&'q self) -> (Self::Iter, HasIterator<true>) {
            (self.iter(), HasIterator)
        }
    }
    impl<'q, T: 'q, const N: usize> RepAsIteratorExt<'q> for [T; N] {
        type Iter = std::slice::Iter<'q, T>;
        fn rust_into_iter(&'q self) -> (Self::Iter, HasIterator<true>) {
            (self.iter(), HasIterator)
        }
    }
    impl<'q, T: 'q> RepAsIteratorExt<'q> for Vec<T> {
        type Iter = std::slice::Iter<'q, T>;
        fn rust_into_iter(&'q self) -> (Self::Iter, HasIterator<true>) {
            (self.iter(), HasIterator)
        }
    }
    impl<'q, T: RepAsIteratorExt<'q>> RepAsIteratorExt<'q> for RepInterp<T> {
        type Iter = T::Iter;
        fn rust_into_iter(&'q self) -> (Self::Iter, HasIterator<true>) {
            self.0.rust_into_iter()
        }
    }
}

/// Rust source text with `quote!`'s syntax: `rust!(impl #p::Trait for #ty {})`
/// returns a [`Rust`].
macro_rules! rust {
    () => {
        $crate::quasi::Rust::new()
    };
    ($($tt:tt)*) => {{
        // The template's own length and that of the texts it holds: the
        // buffer is then seldom grown.
        let mut _buf = $crate::quasi::Rust::with_capacity(
            stringify!($($tt)*).len() + 64 + $crate::quasi::rust_len_hint!($($tt)*),
        );
        {
            let _s = &mut _buf;
            $crate::quasi::rust_each_token!{_s $($tt)*}
        }
        _buf
    }};
}
pub(crate) use rust;

// The sum of `len_hint` over the template's `#var`s, in groups too, but
// not in repetitions (their values are iterators, read once). Each token
// is seen with the one before and after it.
macro_rules! rust_len_hint {
    ($($tts:tt)*) => {
        $crate::quasi::rust_len_hint_with_context!{
            (@ @ $($tts)*)
            (@ $(($tts))* @)
            ($($tts)* @ @)
        }
    };
}
pub(crate) use rust_len_hint;

macro_rules! rust_len_hint_with_context {
    (($($b1:tt)*) ($($curr:tt)*) ($($a1:tt)*)) => {
        0 $(+ $crate::quasi::rust_len_hint_token!{$b1 $curr $a1})*
    };
}
pub(crate) use rust_len_hint_with_context;

macro_rules! rust_len_hint_token {
    ($b1:tt @ $a1:tt) => { 0 };
    ($b1:tt (#) $var:ident) => { $crate::quasi::ToRust::len_hint(&$var) };
    (# (( $($inner:tt)* )) $a1:tt) => { 0 };
    ($b1:tt (( $($inner:tt)* )) $a1:tt) => { $crate::quasi::rust_len_hint!($($inner)*) };
    ($b1:tt ([ $($inner:tt)* ]) $a1:tt) => { $crate::quasi::rust_len_hint!($($inner)*) };
    ($b1:tt ({ $($inner:tt)* }) $a1:tt) => { $crate::quasi::rust_len_hint!($($inner)*) };
    ($b1:tt ($curr:tt) $a1:tt) => { 0 };
}
pub(crate) use rust_len_hint_token;

// Every token with the three before and after it, so that `#`, `#var` and
// `#(...) sep *` are recognised without recursing on the template's length.
macro_rules! rust_each_token {
    ($out:ident $($tts:tt)*) => {
        $crate::quasi::rust_tokens_with_context!{$out
            (@ @ @ @ @ @ $($tts)*)
            (@ @ @ @ @ $($tts)* @)
            (@ @ @ @ $($tts)* @ @)
            (@ @ @ $(($tts))* @ @ @)
            (@ @ $($tts)* @ @ @ @)
            (@ $($tts)* @ @ @ @ @)
            ($($tts)* @ @ @ @ @ @)
        }
    };
}
pub(crate) use rust_each_token;

macro_rules! rust_tokens_with_context {
    ($out:ident
        ($($b3:tt)*) ($($b2:tt)*) ($($b1:tt)*)
        ($($curr:tt)*)
        ($($a1:tt)*) ($($a2:tt)*) ($($a3:tt)*)
    ) => {
        $(
            $crate::quasi::rust_token_with_context!{$out $b3 $b2 $b1 $curr $a1 $a2 $a3}
        )*
    };
}
pub(crate) use rust_tokens_with_context;

macro_rules! rust_token_with_context {
    ($out:ident $b3:tt $b2:tt $b1:tt @ $a1:tt $a2:tt $a3:tt) => {};

    // `#(...)*`
    ($out:ident $b3:tt $b2:tt $b1:tt (#) ( $($inner:tt)* ) * $a3:tt) => {{
        #[allow(unused_imports)]
        use $crate::quasi::rep::{RepAsIteratorExt as _, RepIteratorExt as _, RepToRustExt as _};
        let has_iter = $crate::quasi::rep::HasIterator::<false>;
        $crate::quasi::rust_pounded_var_names!{rust_bind_into_iter!(has_iter) () $($inner)*}
        <_ as $crate::quasi::rep::CheckHasIterator<true>>::check(has_iter);
        loop {
            $crate::quasi::rust_pounded_var_names!{rust_bind_next_or_break!() () $($inner)*}
            $crate::quasi::rust_each_token!{$out $($inner)*}
        }
    }};
    ($out:ident $b3:tt $b2:tt # (( $($inner:tt)* )) * $a2:tt $a3:tt) => {};
    ($out:ident $b3:tt # ( $($inner:tt)* ) (*) $a1:tt $a2:tt $a3:tt) => {};

    // `#(...) sep *`
    ($out:ident $b3:tt $b2:tt $b1:tt (#) ( $($inner:tt)* ) $sep:tt *) => {{
        #[allow(unused_imports)]
        use $crate::quasi::rep::{RepAsIteratorExt as _, RepIteratorExt as _, RepToRustExt as _};
        let mut _first = true;
        let has_iter = $crate::quasi::rep::HasIterator::<false>;
        $crate::quasi::rust_pounded_var_names!{rust_bind_into_iter!(has_iter) () $($inner)*}
        <_ as $crate::quasi::rep::CheckHasIterator<true>>::check(has_iter);
        loop {
            $crate::quasi::rust_pounded_var_names!{rust_bind_next_or_break!() () $($inner)*}
            if !_first {
                $crate::quasi::rust_token!{$sep $out}
            }
            _first = false;
            $crate::quasi::rust_each_token!{$out $($inner)*}
        }
    }};
    ($out:ident $b3:tt $b2:tt # (( $($inner:tt)* )) $sep:tt * $a3:tt) => {};
    ($out:ident $b3:tt # ( $($inner:tt)* ) ($sep:tt) * $a2:tt $a3:tt) => {};
    ($out:ident # ( $($inner:tt)* ) * (*) $a1:tt $a2:tt $a3:tt) => {
        $crate::quasi::rust_token!{* $out}
    };
    ($out:ident # ( $($inner:tt)* ) $sep:tt (*) $a1:tt $a2:tt $a3:tt) => {};

    // `#var`
    ($out:ident $b3:tt $b2:tt $b1:tt (#) $var:ident $a2:tt $a3:tt) => {
        $crate::quasi::ToRust::to_rust(&$var, $out);
    };
    ($out:ident $b3:tt $b2:tt # ($var:ident) $a1:tt $a2:tt $a3:tt) => {};

    ($out:ident $b3:tt $b2:tt $b1:tt ($curr:tt) $a1:tt $a2:tt $a3:tt) => {
        $crate::quasi::rust_token!{$curr $out}
    };
}
pub(crate) use rust_token_with_context;

// One token: a group is written around its contents, anything else as
// `stringify!` spells it.
macro_rules! rust_token {
    (( $($inner:tt)* ) $out:ident) => {
        $out.push_token("( ");
        $crate::quasi::rust_each_token!{$out $($inner)*}
        $out.push_token(") ");
    };
    ([ $($inner:tt)* ] $out:ident) => {
        $out.push_token("[ ");
        $crate::quasi::rust_each_token!{$out $($inner)*}
        $out.push_token("] ");
    };
    ({ $($inner:tt)* } $out:ident) => {
        $out.push_token("{ ");
        $crate::quasi::rust_each_token!{$out $($inner)*}
        $out.push_token("} ");
    };
    ($tt:tt $out:ident) => {
        $out.push_token(concat!(stringify!($tt), " "));
    };
}
pub(crate) use rust_token;

// The names of every `#var` in a repetition, each passed to `$call`.
macro_rules! rust_pounded_var_names {
    ($call:ident! $extra:tt $($tts:tt)*) => {
        $crate::quasi::rust_pounded_var_names_with_context!{$call! $extra
            (@ $($tts)*)
            ($($tts)* @)
        }
    };
}
pub(crate) use rust_pounded_var_names;

macro_rules! rust_pounded_var_names_with_context {
    ($call:ident! $extra:tt ($($b1:tt)*) ($($curr:tt)*)) => {
        $(
            $crate::quasi::rust_pounded_var_with_context!{$call! $extra $b1 $curr}
        )*
    };
}
pub(crate) use rust_pounded_var_names_with_context;

macro_rules! rust_pounded_var_with_context {
    ($call:ident! $extra:tt $b1:tt ( $($inner:tt)* )) => {
        $crate::quasi::rust_pounded_var_names!{$call! $extra $($inner)*}
    };
    ($call:ident! $extra:tt $b1:tt [ $($inner:tt)* ]) => {
        $crate::quasi::rust_pounded_var_names!{$call! $extra $($inner)*}
    };
    ($call:ident! $extra:tt $b1:tt { $($inner:tt)* }) => {
        $crate::quasi::rust_pounded_var_names!{$call! $extra $($inner)*}
    };
    ($call:ident!($($extra:tt)*) # $var:ident) => {
        $crate::quasi::$call!($($extra)* $var);
    };
    ($call:ident! $extra:tt $b1:tt $curr:tt) => {};
}
pub(crate) use rust_pounded_var_with_context;

macro_rules! rust_bind_into_iter {
    ($has_iter:ident $var:ident) => {
        #[allow(unused_mut)]
        let (mut $var, i) = $var.rust_into_iter();
        let $has_iter = $has_iter | i;
    };
}
pub(crate) use rust_bind_into_iter;

macro_rules! rust_bind_next_or_break {
    ($var:ident) => {
        let $var = match $var.next() {
            Some(_x) => $crate::quasi::rep::RepInterp(_x),
            None => break,
        };
    };
}
pub(crate) use rust_bind_next_or_break;

#[cfg(test)]
#[path = "quasi_tests.rs"]
mod tests;
