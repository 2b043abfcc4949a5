/// The control words the interpreter acts on, each mapped once to what it does; every other
/// control word is ignored, as RTF readers must.
extension RTFInterpreter {
    /// What a control word does; one dictionary look-up per control word.
    enum Keyword {
        case character(UInt16)
        case skipped, fontTable, info, infoText(String), infoDate(String), dateField, object, result, upr, unicodeTwin
        case story(Int, String), endnoteMark, annotation
        case codePage(Int?), defaultFont, font, fontCharset, fontCodePage, unicodeSkip, unicode
        case plain, hidden, paragraphDefaults, inTable, tableDepth
        case paragraph, lineBreak, cell, row
    }

    static let keywords: [String: Keyword] = {
        var k: [String: Keyword] = [
            "emdash": .character(0x2014), "endash": .character(0x2013), "emspace": .character(0x2003),
            "enspace": .character(0x2002), "qmspace": .character(0x2005), "bullet": .character(0x2022),
            "lquote": .character(0x2018), "rquote": .character(0x2019), "ldblquote": .character(0x201C),
            "rdblquote": .character(0x201D), "zwj": .character(0x200D), "zwnj": .character(0x200C), "tab": .character(0x09),
            "fonttbl": .fontTable, "info": .info, "title": .infoText("title"), "author": .infoText("creator"),
            "creatim": .infoDate("created"), "revtim": .infoDate("modified"),
            "yr": .dateField, "mo": .dateField, "dy": .dateField, "hr": .dateField, "min": .dateField, "sec": .dateField,
            "object": .object, "result": .result, "upr": .upr, "ud": .unicodeTwin,
            "footnote": .story(2, "footnote"), "ftnalt": .endnoteMark, "annotation": .annotation,
            "ansicpg": .codePage(nil), "ansi": .codePage(1252), "mac": .codePage(10000), "pc": .codePage(437), "pca": .codePage(850),
            "deff": .defaultFont, "f": .font, "fcharset": .fontCharset, "cpg": .fontCodePage, "uc": .unicodeSkip, "u": .unicode,
            "plain": .plain, "v": .hidden, "pard": .paragraphDefaults, "intbl": .inTable, "itap": .tableDepth,
            "par": .paragraph, "sect": .paragraph, "page": .paragraph, "column": .paragraph,
            "line": .lineBreak, "nestcell": .lineBreak, "cell": .cell, "row": .row,
        ]
        for name in ["header", "headerl", "headerr", "headerf"] { k[name] = .story(1, "header") }
        for name in ["footer", "footerl", "footerr", "footerf"] { k[name] = .story(1, "footer") }
        // Destinations whose text is never part of the document (besides every \* destination).
        for name in [
            "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl", "filetbl", "pict", "fldinst",
            "xe", "tc", "txe", "template", "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "nonshppict",
            "shp", "shpinst", "shprslt", "do", "bkmkstart", "bkmkend", "pgdsctbl", "datafield", "objdata", "private",
            "themedata", "colorschememapping", "latentstyles", "xmlnstbl", "generator", "keywords", "doccomm", "comment",
            "operator", "subject", "category", "company", "manager", "hlinkbase", "printim", "buptim", "userprops",
            "docvar", "listpicture", "fchars", "lchars", "pntxta", "pntxtb", "pn", "falt", "panose", "mmathPr",
            "atnid", "atnauthor", "atnref", "atndate", "atnparent", "atrfstart", "atrfend", "background", "nextfile",
            "bkmkcolf", "bkmkcoll", "objclass", "objname", "objtime", "picprop", "blipuid", "formfield", "ffname",
            "ffdeftext", "ffformat", "ffhelptext", "ffstattext", "ffentrymcr", "ffexitmcr", "fldtype", "passwordhash",
        ] { k[name] = .skipped }
        return k
    }()
}
