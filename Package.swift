// swift-tools-version: 6.0
//
// vndoc: Vietnamese health-sector documents in, trustworthy structured data out.
//
// Layers (each depends only on those above it in this list):
//   DocumentModel, CICUShim, CLibXML2      the value that flows, thin C interop
//   VietnameseText, Emit                   ICU-backed normalisation; writers
//   Datasets                               CSV, SQLite (GRDB) and report.html from a run
//   LegacyText                             pre-Unicode Vietnamese: decoders and repair
//   Ingest, Structure                      readers (bytes -> text); block segmentation
//   HTMLReader, DOCXReader, DOCReader,     readers of structured formats
//   RTFReader
//   Pipeline                               stage protocol, registry, pipeline files, runner
//   vndoc                                  the command line, nothing else
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "vndoc",
    platforms: [.macOS(.v14)],
    products: [
        // The library: usable from another package without the command line.
        .library(
            name: "VNDocKit",
            targets: ["DocumentModel", "VietnameseText", "LegacyText", "Ingest", "HTMLReader", "DOCXReader", "DOCReader", "RTFReader", "Structure", "Entities", "Analysis", "Emit", "Datasets", "Pipeline"]
        ),
        .executable(name: "vndoc", targets: ["vndoc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // ICU behind a header that uses only <stdint.h> types (ICU's own headers stay in the .c file,
        // so they never meet the ICU that Foundation bundles).
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // libxml2 as a system library; its shim header switches off libxml2's ICU include.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        .target(name: "DocumentModel", swiftSettings: strict),
        .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel", "_TestSupport"], swiftSettings: strict),

        .target(name: "VietnameseText", dependencies: ["CICUShim"], swiftSettings: strict),
        .testTarget(name: "VietnameseTextTests", dependencies: ["VietnameseText", "CICUShim"], swiftSettings: strict),

        .target(name: "Emit", dependencies: ["DocumentModel"], swiftSettings: strict),
        .testTarget(name: "EmitTests", dependencies: ["Emit", "DocumentModel", "_TestSupport"], swiftSettings: strict),

        // SHA-256 blocks with the x86 SHA extensions (the portable path is Swift, in Ingest).
        .target(name: "CSHA256"),
        .target(name: "Ingest", dependencies: ["DocumentModel", "VietnameseText", "LegacyText", "CSHA256"], swiftSettings: strict),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "DocumentModel", "_TestSupport"], swiftSettings: strict),

        // Readers of formats with their own structure: they fill text and blocks together.
        // libxml2's one-time set-up, shared by the readers that parse with it (on worker threads).
        .target(name: "LibXML2Setup", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(name: "HTMLReader", dependencies: ["DocumentModel", "Ingest", "CLibXML2", "LibXML2Setup"], swiftSettings: strict),
        .testTarget(name: "HTMLReaderTests", dependencies: ["HTMLReader", "DocumentModel", "Ingest", "_TestSupport"], swiftSettings: strict),
        .target(
            name: "DOCXReader",
            dependencies: ["DocumentModel", "Ingest", "CLibXML2", "LibXML2Setup", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DOCXReaderTests",
            dependencies: ["DOCXReader", "DocumentModel", "Ingest", "_TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),

        // Pre-Unicode Vietnamese: TCVN3, VNI, VISCII, VPS, Windows-1258 and VIQR decoders (tables are
        // resource files with their sources), and the detector that repairs legacy text wherever it hides.
        .target(name: "LegacyText", dependencies: ["DocumentModel", "VietnameseText"], resources: [.copy("Resources")], swiftSettings: strict),
        .testTarget(name: "LegacyTextTests", dependencies: ["LegacyText", "DocumentModel", "VietnameseText", "_TestSupport"], swiftSettings: strict),
        // Word 97-2003 (.doc, OLE2 compound file) and RTF readers.
        .target(name: "DOCReader", dependencies: ["DocumentModel", "Ingest", "LegacyText"], swiftSettings: strict),
        .testTarget(name: "DOCReaderTests", dependencies: ["DOCReader", "DocumentModel", "Ingest", "LegacyText", "_TestSupport"], swiftSettings: strict),
        .target(name: "RTFReader", dependencies: ["DocumentModel", "Ingest", "LegacyText"], swiftSettings: strict),
        .testTarget(name: "RTFReaderTests", dependencies: ["RTFReader", "DocumentModel", "Ingest", "LegacyText", "_TestSupport"], swiftSettings: strict),

        .target(name: "Structure", dependencies: ["DocumentModel", "VietnameseText"], swiftSettings: strict),
        .testTarget(name: "StructureTests", dependencies: ["Structure", "DocumentModel", "_TestSupport"], swiftSettings: strict),

        .target(
            name: "Entities",
            dependencies: ["DocumentModel", "VietnameseText"],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "DocumentModel", "VietnameseText", "Ingest", "Emit", "Pipeline", "_TestSupport"], swiftSettings: strict),
        
        // Document structure over the blocks and entities: kind, administrative header, questionnaire
        // items, news items, the TWG directory.
        .target(name: "Analysis", dependencies: ["DocumentModel", "VietnameseText", "Entities"], resources: [.copy("Resources")], swiftSettings: strict),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "DocumentModel", "Entities", "Pipeline", "VietnameseText", "_TestSupport"], swiftSettings: strict),

        // Tables out of a run's documents: CSV files, the SQLite database (GRDB) and report.html.
        .target(
            name: "Datasets",
            dependencies: ["DocumentModel", "Emit", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DatasetsTests",
            dependencies: ["Datasets", "DocumentModel", "Emit", "Pipeline", "_TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),

        .target(
            name: "Pipeline",
            dependencies: [
                "DocumentModel", "VietnameseText", "LegacyText", "Ingest", "HTMLReader", "DOCXReader", "DOCReader", "RTFReader",
                "Structure", "Entities", "Analysis", "Emit", "Datasets",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "DocumentModel", "Emit", "VietnameseText", "_TestSupport"],
            exclude: ["Goldens"],
            swiftSettings: strict
        ),

        .executableTarget(
            name: "vndoc",
            dependencies: [
                "Pipeline", "DocumentModel", "VietnameseText", "Ingest", "Emit", "Datasets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CLITests", dependencies: ["_TestSupport"], swiftSettings: strict),

        // Proves that libxml2 links next to Foundation from a clean build (the HTML reader builds on it).
        .testTarget(name: "CLibXML2Tests", dependencies: ["CLibXML2"], swiftSettings: strict),

        // Helpers shared by the test targets: a JSON Schema checker, golden-file paths, running the binary.
        .target(name: "_TestSupport", dependencies: ["DocumentModel", "VietnameseText", "LegacyText"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
