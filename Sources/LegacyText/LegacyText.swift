/// Pre-Unicode Vietnamese text: decoders and repair (being built; see issue 5).
public enum LegacyText {}
