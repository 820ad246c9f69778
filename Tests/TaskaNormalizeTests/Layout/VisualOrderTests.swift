import Testing
@testable import TaskaNormalize

@Suite struct VisualOrderTests {
    @Test func leftToRightTextIsUnchanged() throws {
        #expect(try VisualOrder.reorder("Labarai na yau (Litinin)") == "Labarai na yau (Litinin)")
        #expect(try VisualOrder.reorder("") == "")
    }

    @Test func anArabicLineIsReversedForDisplay() throws {
        // سلام عليكم in memory order -> display order reads right to left when printed left to right.
        #expect(try VisualOrder.reorder("سلام عليكم") == "مكيلع مالس")
    }

    @Test func harakatStayOnTheirLetters() throws {
        // حَيٍّ: the marks follow their base letter in memory and in display order alike.
        #expect(try VisualOrder.reorder("حَيٍّ") == "يٍّحَ")
    }

    @Test func latinInsideArabicKeepsItsOwnOrder() throws {
        #expect(try VisualOrder.reorder("قال ABC اليوم") == "مويلا ABC لاق")
        #expect(try VisualOrder.reorder("Hausa: سلام here") == "Hausa: مالس here")
    }

    @Test func numbersStayLeftToRightAndBracketsAreMirrored() throws {
        #expect(try VisualOrder.reorder("عام 2024") == "2024 ماع")
        #expect(try VisualOrder.reorder("(سلام)") == "(مالس)")
    }

    @Test func aForcedRightToLeftBaseMovesLeadingLatinToTheRight() throws {
        #expect(try VisualOrder.reorder("ABC سلام", rightToLeft: true) == "مالس ABC")
    }
}
