import Testing
@testable import TaskaCore

@Suite struct JSONValueTests {
    @Test func keepsKeyOrder() {
        let value = JSONValue.object([("z", .int(1)), ("a", .int(2)), ("m", .null)])
        #expect(value.serialized() == #"{"z":1,"a":2,"m":null}"#)
    }

    @Test func escapesControlsQuotesAndLineSeparators() {
        let value = JSONValue.string("a\"b\\c\nd\te\u{01}f\u{2028}g\u{2029}")
        #expect(value.serialized() == #""a\"b\\c\nd\te\u0001f\u2028g\u2029""#)
    }

    /// Escapes at both ends and between other E2 sequences (’ … ‰ ₦ stay as UTF-8), in a short
    /// (inline) and a long (heap) string.
    @Test func escapesAtEdgesAndAmongOtherE2Sequences() {
        let short = JSONValue.string("\u{2028}’\u{1F}₦\u{2029}")
        #expect(short.serialized() == #""\u2028’\u001f₦\u2029""#)
        let body = String(repeating: "Labari ’ya ce’ … ‰ ₦5 ", count: 20)
        let long = JSONValue.string("\"" + body + "\u{2029}")
        #expect(long.serialized() == "\"\\\"" + body + "\\u2029\"")
    }

    @Test func keepsNonASCIIAsUTF8() {
        #expect(JSONValue.string("ƙasa مرحبا 😀").serialized() == "\"ƙasa مرحبا 😀\"")
    }

    @Test func numbers() {
        #expect(JSONValue.double(1).serialized() == "1")
        #expect(JSONValue.double(0.25).serialized() == "0.25")
        #expect(JSONValue.double(.nan).serialized() == "null")
        #expect(JSONValue.int(-3).serialized() == "-3")
    }

    @Test func prettyPrintedIsStable() {
        let value = JSONValue.object([("a", .array([.int(1), .string("x")])), ("b", .object([])), ("c", .array([]))])
        #expect(value.prettyPrinted() == "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": []\n}\n")
    }

    @Test func subscriptFindsKeys() {
        let value = JSONValue.object([("a", .int(1)), ("b", .string("x"))])
        #expect(value["b"] == .string("x"))
        #expect(value["missing"] == nil)
    }
}
