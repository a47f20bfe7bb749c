// The panic guest: prints a line, then panics three calls deep (main -> parse -> check) with a message, which
// Rust's WASI target turns into an abort: a trap on `unreachable`. Built twice: wasm/panic.wasm without debug
// information and wasm/panic-debug.wasm with DWARF line tables.

#[inline(never)]
fn check(value: &str) -> usize {
    if value.is_empty() {
        panic!("no value given");
    }
    value.len()
}

#[inline(never)]
fn parse(args: &[String]) -> usize {
    check(args.get(1).map(String::as_str).unwrap_or("")) + 1
}

fn main() {
    println!("about to panic");
    let args: Vec<String> = std::env::args().collect();
    println!("{}", parse(&args));
}
