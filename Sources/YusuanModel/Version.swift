/// 版本 — Yusuan's version, shown by `yusuan --version` and on every workbench page.
public enum YusuanVersion {
    public static let string = "0.1.0"
}
