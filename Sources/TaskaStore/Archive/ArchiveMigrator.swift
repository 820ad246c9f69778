import GRDB

/// The archive's schema, as named migrations that are never edited once shipped.
///
/// Table and column names are plain strings (not Swift types), as GRDB recommends, so a
/// `sqlite3 taska.sqlite` user reads the same names docs/archive.md documents.
enum ArchiveMigrator {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 documents, sightings, records, errors, originals") { db in
            try db.create(table: "document") { t in
                t.primaryKey("sha256", .text)
                t.column("bytes", .integer).notNull()
                t.column("mediaType", .text)
                t.column("charset", .text)
                t.column("firstSeenAt", .text).notNull()
            }
            try db.create(table: "sighting") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sha256", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("path", .text).notNull()
                t.column("pathBytes", .blob)
                t.column("modified", .text)
                t.column("seenAt", .text).notNull()
            }
            try db.create(table: "record") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recordId", .text).notNull()          // sha256, or sha256#N
                t.column("sha256", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("subIndex", .integer)
                t.column("pipelineName", .text).notNull()
                t.column("pipelineVersion", .text).notNull()
                t.column("pipelineHash", .text).notNull()
                t.column("path", .text).notNull()
                t.column("title", .text)
                t.column("language", .text)
                t.column("published", .text)
                t.column("text", .text).notNull()
                t.column("searchKey", .text).notNull()
                t.column("json", .text).notNull()              // the record exactly as `ingest --jsonl` writes it
                t.column("ingestedAt", .text).notNull()
                t.uniqueKey(["recordId", "pipelineHash"])
            }
            try db.create(index: "record_on_language", on: "record", columns: ["language"])
            try db.create(virtualTable: "record_ft", using: FTS5()) { t in
                t.synchronize(withTable: "record")
                // searchKey has no harakat and folded letter variants already; keep every
                // letter and mark inside a token so words are never split.
                t.tokenizer = .unicode61(diacritics: .keep, categories: "L* N* Co M*")
                t.column("searchKey")
            }
            try db.create(table: "error") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull()
                t.column("sha256", .text)
                t.column("stage", .text).notNull()
                t.column("message", .text).notNull()
                t.column("pipelineHash", .text).notNull()
                t.column("json", .text).notNull()
                t.column("at", .text).notNull()
            }
            try db.create(table: "original") { t in
                t.primaryKey("sha256", .text)
                t.column("size", .integer).notNull()
                t.column("compression", .text).notNull()       // "zlib" or "none"
                t.column("data", .blob).notNull()
            }
        }
        migrator.registerMigration("v2 chat messages") { db in
            // One row per record of a chat export (Telegram), filled by a trigger from the
            // record's JSON, so `store`, `merge` and older archives (backfilled here) agree.
            try db.execute(sql: """
                CREATE TABLE message (
                    recordRowId INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
                    chat TEXT NOT NULL,          -- the chat's name, else its id as text (HTML exports have no id)
                    chatId INTEGER, chatName TEXT, chatType TEXT,
                    messageId INTEGER NOT NULL, date TEXT, sender TEXT, senderId TEXT,
                    forwardedFrom TEXT, replyTo INTEGER, edited TEXT, mediaType TEXT);
                CREATE INDEX message_on_chat_id ON message(chat, messageId);
                CREATE INDEX message_on_chat_reply ON message(chat, replyTo) WHERE replyTo IS NOT NULL;
                """)
            let columns = "recordRowId, chat, chatId, chatName, chatType, messageId, date, sender, senderId, forwardedFrom, replyTo, edited, mediaType"
            func values(_ row: String) -> String {
                let m = "json_extract(\(row).json, '$.message"
                return """
                    \(row).id, coalesce(\(m).chat.name'), CAST(\(m).chat.id') AS TEXT), ''), \(m).chat.id'), \(m).chat.name'),
                    \(m).chat.type'),
                    \(m).id'), \(m).date'), \(m).sender'), \(m).senderId'), \(m).forwardedFrom'), \(m).replyTo'),
                    \(m).edited'), \(m).media.type')
                    """
            }
            try db.execute(sql: """
                CREATE TRIGGER record_message AFTER INSERT ON record
                WHEN json_type(NEW.json, '$.message.id') = 'integer'
                BEGIN INSERT INTO message (\(columns)) SELECT \(values("NEW")); END;
                INSERT INTO message (\(columns)) SELECT \(values("record")) FROM record
                WHERE json_type(record.json, '$.message.id') = 'integer';
                """)
        }
        migrator.registerMigration("v2 entities") { db in
            // Traces a stage found in a record's text (phones, e-mail, links, handles,
            // hashtags, wallets), one row each, for `taska search --entity KIND:VALUE`.
            // Records stored before this migration have none: re-ingest to add them.
            try db.create(table: "entity") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("record", .integer).notNull().indexed().references("record", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("value", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            try db.create(index: "entity_on_kind_value", on: "entity", columns: ["kind", "value"])
        }
        migrator.registerMigration("v3 repost clusters") { db in
            // Near-duplicate clusters (docs/reposts.md). `repost` holds every sketched record
            // (its fingerprint, and its cluster once it has company); `cluster` one row per
            // group of two or more, with its earliest record; `repost_band` the LSH index.
            // Derived data: `taska reindex` rebuilds all three from the records.
            try db.execute(sql: """
                CREATE TABLE cluster (
                    id INTEGER PRIMARY KEY,
                    first INTEGER NOT NULL,      -- record.id of the earliest member
                    firstDate TEXT,              -- its date (published or message date), NULL when unknown
                    size INTEGER NOT NULL);
                CREATE INDEX cluster_on_size ON cluster(size);
                CREATE TABLE repost (
                    record INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
                    cluster INTEGER,             -- NULL while the record is alone
                    date TEXT,
                    fingerprint BLOB NOT NULL);
                CREATE INDEX repost_on_cluster ON repost(cluster) WHERE cluster IS NOT NULL;
                CREATE TABLE repost_band (key INTEGER NOT NULL, record INTEGER NOT NULL, PRIMARY KEY (key, record)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3 name skeletons") { db in
            // A second indexed column: the name skeletons of the record's words, computed by
            // the writer (TaskaNormalize's NameSkeleton) for cross-script name search. Records
            // stored before this migration have '' until `Archive.rebuildSkeletons` fills them.
            try db.execute(sql: "ALTER TABLE record ADD COLUMN nameSkeleton TEXT NOT NULL DEFAULT ''")
            try db.dropFTS5SynchronizationTriggers(forTable: "record_ft")
            try db.execute(sql: "DROP TABLE record_ft")
            try db.create(virtualTable: "record_ft", using: FTS5()) { t in
                t.synchronize(withTable: "record")
                t.tokenizer = .unicode61(diacritics: .keep, categories: "L* N* Co M*")
                t.column("searchKey")
                t.column("nameSkeleton")
            }
        }
        migrator.registerMigration("v4 repost band log") { db in
            // Band keys of the newest centres, appended in storage order and merged into
            // `repost_band` in key order once there are `RepostClusters.bandLogMerge` of them:
            // a random-key insert into the large index dirties one of its pages, so merging many
            // at once writes each page once instead of once per transaction. Derived data too.
            try db.execute(sql: "CREATE TABLE repost_band_log (id INTEGER PRIMARY KEY AUTOINCREMENT, key INTEGER NOT NULL, record INTEGER NOT NULL)")
        }
        migrator.registerMigration("v5 band word counts") { db in
            // Each indexed centre's word count beside its band keys, so a candidate whose length
            // cannot match (the same-post rule's first test) is dropped without reading its
            // `repost` row. NULL in rows indexed before: those are read as before.
            try db.execute(sql: """
                ALTER TABLE repost_band ADD COLUMN words INTEGER;
                ALTER TABLE repost_band_log ADD COLUMN words INTEGER;
                """)
        }
        return migrator
    }
}
