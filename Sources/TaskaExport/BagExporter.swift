import Foundation
import TaskaCore
import TaskaStore

/// Writes the archive as a BagIt bag (RFC 8493) for repositories such as Archivematica:
/// originals under their original names, the records, and one PREMIS 3 XML file per object.
///
/// Layout: `bagit.txt`, `bag-info.txt` (with Payload-Oxum), `manifest-sha256.txt`,
/// `manifest-sha512.txt`, `tagmanifest-sha256.txt`, `tagmanifest-sha512.txt`, and under
/// `data/`: `originals/<path as first seen>`, `records.jsonl`, `premis/<sha256>.xml`.
public struct BagExporter {
    public var agentName = "taska"
    public var agentVersion = TaskaVersion.string
    /// When the bag is made (also the date of the fixity-check events).
    public var now: Timestamp

    public init(now: Timestamp = Timestamp.now()) {
        self.now = now
    }

    public struct Summary: Sendable, Equatable {
        public var objects: Int
        public var payloadFiles: Int
        public var payloadBytes: Int
    }

    public func export(_ archive: Archive, to directory: String) throws -> Summary {
        let fm = FileManager.default
        if fm.fileExists(atPath: directory), let contents = try? fm.contentsOfDirectory(atPath: directory), !contents.isEmpty {
            throw SinkError.cannotCreate(path: directory, reason: "the folder exists and is not empty; give a new folder for the bag")
        }
        try fm.createDirectory(atPath: directory + "/data/originals", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: directory + "/data/premis", withIntermediateDirectories: true)
        var manifest: [(path: String, sha256: String, sha512: String)] = []
        var payloadBytes = 0

        func writePayload(_ relative: String, _ bytes: [UInt8]) throws {
            let full = directory + "/" + relative
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard fm.createFile(atPath: full, contents: Data(bytes)) else {
                throw SinkError.cannotCreate(path: full, reason: "the file could not be written")
            }
            manifest.append((relative, SHA256.hex(of: bytes), SHA512.hex(of: bytes)))
            payloadBytes += bytes.count
        }

        var taken = Set<String>()
        var objects = 0
        let checkedAt = now.iso8601()
        try archive.forEachObject { object in
            let name = ArchiveExport.exportPath(for: object.paths, sha256: object.sha256, taken: taken)
            taken.insert(name)
            try writePayload("data/originals/" + name, object.bytes)
            let actual = SHA256.hex(of: object.bytes)
            let premis = premisXML(object, storedAs: "data/originals/" + name, fixityOK: actual == object.sha256, checkedAt: checkedAt)
            try writePayload("data/premis/\(object.sha256).xml", Array(premis.utf8))
            objects += 1
        }
        var records: [UInt8] = []
        try archive.forEachLine { line in
            records.append(contentsOf: line.utf8)
            records.append(0x0A)
        }
        try writePayload("data/records.jsonl", records)

        func writeTag(_ name: String, _ text: String) throws -> (String, String, String) {
            let bytes = Array(text.utf8)
            guard fm.createFile(atPath: directory + "/" + name, contents: Data(bytes)) else {
                throw SinkError.cannotCreate(path: directory + "/" + name, reason: "the file could not be written")
            }
            return (name, SHA256.hex(of: bytes), SHA512.hex(of: bytes))
        }
        manifest.sort { $0.path < $1.path }
        var tags: [(String, String, String)] = []
        tags.append(try writeTag("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"))
        let day = String(now.iso8601().prefix(10))
        tags.append(try writeTag("bag-info.txt", """
            Bag-Software-Agent: \(agentName) \(agentVersion)
            Bagging-Date: \(day)
            External-Description: Documents ingested by \(agentName): originals, tagged records (JSON Lines, schema v1) and PREMIS metadata.
            Payload-Oxum: \(payloadBytes).\(manifest.count)

            """))
        tags.append(try writeTag("manifest-sha256.txt", manifest.map { "\($0.sha256)  \(Self.escape($0.path))\n" }.joined()))
        tags.append(try writeTag("manifest-sha512.txt", manifest.map { "\($0.sha512)  \(Self.escape($0.path))\n" }.joined()))
        _ = try writeTag("tagmanifest-sha256.txt", tags.map { "\($0.1)  \($0.0)\n" }.joined())
        _ = try writeTag("tagmanifest-sha512.txt", tags.map { "\($0.2)  \($0.0)\n" }.joined())
        return Summary(objects: objects, payloadFiles: manifest.count, payloadBytes: payloadBytes)
    }

    /// RFC 8493 §2.1.3: CR, LF and % in a manifest path are percent-encoded.
    static func escape(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A")
            .replacingOccurrences(of: "\r", with: "%0D")
    }

    /// A PREMIS 3 description of one object with its four preservation events and the agent.
    func premisXML(_ object: Archive.StoredObject, storedAs: String, fixityOK: Bool, checkedAt: String) -> String {
        let x = XMLText.escaped
        let agentId = "\(agentName)-\(agentVersion)"
        func event(_ type: String, _ date: String, _ outcome: String, _ detail: String) -> String {
            """
              <premis:event>
                <premis:eventIdentifier>
                  <premis:eventIdentifierType>local</premis:eventIdentifierType>
                  <premis:eventIdentifierValue>\(object.sha256)-\(type.replacingOccurrences(of: " ", with: "-"))</premis:eventIdentifierValue>
                </premis:eventIdentifier>
                <premis:eventType>\(type)</premis:eventType>
                <premis:eventDateTime>\(date)</premis:eventDateTime>
                <premis:eventDetailInformation><premis:eventDetail>\(x(detail))</premis:eventDetail></premis:eventDetailInformation>
                <premis:eventOutcomeInformation><premis:eventOutcome>\(outcome)</premis:eventOutcome></premis:eventOutcomeInformation>
                <premis:linkingAgentIdentifier>
                  <premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>
                  <premis:linkingAgentIdentifierValue>\(agentId)</premis:linkingAgentIdentifierValue>
                </premis:linkingAgentIdentifier>
                <premis:linkingObjectIdentifier>
                  <premis:linkingObjectIdentifierType>sha256</premis:linkingObjectIdentifierType>
                  <premis:linkingObjectIdentifierValue>\(object.sha256)</premis:linkingObjectIdentifierValue>
                </premis:linkingObjectIdentifier>
              </premis:event>

            """
        }
        let names = object.paths.map { "    <premis:originalName>\(x($0))</premis:originalName>\n" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <premis:premis xmlns:premis="http://www.loc.gov/premis/v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0">
              <premis:object xsi:type="premis:file">
                <premis:objectIdentifier>
                  <premis:objectIdentifierType>sha256</premis:objectIdentifierType>
                  <premis:objectIdentifierValue>\(object.sha256)</premis:objectIdentifierValue>
                </premis:objectIdentifier>
                <premis:objectCharacteristics>
                  <premis:compositionLevel>0</premis:compositionLevel>
                  <premis:fixity>
                    <premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>
                    <premis:messageDigest>\(object.sha256)</premis:messageDigest>
                    <premis:messageDigestOriginator>\(agentName)</premis:messageDigestOriginator>
                  </premis:fixity>
                  <premis:size>\(object.bytes.count)</premis:size>
                  <premis:format>
                    <premis:formatDesignation>
                      <premis:formatName>\(x(object.mediaType ?? "application/octet-stream"))</premis:formatName>
                    </premis:formatDesignation>
                  </premis:format>
                </premis:objectCharacteristics>
            \(names)    <premis:storage>
                  <premis:contentLocation>
                    <premis:contentLocationType>bag path</premis:contentLocationType>
                    <premis:contentLocationValue>\(x(storedAs))</premis:contentLocationValue>
                  </premis:contentLocation>
                </premis:storage>
              </premis:object>
            \(event("ingestion", object.firstSeenAt, "success", "stored in the archive as found under \(object.paths.first ?? "")"))\
            \(event("message digest calculation", object.firstSeenAt, "success", "SHA-256 of the original bytes"))\
            \(event("format identification", object.firstSeenAt, object.mediaType == nil ? "failure" : "success",
                    "content sniffing (magic bytes and markup), charset \(object.charset ?? "none")"))\
            \(event("fixity check", checkedAt, fixityOK ? "success" : "failure", "stored bytes re-hashed with SHA-256 when the bag was made"))\
              <premis:agent>
                <premis:agentIdentifier>
                  <premis:agentIdentifierType>local</premis:agentIdentifierType>
                  <premis:agentIdentifierValue>\(agentId)</premis:agentIdentifierValue>
                </premis:agentIdentifier>
                <premis:agentName>\(agentName)</premis:agentName>
                <premis:agentType>software</premis:agentType>
                <premis:agentVersion>\(agentVersion)</premis:agentVersion>
              </premis:agent>
            </premis:premis>

            """
    }
}
