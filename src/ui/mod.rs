//! Widgets and panels. They read state and record what the user asked for; they never touch
//! files and never call cosmic-text directly (that is `text/`).

pub mod adjudication;
pub mod adjudication_agreement;
pub mod adjudication_confusion;
pub mod article_view;
pub mod colours;
pub mod disk_change;
pub mod document_list;
pub mod export_dialog;
pub mod find_bar;
pub mod guidelines;
pub mod help;
pub mod import_dialog;
pub mod kwic_line;
pub mod label_editor;
pub mod label_palette;
pub mod menu_bar;
pub mod panel_action;
pub mod relation_picker;
pub mod restore_offer;
pub mod search_panel;
pub mod search_results;
pub mod shaped_label;
pub mod shortcuts;
pub mod span_list;
pub mod span_panel;
pub mod statistics;
pub mod status_bar;
pub mod suggestion_keys;
pub mod suggestion_list;
pub mod transfer_report;

pub use article_view::ArticleView;
pub use document_list::{DocumentListState, document_list_ui};
pub use label_editor::{LabelEditorState, label_editor_ui};
pub use panel_action::PanelAction;
pub use shaped_label::{paint_shaped, shaped_label};
pub use span_list::{SpanListState, span_list_ui};
pub use span_panel::{SpanPanelState, span_panel_ui};
