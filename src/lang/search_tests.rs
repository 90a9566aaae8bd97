use super::*;

fn plain() -> SearchOptions {
    SearchOptions::default()
}

/// The original text of every hit of `query` in `text`.
fn hits<'a>(text: &'a str, query: &str, options: SearchOptions) -> Vec<&'a str> {
    Query::new(query, options)
        .expect("valid query")
        .find(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn the_forms_of_a_word_are_found_by_default() {
    let text = "أكد الوزير، ثم أكّد الناطق، واكد المتحدث";
    for query in ["اكد", "أكد", "أكّد", "أَكَّدَ"] {
        assert_eq!(hits(text, query, plain()), ["أكد", "أكّد", "اكد"], "{query}");
    }
    assert_eq!(
        hits("الحكـــومة والحكومة", "الحكومة", plain()),
        ["الحكـــومة", "الحكومة"]
    );
    assert_eq!(
        hits("إلى مستشفى المدينة", "الي مستشفي المدينه", plain()),
        ["إلى مستشفى المدينة"]
    );
    assert_eq!(
        hits("عام ١٩٤٨ و۱۹۴۸ و1948", "1948", plain()),
        ["١٩٤٨", "۱۹۴۸", "1948"]
    );
    assert_eq!(hits("عام ١٩٤٨", "١٩٤٨", plain()), ["١٩٤٨"]);
    assert_eq!(
        hits("Reuters REUTERS reuters", "ReUters", plain()),
        ["Reuters", "REUTERS", "reuters"]
    );
}

#[test]
fn each_switch_keeps_its_difference() {
    let text = "أكد أكّد اكد";
    let diacritics = SearchOptions {
        fold: FoldOptions {
            match_diacritics: true,
            ..FoldOptions::default()
        },
        ..plain()
    };
    assert_eq!(hits(text, "أكّد", diacritics), ["أكّد"]);
    let hamza = SearchOptions {
        fold: FoldOptions {
            match_hamza: true,
            ..FoldOptions::default()
        },
        ..plain()
    };
    assert_eq!(hits(text, "اكد", hamza), ["اكد"]);
    let case = SearchOptions {
        fold: FoldOptions {
            match_case: true,
            ..FoldOptions::default()
        },
        ..plain()
    };
    assert_eq!(hits("Reuters reuters", "reuters", case), ["reuters"]);
}

#[test]
fn a_hit_is_any_substring_unless_whole_word() {
    let text = "قال المجلس إن والمجلس، ثم المجلسَ.";
    assert_eq!(
        hits(text, "المجلس", plain()),
        ["المجلس", "المجلس", "المجلسَ"]
    );
    let whole = SearchOptions {
        whole_word: true,
        ..plain()
    };
    assert_eq!(hits(text, "المجلس", whole), ["المجلس", "المجلسَ"]);
    let start = text.rfind("المجلسَ").expect("last");
    let found = Query::new("المجلس", whole).expect("query").find(text);
    assert_eq!(found.last(), Some(&(start..start + "المجلسَ".len())));
    // Several words, and punctuation as a word edge.
    assert_eq!(
        hits("قال الوزير: «نعم»", "قال الوزير", whole),
        ["قال الوزير"]
    );
    assert_eq!(hits("انتهى.بدأ", "بدا", whole), ["بدأ"]);
    assert!(hits("وقال", "قال", whole).is_empty());
    assert!(hits("U.S", "U", whole).is_empty());
}

#[test]
fn regex_runs_over_the_folded_text() {
    let regex = SearchOptions {
        regex: true,
        ..plain()
    };
    let text = "قال الوزير وأكّد الناطق عام ١٩٤٨";
    assert_eq!(hits(text, "قال|اكد", regex), ["قال", "أكّد"]);
    assert_eq!(hits(text, "أكد|قال", regex), ["قال", "أكّد"]);
    assert_eq!(hits(text, r"\d{4}", regex), ["١٩٤٨"]);
    // Case is matched case-insensitively, so escapes keep their meaning.
    assert_eq!(hits("REUTERS 1ب", "reuters", regex), ["REUTERS"]);
    assert_eq!(hits("REUTERS 1ب", r"\d\D", regex), ["1ب"]);
    // Empty matches are skipped.
    assert!(hits("قال", "x*", regex).is_empty());
    let whole_regex = SearchOptions {
        whole_word: true,
        ..regex
    };
    assert_eq!(hits("والمجلس المجلس", "ال\\w+", whole_regex), ["المجلس"]);
}

#[test]
fn patterns_that_backtrack_exponentially_elsewhere_run_in_linear_time() {
    let regex = SearchOptions {
        regex: true,
        ..plain()
    };
    let text = "ا".repeat(20_000);
    assert!(hits(&text, "(ا*)*ب", regex).is_empty());
    assert!(hits(&text, "(ا|اا)+ب", regex).is_empty());
}

#[test]
fn bad_queries_are_typed_errors_with_clear_messages() {
    assert_eq!(Query::new("", plain()).err(), Some(QueryError::Empty));
    for only_marks in ["\u{064E}", "ـــ", "\u{0651}\u{064E}\u{0640}"] {
        assert_eq!(
            Query::new(only_marks, plain()).err(),
            Some(QueryError::FoldsToNothing),
            "{only_marks:?}"
        );
    }
    let diacritics = SearchOptions {
        fold: FoldOptions {
            match_diacritics: true,
            ..FoldOptions::default()
        },
        ..plain()
    };
    assert!(Query::new("\u{064E}", diacritics).is_ok());
    let regex = SearchOptions {
        regex: true,
        ..plain()
    };
    let Some(QueryError::InvalidRegex(message)) = Query::new("(قال", regex).err() else {
        panic!("an unclosed group is an invalid regex");
    };
    assert!(message.contains("unclosed group"), "{message}");
    let shown = QueryError::InvalidRegex(message).to_string();
    assert!(shown.starts_with("invalid regular expression: "), "{shown}");
    assert!(
        QueryError::FoldsToNothing
            .to_string()
            .contains("match diacritics")
    );
    // A regex that folds to nothing, and a plain query with regex syntax in it.
    assert_eq!(
        Query::new("ـ", regex).err(),
        Some(QueryError::FoldsToNothing)
    );
    assert_eq!(hits("(قال", "(قال", plain()), ["(قال"]);
}

#[test]
fn a_folded_text_is_reused_between_queries() {
    let text = "قالَ الوزير إن الوفد وصل";
    let folded = FoldedText::new(text, FoldOptions::default());
    for query in ["ق", "قا", "قال"] {
        let found = Query::new(query, plain())
            .expect("query")
            .find_folded(&folded, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start, 0);
    }
}
