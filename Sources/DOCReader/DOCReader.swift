/// Word 97-2003 documents (OLE2 compound files); being built, see issue 5.
public enum DOCReader {}
