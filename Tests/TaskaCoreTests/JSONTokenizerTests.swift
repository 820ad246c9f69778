import Testing
@testable import TaskaCore

@Suite struct JSONTokenizerTests {
    private func tokens(_ json: String, bufferSize: Int = 1 << 16) throws -> ([JSONTokenizer.Token], [JSONTokenizer.Event]) {
        let t = JSONTokenizer(stream: MemoryByteStream(Array(json.utf8)), bufferSize: bufferSize)
        var out: [JSONTokenizer.Token] = []
        while true {
            let token = try t.next()
            if token == .end { break }
            out.append(token)
        }
        return (out, t.drainEvents())
    }

    @Test func keysValuesAndNesting() throws {
        let (t, events) = try tokens(#"{"a": [1, -2.5e3, true, null], "b": {"c": "d"}}"#)
        #expect(t == [.beginObject, .key("a"), .beginArray, .number("1"), .number("-2.5e3"), .bool(true), .null, .endArray,
                      .key("b"), .beginObject, .key("c"), .string("d"), .endObject, .endObject])
        #expect(events.isEmpty)
    }

    @Test func escapesIncludingTelegramsXEscapes() throws {
        let (t, events) = try tokens(#"{"s": "a\nb\"c\\d\/e\u0645\uD83D\uDE00\x0Bf"}"#)
        #expect(t[2] == .string("a\nb\"c\\d/eم😀\u{0B}f"))
        #expect(events == [.init(code: "json-x-escape", detail: "\\x0B")])
    }

    @Test func rawControlCharactersAreKeptAndReported() throws {
        let (t, events) = try tokens("{\"s\": \"a\u{01}b\tc\"}")
        #expect(t[2] == .string("a\u{01}b\tc"))
        #expect(events == [.init(code: "json-raw-control", detail: "2")])
    }

    /// Review finding while fuzzing: duplicate keys were looked up linearly, so one object
    /// with n keys took O(n²) (a 1 MB message of 100,000 keys ran for minutes).
    @Test func objectWithManyKeysKeepsOrderAndLastDuplicate() throws {
        let keys = (0..<20_000).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let t = JSONTokenizer(stream: MemoryByteStream(Array(("{" + keys + #", "k7": "last"}"#).utf8)))
        guard case .object(let pairs) = try t.readValue() else { Issue.record("not an object"); return }
        #expect(pairs.count == 20_000)
        #expect(pairs[7].0 == "k7" && pairs[7].1 == .string("last"))
        #expect(pairs.last?.0 == "k19999")
    }

    @Test func nestingIsLimited() throws {
        let t = JSONTokenizer(stream: MemoryByteStream(Array((String(repeating: "[", count: 11) + String(repeating: "]", count: 11)).utf8)), maxDepth: 10)
        #expect(throws: LimitExceeded.self) { try t.skipValue() }
        let ok = JSONTokenizer(stream: MemoryByteStream(Array((String(repeating: "[", count: 10) + String(repeating: "]", count: 10)).utf8)), maxDepth: 10)
        try ok.skipValue()
        #expect(try ok.next() == .end)
    }

    @Test func duplicateKeysAreReportedAndTheLastValueKept() throws {
        let t = JSONTokenizer(stream: MemoryByteStream(Array(#"{"k": 1, "k": 2, "n": {"k": 3}}"#.utf8)))
        let value = try t.readValue()
        #expect(value["k"] == .int(2))
        #expect(value["n"]?["k"] == .int(3))  // the same key in another object is no duplicate
        #expect(t.drainEvents() == [.init(code: "json-duplicate-key", detail: "k")])
    }

    @Test func duplicateKeysAreFoundBeforeAndAfterTheKeyListBecomesASet() throws {
        var keys = JSONTokenizer.KeySet()
        var added: [Bool] = []
        for i in 0..<40 { added.append(keys.insert("k\(i)")) }
        added.append(keys.insert("k3"))
        added.append(keys.insert("k39"))
        added.append(keys.insert("k40"))
        #expect(added == Array(repeating: true, count: 40) + [false, false, true])
        var few = JSONTokenizer.KeySet()
        let results = [few.insert("a"), few.insert("b"), few.insert("a")]
        #expect(results == [true, true, false])
        let events = try tokens(#"{"a": 1, "b": 2, "a": 3}"#).1
        #expect(events == [.init(code: "json-duplicate-key", detail: "a")])
    }

    @Test func tokensSpanBufferBoundaries() throws {
        let json = #"{"long key": "ناعم \u0645 \x0B", "n": 12345, "arr": [true, false]}"#
        let whole = try tokens(json)
        for size in [1, 2, 3, 7] {
            let small = try tokens(json, bufferSize: size)
            #expect(small.0 == whole.0)
            #expect(small.1 == whole.1)
        }
    }

    @Test func skipValueSkipsNestedValues() throws {
        let t = JSONTokenizer(stream: MemoryByteStream(Array(#"{"a": {"b": [1, {"c": 2}]}, "z": 9}"#.utf8)))
        #expect(try t.next() == .beginObject)
        #expect(try t.next() == .key("a"))
        try t.skipValue()
        #expect(try t.next() == .key("z"))
        #expect(try t.next() == .number("9"))
    }

    @Test func truncatedInputThrows() throws {
        #expect(throws: JSONTokenizer.Failure.self) { try tokens(#"{"a": "unfinished"#) }
        #expect(throws: JSONTokenizer.Failure.self) { try tokens(#"{"a": [1, 2"#) }
    }

    @Test func valuesReadIntoTheCoreTree() {
        let value = JSONTokenizer.value(of: Array(#"{"id": 12, "unix": "1700000000", "x": 2.5, "big": 1e400, "s": "a\u00e9", "l": [true, null]}"#.utf8))
        #expect(value?["id"]?.int64 == 12)
        #expect(value?["unix"]?.int64 == 1_700_000_000)
        #expect(value?["x"] == .double(2.5))
        #expect(value?["big"] == .string("1e400"))  // not a finite number: kept as written
        #expect(value?["s"]?.string == "aé")
        #expect(value?["l"] == .array([.bool(true), .null]))
        #expect(value?.keys == ["id", "unix", "x", "big", "s", "l"])
        #expect(JSONTokenizer.value(of: Array("   ".utf8)) == nil)
    }
}
