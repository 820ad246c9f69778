import TaskaSearch
/// Escaping and small HTML builders for the reading room's server-rendered pages.
///
/// Everything that comes from a scraped document passes through `escape` (text) or
/// `attribute` (attribute values) before it reaches a page; nothing is ever inserted raw.
enum HTML {
    /// Escapes text for element content.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Controls (other than tab/newline) cannot appear in HTML text.
                if scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A { out += "\u{FFFD}" }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Escapes an attribute value (always used inside double quotes).
    static func attribute(_ s: String) -> String { escape(s) }

    /// Percent-encodes a path segment or query value.
    static func urlComponent(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return out
    }

    /// A search snippet: its hits become <mark>, everything else is escaped.
    static func snippet(_ s: Snippet) -> String {
        s.pieces.map { $0.isHit ? "<mark>" + escape($0.text) + "</mark>" : escape($0.text) }.joined()
    }

    /// The page frame: no script, one same-origin stylesheet.
    static func page(title: String, body: String, lang: String = "en") -> String {
        """
        <!doctype html>
        <html lang="\(attribute(lang))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Taska</title>
        <link rel="stylesheet" href="/static/taska.css">
        </head>
        <body>
        <header><a class="brand" href="/">Taska</a> <nav><a href="/">Search</a> <a href="/collection">Collection</a> <a href="/chats">Chats</a> <a href="/reposts">Reposts</a></nav></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
