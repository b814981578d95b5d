//! A text cut into runs at the byte spans of what the coach noticed, so that a preview can show
//! the user's own words with those words highlighted (as text, never as HTML).

/// The text split into plain runs (`None`) and highlighted runs (`Some(tag)`), in order,
/// covering it exactly. Spans are byte offsets; an empty, reversed or out-of-range span, or one
/// that does not fall on a character boundary, is ignored, and overlapping spans are merged
/// into the first (the text is never cut twice).
pub fn runs<T: Copy>(text: &str, spans: &[(usize, usize, T)]) -> Vec<(String, Option<T>)> {
    let mut spans: Vec<(usize, usize, T)> = spans
        .iter()
        .copied()
        .filter(|(s, e, _)| {
            s < e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e)
        })
        .collect();
    spans.sort_by_key(|(s, _, _)| *s);
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e, tag) in spans {
        let s = s.max(at);
        if s >= e {
            continue;
        }
        if s > at {
            out.push((text[at..s].to_string(), None));
        }
        out.push((text[s..e].to_string(), Some(tag)));
        at = e;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::runs;

    fn shown(text: &str, spans: &[(usize, usize, char)]) -> String {
        runs(text, spans)
            .into_iter()
            .map(|(t, tag)| match tag {
                Some(c) => format!("[{c}:{t}]"),
                None => t,
            })
            .collect()
    }

    #[test]
    fn plain_and_highlighted_runs_cover_the_text() {
        assert_eq!(
            shown("We lost many orders", &[(8, 12, 'w')]),
            "We lost [w:many] orders"
        );
        assert_eq!(shown("abc", &[]), "abc");
        assert_eq!(shown("", &[(0, 1, 'x')]), "");
        assert_eq!(
            shown("abcdef", &[(4, 6, 'b'), (0, 2, 'a')]),
            "[a:ab]cd[b:ef]"
        );
    }

    #[test]
    fn bad_spans_are_ignored_and_overlaps_merged() {
        // Past the end, reversed, empty.
        assert_eq!(
            shown("abc", &[(1, 9, 'x'), (2, 1, 'x'), (1, 1, 'x')]),
            "abc"
        );
        // Inside a character: "é" is two bytes.
        assert_eq!(shown("é!", &[(1, 3, 'x')]), "é!");
        // The second span starts inside the first: only its rest is highlighted.
        assert_eq!(
            shown("abcdef", &[(0, 3, 'a'), (2, 5, 'b')]),
            "[a:abc][b:de]f"
        );
        assert_eq!(shown("abcdef", &[(0, 4, 'a'), (1, 3, 'b')]), "[a:abcd]ef");
    }
}
