//! Who is working, for the subcommands that make spans and relations: `--annotator NAME`, else
//! the `ISNAD_ANNOTATOR` environment variable, else nobody.

/// The environment variable naming the annotator when `--annotator` is not given.
pub const ANNOTATOR_ENV: &str = "ISNAD_ANNOTATOR";

/// The annotator: `flag` (from `--annotator`), else `$ISNAD_ANNOTATOR`; trimmed, and `None`
/// when blank or unset.
pub fn annotator_from(flag: Option<&str>) -> Option<String> {
    let from_env = || std::env::var(ANNOTATOR_ENV).ok();
    flag.map(str::to_owned)
        .or_else(from_env)
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
}
