//! PNRGOV (PNR push to governments) -> [`crate::model`].
