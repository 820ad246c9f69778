import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaDetect

func shipped() throws -> LanguageIdentifier { try LanguageIdentifier.shipped() }

@Suite struct LanguageIdentifierTests {
    /// Project-written sentences (not from the corpora), one language each.
    static let labelled: [(String, String)] = [
        ("ha-Latn", "Gwamnatin jihar Borno ta sanar da cewa za a buɗe makarantu a mako mai zuwa bayan hutun damina."),
        ("ha-Latn", "Manoma sun koka kan tsadar takin zamani, suna roƙon hukumomi su taimaka musu kafin lokacin shuka."),
        ("ha-Latn", "An yi ruwan sama mai yawa a garin Maiduguri jiya da daddare, kuma wasu gidaje sun rushe."),
        ("knc-Latn", "Nji samabe kǝntagǝ Junebe lan ngǝwusoro isəna, kuru am kalube Monguno lan argǝm a masakwa a kaltǝna."),
        ("knc-Latn", "Am kasuwube gultəna argəm buhu fal naira lan kaltin; kǝntagǝ gade lan naira lan kaltǝna."),
        ("ar-Arab", "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة لخدمة سكان القرى المجاورة."),
        ("ar-Arab", "يرجى من جميع المزارعين الحضور إلى مقر الجمعية يوم الخميس لاستلام البذور والأسمدة."),
        ("en-Latn", "The state government announced that schools will reopen next week after the rainy season break."),
        ("en-Latn", "Farmers complained about the rising price of fertiliser and asked the authorities for help before planting."),
    ]

    @Test(arguments: labelled)
    func labelsProjectSentences(_ expected: String, _ text: String) throws {
        let p = try shipped().identify(text)
        #expect(p.tag == expected, "\(text) -> \(p.tag) \(p.confidence)")
        #expect(p.confidence >= 0.5)
    }

    /// Kanuri Ajami from the fixtures, fully vocalised and with the harakat stripped.
    @Test func kanuriAjamiWithAndWithoutHarakat() throws {
        let vocalised = "أَسِبِتِ دَمَسَكْبِيٰ غِدَنْ سَوْرُو كَمُوَرُو كُوزٗنَ"
        let bare = String(String.UnicodeScalarView(vocalised.unicodeScalars.filter {
            !(0x064B...0x065F).contains($0.value) && $0.value != 0x0670
        }))
        #expect(try shipped().identify(vocalised).tag == "knc-Arab")
        #expect(try shipped().identify(bare).tag == "knc-Arab", "\(bare)")
    }

    /// Neighbours and languages never seen in training come out `und`.
    static let others: [String] = [
        "Le gouvernement a annoncé que les écoles rouvriront la semaine prochaine après les pluies.",  // French
        "Serikali imetangaza kuwa shule zitafunguliwa wiki ijayo baada ya mvua kubwa kunyesha.",  // Swahili
        "Ìjọba ìpínlẹ̀ náà ti kéde pé àwọn ilé-ìwé yóò ṣí sílẹ̀ ní ọ̀sẹ̀ tó ń bọ̀.",  // Yoruba
        "Government don talk say dem go open all di school for next week, wetin una think?",  // Pidgin
        "Die Regierung hat angekündigt, dass die Schulen nächste Woche wieder geöffnet werden.",  // German
        "El gobierno anunció que las escuelas volverán a abrir la próxima semana después de las lluvias.",  // Spanish
        "Hükümet okulların önümüzdeki hafta yeniden açılacağını duyurdu.",  // Turkish
        "دولت اعلام کرد که مدرسه‌ها هفته آینده دوباره باز می‌شوند و دانش‌آموزان برمی‌گردند.",  // Persian
        "حکومت نے اعلان کیا ہے کہ اسکول اگلے ہفتے دوبارہ کھولے جائیں گے۔",  // Urdu
    ]

    @Test(arguments: others)
    func othersAreUnd(_ text: String) throws {
        let p = try shipped().identify(text)
        #expect(p.language == "und", "\(text) -> \(p.tag) \(p.confidence)")
    }

    /// Gibberish, mojibake, numbers and unseen scripts: `und`, never a confident guess.
    static let noise: [String] = [
        "qzxv wkpj fhtq zzkr plmx vvbq",
        "Ø§Ù„Ø³Ù„Ø§Ù… Ø¹Ù„ÙŠÙƒÙ… ÙˆØ±Ø­Ù…Ø©",
        "12 345 678 — 2024/11/26 15:30",
        "Правительство объявило, что школы откроются на следующей неделе.",
        "सरकार ने घोषणा की कि स्कूल अगले सप्ताह खुलेंगे।",
        "政府宣布学校将于下周重新开放。",
    ]

    @Test(arguments: noise)
    func noiseIsUndWithLowConfidence(_ text: String) throws {
        let p = try shipped().identify(text)
        #expect(p.language == "und", "\(text) -> \(p.tag)")
        #expect(p.confidence < 0.9, "\(text) -> \(p.confidence)")
    }

    /// Arabic script with letters Hausa Ajami uses and Arabic does not is never `ar`.
    @Test func hausaAjamiLettersAreNotArabic() throws {
        let text = "ٻَابُ ڟَانْ ۑَرَا سُنْ ࢻِي ࢼَرْ مَاكَرَانْتَ"
        let p = try shipped().identify(text)
        #expect(p.language == "und")
        #expect(p.script == "Arab")
    }

    @Test func unseenScriptIsNamed() throws {
        #expect(try shipped().identify("Правительство объявило о выборах").script == "Cyrl")
    }
}
