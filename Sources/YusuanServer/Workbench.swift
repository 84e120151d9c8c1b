import Hummingbird

/// 工作台 — the Chinese web pages (filled in below).
enum Workbench {
    static func add(to router: Router<BasicRequestContext>, _ h: Handlers) {}
}
