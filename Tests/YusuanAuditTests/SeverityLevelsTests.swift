import Testing
@testable import YusuanAudit
import YusuanModel

/// Severity per run (`--severity RULE=LEVEL`) and each rule's reason for its default.
@Suite struct SeverityLevelsTests {
    @Test func settingsAreParsedAndALaterOneWins() throws {
        let levels = try SeverityLevels(parsing: ["classification.name=info", "arithmetic.hierarchy = warning",
                                                  "classification.name=ERROR"])
        #expect(levels.levels == ["classification.name": .error, "arithmetic.hierarchy": .warning])
        #expect(try SeverityLevels(parsing: ["year-on-year.from-zero=note"]).levels == ["year-on-year.from-zero": .info])
    }

    @Test func unusableSettingsNameTheSettingAndTheReason() {
        #expect(throws: SeverityLevelError.malformed("classification.name")) { try SeverityLevels(parsing: ["classification.name"]) }
        #expect(throws: SeverityLevelError.malformed("=info")) { try SeverityLevels(parsing: ["=info"]) }
        #expect(throws: SeverityLevelError.unknownRule("arithmetic.nope")) { try SeverityLevels(parsing: ["arithmetic.nope=info"]) }
        #expect(throws: SeverityLevelError.unknownLevel(rule: "classification.name", level: "fatal")) {
            try SeverityLevels(parsing: ["classification.name=fatal"])
        }
        #expect(SeverityLevelError.unknownLevel(rule: "classification.name", level: "fatal").description
            == "--severity classification.name=fatal: the level is error, warning or info, not fatal")
        #expect(SeverityLevelError.unknownRule("arithmetic.nope").description.contains("no such rule"))
    }

    @Test func everyRuleSaysWhyItIsAtItsSeverity() {
        for rule in Auditor.catalogue {
            #expect(!rule.reason.isEmpty, "\(rule.id)")
            // A rule below error says why it is not one.
            if rule.severity != .error { #expect(Rule.reasons[rule.id] != nil, "\(rule.id) has no reason of its own") }
        }
        #expect(Set(Rule.reasons.keys).isSubset(of: Set(Auditor.catalogue.map(\.id))))
    }

    @Test(.auditSeeds) func aRunsLevelsApplyToEveryFindingOfTheRule() throws {
        let c = try AuditSeeds.context("003")
        let plain = Auditor.audit(c.disclosure, lines: c.lines, document: "003")
        #expect(plain.findings.filter { $0.severity == .error }.map(\.rule)
                == ["reconciliation.function-economic", "classification.project-economic"])
        let levels = try SeverityLevels(parsing: ["reconciliation.function-economic=warning", "year-on-year.from-zero=error"])
        let report = Auditor.audit(c.disclosure, lines: c.lines, document: "003", severities: levels)
        #expect(report.findings.first { $0.rule == "reconciliation.function-economic" }?.severity == .warning)
        #expect(report.findings.filter { $0.rule == "year-on-year.from-zero" }.map(\.severity) == [.error, .error])
        // Nothing else changes.
        #expect(report.findings.map(\.rule) == plain.findings.map(\.rule))
        #expect(report.findings.filter { !levels.levels.keys.contains($0.rule) } == plain.findings.filter { !levels.levels.keys.contains($0.rule) })
    }

    @Test(.auditSeeds) func consequencesTakeTheLevelsOfTheirOwnRules() throws {
        let c = try AuditSeeds.context("004")
        let levels = try SeverityLevels(parsing: ["arithmetic.row-identity=info"])
        let report = Auditor.audit(c.disclosure, lines: c.lines, document: "004", severities: levels)
        let cause = try #require(report.findings.first { $0.row == "21012" && $0.table == 7 })
        #expect(cause.severity == .error)
        #expect(cause.everyPlace.map(\.severity) == [.error, .info, .error])
    }
}
