//! PAXLST (API passenger and crew manifests) -> [`crate::model`].
