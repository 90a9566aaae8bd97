//! Annotation guidelines: kept through the project file (and absent from files without them),
//! and written beside every export.

mod fixture;

use isnad::io::export::{self, ExportFormat, ExportOptions, GUIDELINES_FILE, Progress};
use isnad::io::project;

const GUIDELINES: &str = "# إرشادات التوسيم\n\n## Actor\n\nمن يتكلم أو يُنسب إليه قول، مثل «وزير الخارجية».\n\n\
- مثال: قال **المتحدث** إن \"الوفد\" وصل.\n- Quotes \\ backslashes, and `ticks`.\n";

#[test]
fn guidelines_round_trip_through_the_project_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("g.isnad.ron");
    let mut original = fixture::arabic_project();
    original.set_guidelines(GUIDELINES.to_owned());
    project::save(&original, &path).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("    guidelines: "))
            .count(),
        1,
        "one line in the file"
    );
    let loaded = project::load(&path).expect("load");
    assert_eq!(loaded.guidelines(), GUIDELINES);
    assert_eq!(loaded, original);
}

#[test]
fn a_project_without_guidelines_writes_no_field_and_old_files_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plain.isnad.ron");
    project::save(&fixture::arabic_project(), &path).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(!text.contains("guidelines"), "no field when empty");
    assert_eq!(project::load(&path).expect("load").guidelines(), "");
    // The bundled sample was written before guidelines existed.
    let sample = isnad::io::sample::sample_project().expect("the sample loads");
    assert_eq!(sample.guidelines(), "");
}

#[test]
fn every_export_writes_the_guidelines_beside_the_data() {
    let mut project = fixture::arabic_project();
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ExportFormat::ALL {
        let out = dir.path().join(format!("none-{}", format.cli_name()));
        let built = export::export(&project, &ExportOptions::new(format), &Progress::new())
            .expect("export");
        let written = export::write_export(&built, &out).expect("write");
        assert!(
            !written
                .iter()
                .any(|p| p.to_string_lossy().contains(GUIDELINES_FILE)),
            "no guidelines, no file: {written:?}"
        );
    }
    project.set_guidelines(GUIDELINES.to_owned());
    for format in ExportFormat::ALL {
        let out = dir.path().join(format!("data-{}.out", format.cli_name()));
        let built = export::export(&project, &ExportOptions::new(format), &Progress::new())
            .expect("export");
        let written = export::write_export(&built, &out).expect("write");
        let expected = if format == ExportFormat::Brat {
            out.join("guidelines.md")
        } else {
            dir.path()
                .join(format!("data-{}.guidelines.md", format.cli_name()))
        };
        assert!(written.contains(&expected), "{format:?}: {written:?}");
        assert_eq!(
            std::fs::read_to_string(&expected).expect("read guidelines"),
            GUIDELINES
        );
    }
}
