/// RTF documents; being built, see issue 5.
public enum RTFReader {}
