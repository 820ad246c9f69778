import Testing
@testable import TaskaTraces

/// `--entity KIND[:VALUE]` values are normalised as the finder normalises the text.
@Suite struct TraceQueryTests {
    @Test func valuesAreNormalised() throws {
        #expect(try TraceQuery(parsing: "phone:0803 123 4567") == TraceQuery(kind: .phone, value: "+2348031234567"))
        #expect(try TraceQuery(parsing: "phone:+234-803-123-4567").value == "+2348031234567")
        #expect(try TraceQuery(parsing: "phone:٠٨٠٣١٢٣٤٥٦٧").value == "+2348031234567")
        #expect(try TraceQuery(parsing: "telegram:@Labaran_Borno").value == "labaran_borno")
        #expect(try TraceQuery(parsing: "telegram:Labaran_Borno").value == "labaran_borno")
        #expect(try TraceQuery(parsing: "telegram:https://t.me/Labaran_Borno").value == "labaran_borno")
        #expect(try TraceQuery(parsing: "email:Info@Example.ORG").value == "info@example.org")
        #expect(try TraceQuery(parsing: "hashtag:Maiduguri").value == "maiduguri")
        #expect(try TraceQuery(parsing: "url:example.org/a").value == "http://example.org/a")
        #expect(try TraceQuery(parsing: "WALLET:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").value == "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
        #expect(try TraceQuery(parsing: "wallet") == TraceQuery(kind: .wallet))
        #expect(try TraceQuery(parsing: "phone:") == TraceQuery(kind: .phone))
    }

    @Test func badQueriesSayWhatToGive() {
        #expect(throws: TracesError.unknownKind("fax")) { try TraceQuery(parsing: "fax:123") }
        #expect(throws: TracesError.unreadableValue(kind: .wallet, value: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")) {
            try TraceQuery(parsing: "wallet:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")
        }
        #expect(throws: TracesError.self) { try TraceQuery(parsing: "phone:12345") }
        #expect(TracesError.unknownKind("fax").description.contains("phone, email") == false)
        #expect(TracesError.unknownKind("fax").description.contains("url, telegram, email, wallet, phone, hashtag"))
    }
}
