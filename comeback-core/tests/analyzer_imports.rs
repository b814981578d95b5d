//! The analyzer's modules import each other down the pipeline only: text, then per-sentence
//! features, then parts, then verdicts and red flags, then the report. This test reads the source
//! of `src/analyzer/`, builds the graph of module imports (`use super::x`, `super::super::x`,
//! `crate::analyzer::x`, a child module named from its parent) and fails on any cycle, printing
//! it, and on any import that points up the pipeline (see the stage table below and
//! ARCHITECTURE.md). Test code (`#[cfg(test)]` items) is left out: a test may call the public API.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stage of every module, in pipeline order; a module may import only modules of an earlier
/// stage, or of its own stage when the stage says so. A new module must be placed here (and in
/// ARCHITECTURE.md's map).
const STAGES: &[(&str, &[&str], bool)] = &[
    // (stage, modules, whether modules of this stage may import each other)
    ("text", &["text"], false),
    (
        "the embedding",
        &["embed", "embed::table", "embed::wordpiece", "embed::tests"],
        true,
    ),
    (
        "vocabulary and output types",
        &[
            "lexicon",
            "lexicon::lists",
            "lexicon::phrases",
            "report",
            "rules",
        ],
        true,
    ),
    (
        "words and sentences",
        &["sentences", "token_cache", "roles"],
        false,
    ),
    ("the document", &["doc"], false),
    (
        "per-sentence features",
        &[
            "figures",
            "scan_cache",
            "features",
            "features::acts",
            "features::cues",
            "features::negation",
            "features::outside",
            "features::slips",
            "features::subject",
            "features::tense",
        ],
        true,
    ),
    ("reading", &["read"], false),
    ("parts", &["split"], false),
    ("whose failure it is", &["owner"], false),
    (
        "verdicts and red flags",
        &[
            "numbers",
            "recovery",
            "results",
            "growth",
            "prose",
            "redflags",
            "redflags::blame",
            "redflags::choice",
            "redflags::competency",
            "redflags::competency::named",
            "redflags::competency::overrun",
            "redflags::competency::shortcut",
            "redflags::competency::task",
            "redflags::conflict",
            "redflags::judgment",
            "jobfit",
        ],
        false,
    ),
    ("report", &["interviewer", "engine"], true),
    ("API", &["analyzer"], false),
];

/// Verdict modules of one directory may share helpers: `redflags/mod.rs` collects the flags from
/// its children, which never import it back (the cycle check guards that).
fn same_family(a: &str, b: &str) -> bool {
    let root = |m: &str| m.split("::").next().unwrap_or(m).to_string();
    root(a) == root(b)
}

fn analyzer_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analyzer")
}

/// Every module of the analyzer, by path below `analyzer` ("analyzer" itself, "redflags",
/// "redflags::choice"), with its source file.
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("the analyzer's source directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            let name = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            let path = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}::{name}")
            };
            if p.is_dir() {
                out.insert(path.clone(), p.join("mod.rs"));
                walk(&p, &path, out);
            } else if p.extension().is_some_and(|x| x == "rs") && name != "mod" {
                out.insert(path, p);
            }
        }
    }
    let mut out = BTreeMap::new();
    out.insert("analyzer".to_string(), analyzer_dir().join("mod.rs"));
    walk(&analyzer_dir(), "", &mut out);
    out
}

/// The source without comments, string and char literals (each replaced by a space), so that
/// paths and braces are read only from code.
fn strip(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
            out.push(' ');
            continue;
        }
        // Raw strings: r"..." and r#"..."#.
        if c == 'r' && (next == Some('"') || next == Some('#')) {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&'"') {
                j += 1;
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == '"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push(' ');
                i = j;
                continue;
            }
        }
        if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(' ');
            continue;
        }
        // A char literal ('x', '\n', '\u{2019}'), not a lifetime ('a).
        if c == '\'' {
            let close = if next == Some('\\') {
                (i + 2..b.len().min(i + 12)).find(|&j| b[j] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            if let Some(j) = close {
                out.push(' ');
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The code with every `#[cfg(test)]` item taken out (a `mod tests { ... }`, a `use`, a `fn`).
fn without_tests(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at + "#[cfg(test)]".len()..];
        // The item ends at its first `;` when that comes before any `{`, else at the brace that
        // closes its first `{`.
        let semi = item.find(';');
        let brace = item.find('{');
        let end = match (semi, brace) {
            (Some(s), Some(b)) if s < b => s + 1,
            (Some(s), None) => s + 1,
            (_, Some(b)) => {
                let mut depth = 0;
                let mut end = item.len();
                for (k, ch) in item[b..].char_indices() {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (None, None) => item.len(),
        };
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths that start at `at` in `code` (just past a `::`): one, or several for a `{...}` group,
/// each as its list of segments.
fn paths_at(code: &str, at: usize) -> Vec<Vec<String>> {
    let rest = code[at..].trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        // The top-level items of the group.
        let mut depth = 0;
        let mut items = Vec::new();
        let mut cur = String::new();
        for ch in group.chars() {
            match ch {
                '{' => {
                    depth += 1;
                    cur.push(ch);
                }
                '}' if depth == 0 => break,
                '}' => {
                    depth -= 1;
                    cur.push(ch);
                }
                ',' if depth == 0 => items.push(std::mem::take(&mut cur)),
                _ => cur.push(ch),
            }
        }
        items.push(cur);
        return items
            .iter()
            .filter(|i| !i.trim().is_empty())
            .flat_map(|i| {
                let i = i.trim();
                let head: String = i.chars().take_while(|&c| is_ident(c)).collect();
                let tail = &i[head.len()..];
                if let Some(more) = tail.trim_start().strip_prefix("::") {
                    let base = head.clone();
                    paths_at(more, 0)
                        .into_iter()
                        .map(|mut p| {
                            p.insert(0, base.clone());
                            p
                        })
                        .collect::<Vec<_>>()
                } else {
                    vec![vec![head]]
                }
            })
            .collect();
    }
    let mut segs = Vec::new();
    let mut r = rest;
    loop {
        let head: String = r.chars().take_while(|&c| is_ident(c)).collect();
        if head.is_empty() {
            if r.starts_with('{') {
                // `a::b::{c, d}`
                return paths_at(r, 0)
                    .into_iter()
                    .map(|p| segs.iter().cloned().chain(p).collect())
                    .collect();
            }
            break;
        }
        segs.push(head.clone());
        r = &r[head.len()..];
        match r.strip_prefix("::") {
            Some(more) => r = more,
            None => break,
        }
    }
    vec![segs]
}

/// The module a path names from module `from`: the deepest module it reaches, or the module whose
/// item it names. `None` for paths outside the analyzer.
fn resolve(
    from: &str,
    base: &[String],
    segs: &[String],
    mods: &BTreeMap<String, PathBuf>,
) -> Option<String> {
    let mut cur: Vec<String> = base.to_vec();
    let full = |v: &[String]| {
        if v.is_empty() {
            "analyzer".to_string()
        } else {
            v.join("::")
        }
    };
    for s in segs {
        if s == "self" {
            continue;
        }
        if s == "super" {
            cur.pop()?;
            continue;
        }
        let mut next = cur.clone();
        next.push(s.clone());
        if mods.contains_key(&full(&next)) {
            cur = next;
        } else {
            break;
        }
    }
    let to = full(&cur);
    (to != from).then_some(to)
}

/// The modules each module imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, file) in &mods {
        let src = std::fs::read_to_string(file).expect("an analyzer source file");
        let code = without_tests(&strip(&src));
        // The module's own path below `analyzer`, as segments.
        let me: Vec<String> = if name == "analyzer" {
            Vec::new()
        } else {
            name.split("::").map(String::from).collect()
        };
        // Children declared here (`mod x;`) may be named directly (`x::f`, `use x::{...}`).
        let children: Vec<String> = mods
            .keys()
            .filter(|m| {
                let parent = m.rsplit_once("::").map_or("analyzer", |(p, _)| p);
                parent == name && *m != name
            })
            .map(|m| m.rsplit("::").next().unwrap_or(m).to_string())
            .collect();
        let out = edges.entry(name.clone()).or_default();
        let chars: Vec<(usize, char)> = code.char_indices().collect();
        for (k, &(i, _)) in chars.iter().enumerate() {
            // Only at the start of a path: not inside an identifier or after `::`.
            let prev = k.checked_sub(1).map(|p| chars[p].1);
            if prev.is_some_and(|p| is_ident(p) || p == ':') {
                continue;
            }
            let rest = &code[i..];
            let (base, after): (Vec<String>, usize) = if rest.starts_with("super::") {
                (me.clone(), i)
            } else if rest.starts_with("crate::analyzer::") {
                (Vec::new(), i + "crate::analyzer::".len())
            } else if rest.starts_with("self::") {
                (me.clone(), i + "self::".len())
            } else if let Some(c) = children
                .iter()
                .find(|c| rest.starts_with(&format!("{c}::")))
            {
                let _ = c;
                (me.clone(), i)
            } else {
                continue;
            };
            for segs in paths_at(&code, after) {
                if let Some(to) = resolve(name, &base, &segs, &mods) {
                    out.insert(to);
                }
            }
        }
    }
    edges
}

/// A cycle in the graph, as the list of modules around it, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|s| s == m).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(n, edges, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

fn show(edges: &BTreeMap<String, BTreeSet<String>>) -> String {
    edges
        .iter()
        .map(|(m, to)| {
            format!(
                "  {m} -> {}",
                to.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_graph_sees_the_imports() {
    // The reader must find what it is meant to find, or the checks below prove nothing.
    // `cargo test --test analyzer_imports -- --nocapture` prints the map.
    let edges = graph();
    println!("{}", show(&edges));
    let has = |a: &str, b: &str| edges.get(a).is_some_and(|t| t.contains(b));
    assert!(has("engine", "read"), "{}", show(&edges));
    assert!(has("redflags", "redflags::competency"), "{}", show(&edges));
    assert!(
        has("redflags::choice", "features::outside"),
        "{}",
        show(&edges)
    );
    assert!(has("split", "features::acts"), "{}", show(&edges));
    assert!(has("analyzer", "engine"), "{}", show(&edges));
    // Each form of path, on made-up code: groups, nested groups, chains of `super`, paths inside
    // expressions; never inside a string, a comment or a test.
    let code = without_tests(&strip(
        "use super::{doc::{Doc, Sent}, lexicon};\n// super::commented\nfn f() { super::super::x::g(); \"super::quoted\"; }\n#[cfg(test)]\nmod tests { use crate::analyzer::engine; }",
    ));
    assert!(
        !code.contains("engine") && !code.contains("quoted") && !code.contains("commented"),
        "{code}"
    );
    let first = code.find("super::").unwrap_or(0) + "super::".len();
    let group = paths_at(&code, first);
    assert_eq!(
        group,
        [vec!["doc", "Doc"], vec!["doc", "Sent"], vec!["lexicon"]],
        "{code}"
    );
    let chain = code.rfind("super::super").unwrap_or(0);
    assert_eq!(paths_at(&code, chain), [vec!["super", "super", "x", "g"]]);
}

#[test]
fn the_analyzer_modules_form_no_import_loop() {
    let edges = graph();
    if let Some(cycle) = find_cycle(&edges) {
        panic!(
            "the analyzer's modules import each other in a loop:\n  {}\n\nall imports:\n{}",
            cycle.join(" -> "),
            show(&edges)
        );
    }
}

#[test]
fn imports_point_down_the_pipeline() {
    let edges = graph();
    let stage_of = |m: &str| STAGES.iter().position(|(_, mods, _)| mods.contains(&m));
    let mut wrong = Vec::new();
    for m in modules().keys() {
        if stage_of(m).is_none() {
            wrong.push(format!(
                "{m} has no stage: add it to STAGES in tests/analyzer_imports.rs and to ARCHITECTURE.md"
            ));
        }
    }
    for (from, tos) in &edges {
        let Some(a) = stage_of(from) else { continue };
        for to in tos {
            let Some(b) = stage_of(to) else { continue };
            let within = a == b && (STAGES[a].2 || same_family(from, to));
            if b > a || (a == b && !within) {
                wrong.push(format!(
                    "{from} ({}) imports {to} ({})",
                    STAGES[a].0, STAGES[b].0
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up the pipeline:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn features_never_read_a_sentences_part() {
    // Parts are given from the features, after them: a feature that read a part would depend on
    // the order sentences are classified in.
    for (name, file) in modules() {
        if !name.starts_with("features") {
            continue;
        }
        let src = std::fs::read_to_string(&file).expect("an analyzer source file");
        let code = without_tests(&strip(&src));
        assert!(
            !code.contains("AnswerPart") && !code.contains(".part"),
            "{name} reads a sentence's part"
        );
    }
}
