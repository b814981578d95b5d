//! Import refuses every bad file with a message that says what is wrong: one file per case in
//! `fixtures/import/bad-*.json`, its expected message beside it in `bad-*.expected.txt`
//! (written when missing or with `UPDATE_EXPECT=1`).

use std::path::{Path, PathBuf};

use comeback_core::story::{parse_import, Bank, ImportError, Story, MAX_IMPORT_BYTES};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn expect_file(path: &Path, actual: &str) {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    match std::fs::read_to_string(path) {
        Ok(expected) if !update => assert_eq!(
            expected.trim_end(),
            actual.trim_end(),
            "{} differs; rerun with UPDATE_EXPECT=1 to accept",
            path.display()
        ),
        _ => std::fs::write(path, format!("{}\n", actual.trim_end())).unwrap(),
    }
}

#[test]
fn every_bad_file_is_refused_with_its_message() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("bad-") && name.ends_with(".json")
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "only {} bad files", names.len());
    for path in names {
        let bytes = std::fs::read(&path).unwrap();
        let err = match parse_import(&bytes) {
            Ok(data) => panic!("{} was accepted: {:?}", path.display(), data.bank),
            Err(e) => e,
        };
        expect_file(&path.with_extension("expected.txt"), &err.message());
    }
}

#[test]
fn exact_errors_for_the_main_cases() {
    let read = |name: &str| parse_import(&std::fs::read(dir().join(name)).unwrap()).unwrap_err();
    assert_eq!(read("bad-empty.json"), ImportError::Empty);
    assert!(matches!(
        read("bad-truncated.json"),
        ImportError::NotJson {
            truncated: true,
            line: 5,
            ..
        }
    ));
    assert!(matches!(
        read("bad-newer-version.json"),
        ImportError::NewerVersion { found: 9 }
    ));
    assert!(read("bad-newer-version.json")
        .message()
        .contains("made by a newer version of Comeback (schema 9); this version reads up to 4"));
    assert!(read("bad-steps-not-list.json")
        .message()
        .contains("story 2 (\"Server fire\"): field `steps` should be a list"));
    assert!(matches!(
        read("bad-not-utf8.json"),
        ImportError::NotUtf8 { .. }
    ));
    assert!(
        matches!(read("bad-duplicate-ids.json"), ImportError::DuplicateId { ref id, .. } if id == "same")
    );
}

#[test]
fn too_large_is_refused_before_reading() {
    let mut big = vec![b' '; MAX_IMPORT_BYTES + 1];
    big[0] = b'{';
    assert!(matches!(
        parse_import(&big),
        Err(ImportError::TooLarge { .. })
    ));
    assert!(parse_import(&big).unwrap_err().message().contains("5 MB"));
}

#[test]
fn absurd_sizes_are_refused() {
    let many: Vec<String> = (0..1001).map(|i| format!("{{\"id\":\"s{i}\"}}")).collect();
    let json = format!(
        "{{\"schema_version\":3,\"app\":\"comeback\",\"stories\":[{}]}}",
        many.join(",")
    );
    assert!(matches!(
        parse_import(json.as_bytes()),
        Err(ImportError::TooManyStories { count: 1001 })
    ));

    let long = "a".repeat(1024 * 1024 + 1);
    let json = format!("{{\"schema_version\":3,\"app\":\"comeback\",\"stories\":[{{\"id\":\"a\",\"title\":\"Big\",\"context\":\"{long}\"}}]}}");
    let err = parse_import(json.as_bytes()).unwrap_err();
    assert!(matches!(err, ImportError::TooLong { .. }), "{err:?}");
    assert!(
        err.message()
            .contains("story 1 (\"Big\"): field `context` is 1.0 MB long"),
        "{}",
        err.message()
    );
}

#[test]
fn byte_order_mark_and_odd_text_are_fine() {
    let mut story = Story::new("x", 5.0);
    story.title = "שלום 👋 \u{202e}reversed".to_string();
    story.context = "a\u{0}b\u{7}c\r\n".repeat(1000);
    let json = Bank::with_stories(vec![story.clone()]).to_json();
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(json.as_bytes());
    assert_eq!(parse_import(&bytes).unwrap().bank.stories, vec![story]);
}

#[test]
fn non_finite_times_never_make_an_unreadable_file() {
    let mut story = Story::new("x", f64::NAN);
    story.updated_ms = f64::INFINITY;
    let json = story.to_json();
    let back = parse_import(json.as_bytes()).unwrap().bank.stories;
    assert_eq!(back[0].created_ms, 0.0);
    assert_eq!(back[0].updated_ms, 0.0);
}

#[test]
fn json_nested_past_the_limit_is_called_too_deep_not_invalid() {
    // Valid JSON, 10,000 levels deep: the reader stops at its limit, and says so.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let err = parse_import(deep.as_bytes()).unwrap_err();
    assert!(matches!(err, ImportError::TooDeep { .. }), "{err:?}");
    let m = err.message();
    assert!(m.contains("nested more than 128 levels deep"), "{m}");
    assert!(!m.contains("not valid JSON"), "{m}");
    // Broken JSON is still called broken.
    assert!(matches!(
        parse_import(b"{\"a\": [1, 2,, 3]}").unwrap_err(),
        ImportError::NotJson { .. }
    ));
}

#[test]
fn a_saved_value_is_never_called_a_file() {
    let cases: Vec<ImportError> = vec![
        parse_import(b"{\"schema_version\": 3, \"stories\": [").unwrap_err(),
        parse_import(b"{\"schema_version\": 3, \"stories\": [}").unwrap_err(),
        parse_import(b"[1, 2]").unwrap_err(),
        parse_import(b"{\"schema_version\": 9, \"stories\": []}").unwrap_err(),
        parse_import(format!("{}{}", "[".repeat(500), "]".repeat(500)).as_bytes()).unwrap_err(),
        parse_import(&std::fs::read(dir().join("bad-steps-not-list.json")).unwrap()).unwrap_err(),
        ImportError::Empty,
    ];
    for e in cases {
        let r = e.saved_value_reason();
        assert!(r.starts_with("the saved copy"), "{r}");
        for word in ["file", "import", "File", "Import"] {
            assert!(!r.contains(word), "{word:?} in {r:?}");
        }
    }
    let cut = parse_import(b"{\"schema_version\": 3, \"stories\": [").unwrap_err();
    assert!(cut.saved_value_reason().contains("cut off"));
}
