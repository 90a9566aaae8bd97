//! HTML extraction on hand-made Arabic news pages (tests/html/): the headline, the article's
//! paragraphs exactly, the canonical URL and publication date, and nothing of the page's chrome
//! (navigation, search, share buttons, comments, related links, sidebars, footers, scripts).
//! Also loading `.html`/`.htm` files (declared Windows-1256) and hostile input.

use std::path::Path;

use isnad::io::article::{ArticleError, article_from_bytes, load_article};
use isnad::io::html::{HtmlArticle, extract};

fn page(name: &str) -> String {
    let path = format!("{}/tests/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn paragraphs(article: &HtmlArticle) -> Vec<&str> {
    article.text.split("\n\n").collect()
}

/// None of `chrome` appears in the text.
fn assert_no_chrome(article: &HtmlArticle, chrome: &[&str]) {
    for piece in chrome {
        assert!(
            !article.text.contains(piece),
            "chrome {piece:?} left in:\n{}",
            article.text
        );
    }
}

const PORTAL_TITLE: &str = "البرلمان يقرّ موازنة العام المقبل بعد جلسة ماراثونية";

#[test]
fn news_portal_article_without_chrome() {
    let article = extract(&page("news-portal.html"));
    assert_eq!(article.title.as_deref(), Some(PORTAL_TITLE));
    assert_eq!(
        paragraphs(&article),
        [
            "عمّان – أقرّ مجلس النواب، مساء الثلاثاء، مشروع قانون الموازنة العامة للعام المقبل بأغلبية 78 صوتاً من أصل 120، بعد جلسة ماراثونية استمرت أكثر من عشر ساعات.",
            "وقـــال رئيس اللجنة المالية في المجلس إن \"الموازنة تعكس أولويات المرحلة\"، مضيفاً أن العجز المتوقع سيبلغ 5.1% من الناتج المحلي الإجمالي، وهو أدنى مستوى له منذ ست سنوات.",
            "وأوضح أن الحكومة التزمت بخفض النفقات الجارية بنسبة 3% مقابل زيادة الإنفاق الرأسمالي على مشاريع البنية التحتية والطاقة المتجدّدة\u{200c}، وفق بيان وزارة المالية.",
            "انتقادات المعارضة",
            "في المقابل، انتقد نواب المعارضة ما وصفوه بـ«غياب الشفافية» في بنود الإنفاق، مؤكدين أن الموازنة «لا تلبّي تطلعات المواطنين» في ظل ارتفاع الأسعار.",
            "«لقد صوّتنا ضدّ موازنةٍ تُحمِّلُ الطبقة الوسطى كلفة الإصلاح»، قال النائب خالد العمري في كلمته أمام المجلس.",
            "وتتضمّن الموازنة، بحسب \u{200f}الوثيقة\u{200f} التي اطّلعت عليها الشبكة، مخصّصات إضافية لقطاعي الصحة والتعليم، إلى جانب برنامج دعم نقدي للأسر الأشدّ فقراً يشمل نحو 220 ألف أسرة.",
            "ومن المقرر أن يُحال القانون إلى مجلس الأعيان لإقراره قبل رفعه إلى الملك للمصادقة عليه خلال الأسبوعين المقبلين.",
        ]
    );
    // og:url (there is no canonical link); the date from JSON-LD's @graph.
    assert_eq!(
        article.meta.get("url").map(String::as_str),
        Some("https://news.example.com/ar/economy/2024/03/12/budget-vote")
    );
    assert_eq!(
        article.meta.get("published").map(String::as_str),
        Some("2024-03-12T18:40:00+03:00")
    );
    assert_eq!(article.meta.len(), 2);
    assert_no_chrome(
        &article,
        &[
            "انتقل إلى المحتوى",
            "تسجيل الدخول",
            "الرئيسية",
            "ابحث",
            "بحث",
            "عاجل",
            "انقطاع الكهرباء",
            "سارة الخطيب",
            "فيسبوك",
            "واتساب",
            "نسخ الرابط",
            "رويترز",
            "اقرأ أيضاً",
            "صندوق النقد",
            "12 مشاركة",
            "إعلان",
            "الوسوم",
            "مواضيع ذات صلة",
            "خفض الدين العام",
            "التعليقات",
            "أبو أحمد",
            "موازنة لا تختلف",
            "العبرة في التنفيذ",
            "أضف تعليقك",
            "لن يتم نشر",
            "اكتب تعليقك",
            "الأكثر قراءة",
            "أسعار الذهب",
            "النشرة البريدية",
            "اشترك",
            "جميع الحقوق",
            "تابعنا",
            "نص داخل سكربت",
            "نص من الأنماط",
            "dataLayer",
            "document",
        ],
    );
}

#[test]
fn page_chrome_of_the_niger_article_is_dropped() {
    let article = extract(&page("niger.html"));
    assert_eq!(
        article.title.as_deref(),
        Some("ترسل روسيا مدربين عسكريين ونظام دفاع جوي إلى النيجر لطرد الولايات المتحدة")
    );
    let found = paragraphs(&article);
    assert_eq!(found.len(), 7, "{}", article.text);
    assert_eq!(found[0], "نيامي");
    assert!(found[1].starts_with("وصل مدربون عسكريون روس"));
    assert!(found[6].ends_with("في بوركينا فاسو وحدها العام الماضي."));
    // Every paragraph is a line of the article as it was copied from the page by hand (the page
    // here keeps seven of them, one cut at a sentence end).
    let corpus = format!(
        "{}/../shared/corpus/niger-article.ar.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    if let Ok(corpus) = std::fs::read_to_string(corpus) {
        for paragraph in &found {
            assert!(
                corpus.lines().any(|line| line.starts_with(paragraph)),
                "not in the article: {paragraph}"
            );
        }
    }
    // The canonical link wins over og:url; article:published_time.
    assert_eq!(
        article.meta.get("url").map(String::as_str),
        Some("https://khaleej.example.ae/ar/world/russia-niger-trainers/")
    );
    assert_eq!(
        article.meta.get("published").map(String::as_str),
        Some("2024-04-12T08:15:22+00:00")
    );
    assert_no_chrome(
        &article,
        &[
            "Connect with us",
            "Hi, what are you looking for?",
            "اخر الاخبار",
            "الخليج",
            "دولي",
            "فنون وثقافة",
            "منذ 6 أشهر",
            "مشاهدة",
            "فيسبوك",
            "تويتر",
            "شارك",
            "مساحة إعلانية",
            "اضف تعليقك",
            "اترك تعليقك",
            "لن يتم نشر عنوان بريدك الإلكتروني",
            "الحقول الإلزامية",
            "مقالات ذات صلة",
            "واشنطن ــ",
            "القنصلية الهندية",
            "الفاشر",
            "نتنياهو",
            "IIFA",
            "حقوق النشر",
            "لا توجد نتائج",
        ],
    );
}

const LEGACY_TITLE: &str = "وزير الزراعة: موسم القمح الأفضل منذ عشرين عاماً";

fn legacy_paragraphs() -> [&'static str; 5] {
    [
        "الاثنين 15 يناير 2024",
        "أعلن وزير الزراعة، اليوم الاثنين، أن إنتاج القمح هذا الموسم تجاوز مليوني طن للمرة الأولى منذ عشرين عاماً، بفضل الأمطار الغزيرة وتوسيع المساحات المزروعة في السهول الشرقية.",
        "وقال الوزير في مؤتمر صحفي إن الحكومة ستشتري المحصول من المزارعين بسعر تشجيعي، مشيراً إلى أن المخزون الاستراتيجي \"يكفي لأكثر من عام\".",
        "وأضاف أن الوزارة تعمل على إنشاء صوامع جديدة في ثلاث محافظات\nلتقليل الفاقد الذي يقدَّر بنحو 8% من المحصول سنوياً.",
        "من جهته، رحّب اتحاد الفلاحين بالقرار، لكنه طالب بصرف المستحقات المتأخرة عن الموسم الماضي قبل بدء الحصاد.",
    ]
}

#[test]
fn table_layout_page_split_by_line_breaks() {
    let article = extract(&page("legacy-table.html"));
    // No <h1>, no og:title: <title> without the paper's name.
    assert_eq!(article.title.as_deref(), Some(LEGACY_TITLE));
    assert_eq!(paragraphs(&article), legacy_paragraphs());
    assert!(article.meta.is_empty(), "{:?}", article.meta);
    assert_no_chrome(
        &article,
        &[
            "الرئيسية",
            "محليات",
            "الأرشيف",
            "اقرأ أيضا",
            "أسعار الأعلاف",
            "سد الوادي",
            "طباعة",
            "أرسل لصديق",
            "الأكثر قراءة",
            "معرض الكتاب",
            "جميع الحقوق",
            "openWin",
            "VIEWSTATE",
            "wEPDw",
        ],
    );
}

#[test]
fn inline_markup_joins_and_blocks_split() {
    let html = "<html><body><nav><a href='/'>الرئيسية</a></nav><article>\
        <h1>عنوان  الخبر</h1>\
        <p>قال   <b>الوزير</b> <a href='/x'>أحمد</a><span>&nbsp;العلي</span>، في تصريح صحفي،\n إن الحكومة ستعلن القرار غداً.</p>\
        <h3>تفاصيل</h3>\
        <ul><li>البند الأول من الاتفاق يتعلق بالأجور، ويشمل القطاع العام.</li><li>البند الثاني يتعلق بالضرائب.</li></ul>\
        <blockquote>نص مقتبس من البيان الرسمي للوزارة.</blockquote>\
        <div>فقرة أولى في قسم.<br><br>فقرة ثانية بعد سطرين.</div>\
        <p>&#1575;&#x644;&#1606;&#1589; &amp; &lt;رموز&gt; &hellip; &unknown; x</p>\
        </article></body></html>";
    let article = extract(html);
    assert_eq!(article.title.as_deref(), Some("عنوان الخبر"));
    assert_eq!(
        paragraphs(&article),
        [
            "قال الوزير أحمد العلي، في تصريح صحفي، إن الحكومة ستعلن القرار غداً.",
            "تفاصيل",
            "البند الأول من الاتفاق يتعلق بالأجور، ويشمل القطاع العام.",
            "البند الثاني يتعلق بالضرائب.",
            "نص مقتبس من البيان الرسمي للوزارة.",
            "فقرة أولى في قسم.",
            "فقرة ثانية بعد سطرين.",
            "النص & <رموز> … &unknown; x",
        ]
    );
    assert!(article.meta.is_empty());
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write page");
    path
}

#[test]
fn html_files_load_as_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let portal = load_article(&write(
        dir.path(),
        "budget.html",
        page("news-portal.html").as_bytes(),
    ))
    .expect("html loads");
    assert_eq!(portal.title, PORTAL_TITLE);
    assert_eq!(portal.encoding, "UTF-8");
    assert!(portal.text.starts_with("عمّان – أقرّ مجلس النواب"));
    assert!(!portal.text.contains('<'));
    assert_eq!(
        portal.meta.get("published").map(String::as_str),
        Some("2024-03-12T18:40:00+03:00")
    );

    // A Windows-1256 page: read in the encoding its <meta> declares.
    let legacy_page = page("legacy-table.html");
    let (legacy, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&legacy_page);
    assert!(!unmappable);
    let article = load_article(&write(dir.path(), "wheat.HTM", &legacy)).expect("htm loads");
    assert_eq!(article.encoding, "windows-1256");
    assert_eq!(article.title, LEGACY_TITLE);
    assert_eq!(article.text, legacy_paragraphs().join("\n\n"));

    // Content that clearly is a page is extracted whatever the file is called.
    let saved = article_from_bytes(
        page("niger.html").as_bytes(),
        Some(Path::new("saved page.txt")),
    )
    .expect("page named .txt");
    assert!(saved.text.starts_with("نيامي\n\nوصل مدربون"));
    assert!(saved.meta.contains_key("url"));
    // ... and text that merely mentions tags stays text.
    let plain = "قال الوزير إن وسم <p> لا يعني شيئاً هنا.";
    let text = article_from_bytes(plain.as_bytes(), Some(Path::new("note.txt"))).expect("text");
    assert_eq!(text.text, plain);
    assert_eq!(text.title, "note");

    // A page with no article text is empty; a page with no title is named after its file.
    let empty = load_article(&write(
        dir.path(),
        "home.html",
        page("no-article.html").as_bytes(),
    ));
    assert!(
        matches!(empty, Err(ArticleError::Empty { .. })),
        "{empty:?}"
    );
    let untitled = article_from_bytes(
        "<p>وقال المتحدث باسم الحكومة إن الاجتماع سيعقد الأسبوع المقبل في العاصمة.</p>".as_bytes(),
        Some(Path::new("بيان.htm")),
    )
    .expect("untitled page");
    assert_eq!(untitled.title, "بيان");
}

#[test]
fn hostile_pages_neither_panic_nor_hang() {
    let started = std::time::Instant::now();
    let body = "<p>وقال المتحدث باسم الحكومة إن الاجتماع سيعقد، في موعده المحدد، الأسبوع المقبل.</p>";
    // Deep nesting, closed and unclosed.
    let deep = format!(
        "{}{body}{}",
        "<div>".repeat(200_000),
        "</div>".repeat(200_000)
    );
    assert!(extract(&deep).text.contains("وقال المتحدث"));
    let unclosed = format!("{}{body}", "<div><span><b>".repeat(100_000));
    assert!(extract(&unclosed).text.contains("وقال المتحدث"));
    // Stray end tags, unclosed <p>s, a huge page (about 24 MB).
    let stray = format!("{body}{}", "</div></p></li></table>".repeat(200_000));
    assert!(extract(&stray).text.contains("وقال المتحدث"));
    let unclosed_paragraphs = "<p>وقال المتحدث إن الاجتماع سيعقد، في موعده".repeat(100_000);
    assert_eq!(
        extract(&unclosed_paragraphs).text.matches("\n\n").count(),
        99_999
    );
    let huge = body.repeat(150_000);
    assert!(huge.len() > 20_000_000);
    assert_eq!(extract(&huge).text.matches("\n\n").count(), 149_999);
    // Broken tags, NUL bytes, unterminated comments, attributes and scripts.
    for broken in [
        "<p>نص <b>غامق <i>مائل</p></b> <div <p>>> وقال\0 المتحدث</i>",
        "<p>\0\0\0</p><p a='\0'>\0وقال</p>",
        "<!-- وقال المتحدث",
        "<p title='وقال المتحدث",
        "<script>وقال المتحدث",
        "<title>وقال",
        "<",
        "</",
        "<!doctype",
        "&#0; &#xD800; &#x110000; &#99999999999; &",
        "<svg><title>x</title><p>وقال</p></svg><math><mi>",
        "<table><td><td><tr><li><dd><dt><option><select><p>نص",
        "",
    ] {
        let _ = extract(broken);
    }
    // Every cut of a real page.
    let portal = page("news-portal.html");
    for end in (0..portal.len()).step_by(97) {
        if portal.is_char_boundary(end) {
            let _ = extract(&portal[..end]);
        }
    }
    // Hostile JSON-LD nesting.
    let json = format!(
        "<script type='application/ld+json'>{}{}</script>{body}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(extract(&json).meta.is_empty());
    assert!(
        started.elapsed().as_secs() < 120,
        "took {:?}",
        started.elapsed()
    );
}
