"""Character normalisation: what is changed, and what is deliberately kept."""

from atlas.text.normalize import join_spaced_letters, normalize_chars


def test_kangxi_radicals_become_kanji():
    assert normalize_chars("日本独⾃のデジタル変⾰") == "日本独自のデジタル変革"


def test_radicals_supplement_that_nfkc_misses_become_kanji():
    # U+2E80–U+2EFF has no decomposition: NFKC leaves these alone.
    assert normalize_chars("官⺠データ、本部⻑、⺟⼦、関⻄") == "官民データ、本部長、母子、関西"


def test_radicals_get_japanese_forms_not_nfkc_ones():
    # NFKC gives 戶 and 黑; Japanese writes 戸 and 黒.
    assert normalize_chars("⼾籍") == "戸籍"
    assert normalize_chars("⿊字") == "黒字"


def test_circled_digits_and_roman_numerals_are_kept():
    assert normalize_chars("①情報銀行 ② Ⅱ．提言 Ⅰ") == "①情報銀行 ② Ⅱ．提言 Ⅰ"


def test_fullwidth_letters_and_digits_become_halfwidth_but_japanese_punctuation_stays():
    assert normalize_chars("ＡＩ時代のＩＴ政策（２０１９年）：Ｇ２０") == "AI時代のIT政策（2019年）：G20"


def test_halfwidth_katakana_become_fullwidth_with_sound_marks():
    assert normalize_chars("ﾏｲﾅﾎﾟｰﾀﾙを通じた特定健診ﾃﾞｰﾀ") == "マイナポータルを通じた特定健診データ"


def test_vertical_presentation_forms_become_ordinary_punctuation():
    assert normalize_chars("参照︓別紙") == "参照：別紙"


def test_typographic_spaces_become_the_spaces_japanese_text_is_read_with():
    # A spreadsheet writes an em space between a section's number and its title: a full-width
    # space, as the heading rules know it; an en or thin space is a plain one.
    assert normalize_chars("２\u2003申請の状況") == "2\u3000申請の状況"
    assert normalize_chars("A\u2002B\u2009C") == "A B C"


def test_damaged_characters_stay_visible():
    assert normalize_chars("2017年\ufffd") == "2017年\ufffd"


def test_spaced_capitals_are_rejoined():
    assert join_spaced_letters("A I S I を含む専門的な分析") == "AISIを含む専門的な分析"
    assert join_spaced_letters("K P I やベンチマーク") == "KPIやベンチマーク"
    assert join_spaced_letters("生成 A I の普及") == "生成AIの普及"
    assert join_spaced_letters("G 20でもG 7でも") == "G20でもG7でも"
    assert join_spaced_letters("O E C Dの広島A Iプロセス") == "OECDの広島AIプロセス"


def test_ordinary_latin_text_is_not_rejoined():
    assert join_spaced_letters("AI for Science") == "AI for Science"
    assert join_spaced_letters("I am A Bcd") == "I am A Bcd"
    assert join_spaced_letters("Society 5.0時代") == "Society 5.0時代"
    assert join_spaced_letters("博報堂 DY ホールディングス") == "博報堂 DY ホールディングス"
