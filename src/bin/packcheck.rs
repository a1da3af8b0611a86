fn main() {
    for f in std::env::args().skip(1) {
        let bytes = std::fs::read(&f).unwrap();
        let c = kefu_sim::pack::compile(&f, &bytes);
        for d in &c.diagnostics {
            println!("{d}");
        }
        println!("ok={}", c.pack.is_some());
    }
}
