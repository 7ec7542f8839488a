//! Rebuilds the binary when the built-in theme or the starter site changes (both are embedded).
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=src/init/starter");
}
