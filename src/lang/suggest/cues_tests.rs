use super::*;

/// The (cue, source, claim) texts of every attribution found in `text`.
fn found(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let piece = |r: &Range<usize>| text[r.clone()].to_owned();
    find_attributions(text)
        .iter()
        .map(|a| {
            (
                piece(&a.cue),
                a.source.as_ref().map(piece),
                a.claim.as_ref().map(piece),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, Option<String>, Option<String>) {
    let all = found(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.into_iter().next().unwrap_or_default()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn verb_before_its_subject_with_inna() {
    let (cue, source, claim) = one("قال وزير الزراعة خالد العمري إن إنتاج القمح تراجع هذا الموسم.");
    assert_eq!(cue, "قال");
    assert_eq!(source, some("وزير الزراعة خالد العمري"));
    assert_eq!(claim, some("إنتاج القمح تراجع هذا الموسم"));
}

#[test]
fn subject_before_the_verb() {
    let (_, source, claim) = one("المسؤول قال إن المفاوضات متوقفة.");
    assert_eq!(source, some("المسؤول"));
    assert_eq!(claim, some("المفاوضات متوقفة"));
}

#[test]
fn feminine_and_plural_forms_with_waw_and_fa() {
    let (cue, source, claim) = one("وقالت الوزارة إن الأسعار ارتفعت.");
    assert_eq!(
        (cue.as_str(), source, claim),
        ("وقالت", some("الوزارة"), some("الأسعار ارتفعت"))
    );
    let (cue, source, _) = one("فقالوا إن الطريق مغلق.");
    assert_eq!((cue.as_str(), source), ("فقالوا", None));
    let (cue, source, _) = one("وأكد مسؤولون أمريكيون أن القوات باقية.");
    assert_eq!((cue.as_str(), source), ("وأكد", some("مسؤولون أمريكيون")));
    let (cue, source, _) = one("يقولون إن الحرب انتهت.");
    assert_eq!((cue.as_str(), source), ("يقولون", None));
}

#[test]
fn folding_matches_shadda_and_bare_alef() {
    for cue in ["أكّد", "اكد", "أكد"] {
        let text = format!("{cue} المتحدث أن الاتفاق صامد.");
        let (_, source, claim) = one(&text);
        assert_eq!(source, some("المتحدث"), "{text}");
        assert_eq!(claim, some("الاتفاق صامد"), "{text}");
    }
}

#[test]
fn cue_without_subject_proposes_the_claim_only() {
    let (_, source, claim) = one("وأضاف أن حكومة النيجر تحاول إجبار القوات على الانسحاب.");
    assert_eq!(source, None);
    assert_eq!(claim, some("حكومة النيجر تحاول إجبار القوات على الانسحاب"));
}

#[test]
fn pronoun_forms_of_anna_and_linking_prepositions() {
    let (_, source, claim) = one("وقال المسؤول إنه لا يزال هناك أمل.");
    assert_eq!((source, claim), (some("المسؤول"), some("لا يزال هناك أمل")));
    let (_, source, claim) = one("وحذر اتحاد المزارعين من أن الأسوأ لم يأت بعد.");
    assert_eq!(
        (source, claim),
        (some("اتحاد المزارعين"), some("الأسوأ لم يأت بعد"))
    );
    let (_, source, claim) = one("وأشار التقرير إلى أن الأمطار قليلة.");
    assert_eq!((source, claim), (some("التقرير"), some("الأمطار قليلة")));
}

#[test]
fn quotation_after_a_colon_to_its_closing_mark() {
    let (_, source, claim) =
        one("وأضاف الوزير في مؤتمر صحفي: \"لن نسمح بارتفاع سعر الخبز\". ثم غادر القاعة.");
    assert_eq!(source, some("الوزير في مؤتمر صحفي"));
    assert_eq!(claim, some("لن نسمح بارتفاع سعر الخبز"));
    let (_, _, claim) = one("وقالت الإذاعة: «سيكون مجالنا الجوي محميًا. نحن مستعدون» وانتهى البث.");
    assert_eq!(claim, some("سيكون مجالنا الجوي محميًا. نحن مستعدون"));
    let (_, _, claim) = one("وقال المحلل: “إن الوصول جزء من الجهود”.");
    assert_eq!(claim, some("الوصول جزء من الجهود"));
}

#[test]
fn quotation_before_the_verb() {
    let (_, source, claim) = one("«لن نتراجع»، قال المتحدث باسم الجيش.");
    assert_eq!(
        (source, claim),
        (some("المتحدث باسم الجيش"), some("لن نتراجع"))
    );
}

#[test]
fn time_expressions_end_the_source() {
    let (_, source, _) = one("قال الوزير يوم الأحد إن الموسم سيئ.");
    assert_eq!(source, some("الوزير"));
}

#[test]
fn a_parenthetical_clause_between_source_and_marker() {
    let text = "وقال مسؤول أميركي كبير، تحدث شريطة عدم الكشف عن هويته، إن واشنطن تبحث خيارات.";
    let (_, source, claim) = one(text);
    assert_eq!(
        (source, claim),
        (some("مسؤول أميركي كبير"), some("واشنطن تبحث خيارات"))
    );
}

#[test]
fn prepositions_of_attribution() {
    let (cue, source, claim) = one("وبحسب بيانات البنك الدولي، ارتفعت أسعار الحبوب بنسبة 18٪.");
    assert_eq!(cue, "وبحسب");
    assert_eq!(source, some("بيانات البنك الدولي"));
    assert_eq!(claim, some("ارتفعت أسعار الحبوب بنسبة 18٪"));
    let (cue, source, claim) = one("ارتفعت الأسعار، وفقًا لوزارة الصحة.");
    assert_eq!(cue, "وفقًا");
    assert_eq!(source, some("وزارة الصحة"));
    assert_eq!(claim, some("ارتفعت الأسعار"));
    let (_, source, _) = one("الهدنة صامدة وفقا لـ مصادر دبلوماسية.");
    assert_eq!(source, some("مصادر دبلوماسية"));
    let (cue, source, claim) = one("نقلًا عن مصادر أمنية، قتل ثلاثة جنود.");
    assert_eq!(cue, "نقلًا عن");
    assert_eq!(
        (source, claim),
        (some("مصادر أمنية"), some("قتل ثلاثة جنود"))
    );
    let (_, source, _) = one("الخسائر كبيرة على لسان قائد الشرطة.");
    assert_eq!(source, some("قائد الشرطة"));
}

#[test]
fn english_cues() {
    let (cue, source, claim) = one("The minister said that prices would fall.");
    assert_eq!(cue, "said");
    assert_eq!(
        (source, claim),
        (some("The minister"), some("prices would fall"))
    );
    let (_, source, claim) = one("According to the World Bank, prices rose by 18%.");
    assert_eq!(
        (source, claim),
        (some("the World Bank"), some("prices rose by 18%"))
    );
}

#[test]
fn a_verb_without_a_claim_proposes_nothing() {
    assert!(found("كانت واشنطن تعتبر النيجر شريكا رئيسيا.").is_empty());
    assert!(found("ذكر الكتاب في الصفحة الأولى").is_empty());
}

#[test]
fn a_claim_never_crosses_a_paragraph_break() {
    let (_, _, claim) = one("قال الوزير إن الموسم سيئ\nوالأمطار قليلة.");
    assert_eq!(claim, some("الموسم سيئ"));
    let (_, _, claim) = one("قال الوزير: «الموسم سيئ\nوالأمطار» قليلة.");
    assert_eq!(claim, some("الموسم سيئ"));
}

#[test]
fn ranges_are_on_character_boundaries_with_harakat() {
    let text = "قالَ المتحدثُ إنَّ الاتفاقَ صامدٌ.";
    for a in find_attributions(text) {
        for r in [Some(a.cue), a.source, a.claim].into_iter().flatten() {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    let (_, source, claim) = one(text);
    assert_eq!((source, claim), (some("المتحدثُ"), some("الاتفاقَ صامدٌ")));
}

#[test]
fn one_long_line_without_sentence_end_is_handled() {
    let text = "قال المسؤول إن الوضع هادئ، ".repeat(2000);
    let all = find_attributions(&text);
    assert_eq!(all.len(), 2000);
}

#[test]
fn headline_source_colon_claim() {
    let (cue, source, claim) =
        one("وزارة الزراعة: موسم القمح يتراجع 12٪ بسبب الجفاف\n\nنص المقال هنا.");
    assert_eq!(cue, ":");
    assert_eq!(
        (source, claim),
        (
            some("وزارة الزراعة"),
            some("موسم القمح يتراجع 12٪ بسبب الجفاف")
        )
    );
    // Not in running text, nor after a long phrase.
    assert!(found("ذهبنا إلى السوق واشترينا ما يلي: خبز وماء.").is_empty());
}

#[test]
fn a_claim_stops_at_the_next_cue_of_its_sentence() {
    let text = "ارتفعت الأسعار بنسبة 18٪، فيما حذّر الاتحاد من أن الأسوأ لم يأت.";
    let all = found(text);
    assert_eq!(all.len(), 1, "{all:?}");
    let text = "قال الوزير إن الموسم سيئ، وأضاف أن الأمطار قليلة.";
    let claims: Vec<Option<String>> = found(text).into_iter().map(|a| a.2).collect();
    assert_eq!(claims, vec![some("الموسم سيئ"), some("الأمطار قليلة")]);
}
