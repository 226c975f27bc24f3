//! `paxscreen`: the command-line tool.
fn main() {}
