/// Language codes as Dossier stores them: the two-letter codes of ISO 639-1, in lower case.
///
/// The list is a Swift literal rather than a file in Seeds/: it is an international standard, not
/// archive data that users curate, and a literal needs no parsing, no error path at start-up and no
/// build-plugin input. It is the 184 `alpha_2` values of the ISO 639-3 table in Debian's iso-codes
/// 4.15.0 (`/usr/share/iso-codes/json/iso_639-3.json`), which includes `sh` (Serbo-Croatian) and
/// not the collective `bh`. Three-letter ISO 639-3 codes are not accepted: extraction and its
/// lexicons key on the two-letter code (`fr`, `en`), and accepting `fra` beside `fr` would split one
/// language into two values in the archive.
public enum LanguageCode {
    public static let iso639Part1: Set<String> = Set(
        """
        aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
        da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
        hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
        la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
        oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr
        ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
        yo za zh zu
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// `code` in lower case when it is an ISO 639-1 code (so `FR` is read as `fr`), else nil.
    public static func normalized(_ code: String) -> String? {
        let lowered = code.lowercased()
        return iso639Part1.contains(lowered) ? lowered : nil
    }

    /// Why `code` is refused, as the end of an error message: `<subject> 'xx' is not an ISO 639-1 code …`.
    public static func refusal(_ code: String, subject: String = "language") -> String {
        "\(subject) '\(ControlCharacter.escaped(code))' is not an ISO 639-1 code (two letters, e.g. fr, en)"
    }
}
