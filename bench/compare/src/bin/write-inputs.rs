//! Writes the one-interchange PAXLST input of the comparison:
//! `write-inputs DIR TRAVELLERS` writes `DIR/one/10000_paxlst.edi` (for
//! 10,000) from `paxlst::synthetic::passenger_list`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (
        args.next(),
        args.next().and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: write-inputs DIR TRAVELLERS");
        return ExitCode::from(2);
    };
    let out = PathBuf::from(dir).join("one");
    let file = out.join(format!("{n}_paxlst.edi"));
    let bytes = paxscreen_core::paxlst::synthetic::passenger_list(n);
    match std::fs::create_dir_all(&out).and_then(|()| std::fs::write(&file, &bytes)) {
        Ok(()) => {
            eprintln!("{}: {} bytes", file.display(), bytes.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            ExitCode::FAILURE
        }
    }
}
