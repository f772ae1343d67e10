//! Tests of `quasi`, beside it.
use super::*;
use proc_macro2::Span;

fn same(text: Rust, tokens: TokenStream) {
    assert_eq!(text.to_token_stream().to_string(), tokens.to_string());
}

#[test]
fn plain_tokens_groups_and_joint_punctuation_read_back_as_quote_writes_them() {
    same(
        rust!(impl<'a> ::core::fmt::Debug for X<'a> { fn f(&self) -> Vec<Vec<u8>> { a..=b; x >>= 1; #[doc = "d"] } }),
        quote::quote!(impl<'a> ::core::fmt::Debug for X<'a> { fn f(&self) -> Vec<Vec<u8>> { a..=b; x >>= 1; #[doc = "d"] } }),
    );
}

#[test]
fn interpolations_mean_what_they_mean_to_quote() {
    let id = Ident::new("Name", Span::call_site());
    let raw = Ident::new_raw("type", Span::call_site());
    let s = "a \"quoted\"\n\\ text\u{7f}é";
    let n = 404u16;
    let big = -7i64;
    let f = 0.1f64;
    let yes = true;
    let none: Option<Ident> = None;
    let some = Some(id.clone());
    same(
        rust!(#id #raw #s #n #big #f #yes #none #some),
        quote::quote!(#id #raw #s #n #big #f #yes #none #some),
    );
}

#[test]
fn every_f64_is_an_expression_of_its_value() {
    for x in [0.1, -2.5, 1e300, f64::INFINITY, f64::NEG_INFINITY] {
        let expr = rust!(#x).to_token_stream().to_string().replace(' ', "");
        let want = match x {
            f64::INFINITY => "<f64>::INFINITY".to_string(),
            f64::NEG_INFINITY => "<f64>::NEG_INFINITY".to_string(),
            _ => quote::quote!(#x).to_string().replace(' ', ""),
        };
        assert_eq!(expr, want);
    }
    let nan = f64::NAN;
    assert_eq!(rust!(#nan).as_str(), "<f64>::NAN ");
}

#[test]
fn string_literals_read_back_as_the_same_text() {
    let texts = [
        "plain",
        "",
        "é, 日本, \u{200b} and \u{301}",
        "quote \" and backslash \\",
        "new\nline, tab\t, cr\r, nul\0, del\u{7f}",
    ];
    for text in texts {
        let lit: syn::LitStr = syn::parse2(rust!(#text).to_token_stream()).unwrap();
        assert_eq!(lit.value(), text);
    }
}

#[test]
fn repetitions_iterate_lists_and_repeat_single_values() {
    let xs = vec![
        Ident::new("a", Span::call_site()),
        Ident::new("b", Span::call_site()),
    ];
    let ys = ["x", "y"];
    let p = Ident::new("p", Span::call_site());
    let nested = vec![vec![1u8, 2], vec![3]];
    same(
        rust!(#(#p::#xs = #ys),*; #(#xs)* ; #( [#(#nested),*] )*),
        quote::quote!(#(#p::#xs = #ys),*; #(#xs)* ; #( [#(#nested),*] )*),
    );
    let empty: Vec<Ident> = Vec::new();
    same(rust!(f(#(#empty),*)), quote::quote!(f()));
}

#[test]
fn text_and_tokens_interpolate_as_they_stand() {
    let inner = rust!(a + b);
    let tokens = quote::quote!(c * d);
    let ty: syn::Type = syn::parse_quote!(Vec<String>);
    let mut out = rust!(#inner - #tokens : #ty);
    out.extend(rust!(; done));
    same(out, quote::quote!(a + b - c * d : Vec<String> ; done));
}
