@testable import TaskaRestore

/// A small model trained from project-written Hausa lines, so the restorer's tests do not
/// depend on the shipped model's exact counts.
enum TestModel {
    static let lines = [
        "Ƙasar Najeriya ta ɗauki mataki domin ƙasa baki ɗaya.",
        "Ƙungiyar ta ce za a ɗauki ƙarin ma'aikata a ƙasar nan.",
        "Waɗannan ƴan kasuwa sun roƙi gwamnati ta buɗe hanya.",
        "Ƴan sanda sun kama ɓarayi biyu a ƙauyen da ke kusa.",
        "Ya ce ƙasa ta yi ɗan sauƙi bayan ruwan sama, kuma ya ɗauki ɓangaren kudu.",
        "Ɗaliban sun karɓi kuɗin tallafi daga ƙungiyar.",
        "Ba ya son kowa ya ɗauki kaya, in ji ƙungiyar; kuma a ƙasar Kano suna ɓoye kuɗi.",
        "Kada ku yi ɓarna a ƙasa, in ji ɗan ƙungiyar ƴan kasuwa.",
        // A line with no hooked k: its plain `kasa` must not teach the model.
        "Sun ce kasa ta yi kyau kasa kasa kasa kasa.",
        // A line that hooks d but no k: its `kama` and `kifi` must not teach the model.
        "Ɗan uwansa ya kama kifi.",
    ]

    static let model: HookModel = HookModelTrainer().train(lines: lines)
    static let restorer = HookRestorer(model: model)
}
