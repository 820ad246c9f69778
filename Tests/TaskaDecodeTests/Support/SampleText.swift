/// Short texts written for these tests (not taken from any corpus).
enum SampleText {
    static let arabic = """
        ذهب الولد إلى المدرسة في الصباح الباكر، وكان الجو جميلا. قرأ المعلم الدرس على الطلاب \
        ثم كتبوا الواجب في الدفاتر. وفي المساء عاد الأطفال إلى البيت وتناولوا العشاء مع العائلة.
        """
    static let hausa = """
        Gwamnatin tarayya ta ƙaddamar da sabon shiri domin taimaka wa ɗalibai a ƙasar. \
        Ƴan majalisa sun amince da ɓangaren kasafin kuɗi.
        """
    static let russian = """
        Москва является столицей России и крупнейшим городом страны. В городе много музеев, \
        театров и парков, а летом по реке ходят прогулочные корабли.
        """
    static let french = """
        Le café était très agréable ce matin-là; nous avons mangé une crème brûlée près de la fenêtre \
        et parlé de l'été à Orléans, où la forêt est déjà dorée.
        """
}
