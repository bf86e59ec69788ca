//! `quorate`: the Quorate server and its tools. See `quorate --help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    server::cli::main()
}
